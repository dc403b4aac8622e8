// Inside an embeddable page (/indlejr/…, templates/embed_base.html): tells the page around the iframe how
// tall the content is, so that the portal's static/js/embed.js there can size the iframe to fit. Only the
// height is sent (nothing else about the page or the visitor); the receiver checks that it came from the
// portal, so it may go to any parent.
(() => {
  if (window.parent === window) return;
  let sent = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: "aabenskole:height", height }, "*");
  };
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
})();
