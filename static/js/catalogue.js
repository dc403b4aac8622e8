// Progressive enhancement for the catalogue search (offers/_search.html); without JavaScript the form and the
// facet links do the same work with a press of "Search", and "Go to the filters" leads to the facets.
// - The form leaves empty fields out of the address, so a search reads "?q=vikinger", not "?q=vikinger&dato=".
// - The sort menu changes the order only with "Search" or Enter, never while the arrow keys move through its
//   options (WCAG 3.2.2 On Input).
// - On small screens the facets sit in the "Filter" disclosure above the results instead of after them.
// - A choice of facet or a removed filter leads back to the results: the links carry the results heading as
//   their fragment, and the heading takes the focus when the page opens there.
const RESULTS = "catalogue-results-heading";
const SMALL_SCREEN = window.matchMedia("(max-width: 48rem)");

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form.catalogue-form")) {
    form.addEventListener("submit", (event) => {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (value !== "") params.append(name, value);
      }
      event.preventDefault();
      const query = params.toString();
      window.location.assign(query ? `${window.location.pathname}?${query}` : window.location.pathname);
    });

    const sorter = form.querySelector("select[name=sorter]");
    sorter?.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      form.requestSubmit();
    });
  }

  const facets = document.querySelector(".catalogue .facets");
  const disclosure = document.querySelector(".catalogue__filter");
  if (facets && disclosure) {
    const home = facets.parentElement;
    const jump = document.querySelector(".catalogue__jump");
    const place = () => {
      (SMALL_SCREEN.matches ? disclosure : home).append(facets);
      disclosure.hidden = !SMALL_SCREEN.matches;
      if (jump) jump.hidden = SMALL_SCREEN.matches;
    };
    place();
    SMALL_SCREEN.addEventListener("change", place);
  }

  const heading = document.getElementById(RESULTS);
  if (!heading) return;
  for (const link of document.querySelectorAll(".facets a, .catalogue__active a, .zero-results a")) {
    if (link.getAttribute("href")?.startsWith("?")) link.hash = RESULTS;
  }
  if (window.location.hash === `#${RESULTS}`) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }
});
