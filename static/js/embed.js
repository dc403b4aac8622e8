// For other web sites that show the Open School Portal's offers in an iframe (the snippet in the portal's
// back office): sizes each <iframe data-aabenskole-embed> to the height its page reports
// (static/js/embed-frame.js). Only messages from the portal this script came from, and from the window of
// one of those iframes, are believed.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const portal = new URL(script.src).origin;
  const MAX_HEIGHT = 100000;
  window.addEventListener("message", (event) => {
    if (event.origin !== portal) return;
    const data = event.data;
    if (!data || data.type !== "aabenskole:height" || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll("iframe[data-aabenskole-embed]")) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.min(Math.max(data.height, 0), MAX_HEIGHT)}px`;
      }
    }
  });
})();
