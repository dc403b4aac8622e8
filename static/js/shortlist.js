// The shortlist page (offers/shortlist.html): a Print button and a Copy-the-link button, shown only when
// JavaScript runs. Without them the page still works: print from the browser, copy the link from the field.
document.addEventListener("DOMContentLoaded", () => {
  const print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }
  const copy = document.querySelector("[data-copy]");
  const status = document.querySelector("[data-copied-message]");
  if (copy && navigator.clipboard) {
    const field = document.getElementById(copy.dataset.copy);
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = status.dataset.copiedMessage;
    });
  }
});
