// Progressive enhancement for the catalogue search (offers/_search.html); without JavaScript the form and the
// facet links do the same work with a press of "Search".
// - The form leaves empty fields out of the address, so a search reads "?q=vikinger", not "?q=vikinger&dato=".
// - Choosing an order sorts the list at once. A hint beside the field says so before it is used (WCAG 3.2.2).
//   The date field is left alone: typing a date would submit half of it.
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
    const hint = form.querySelector(".catalogue-form__hint");
    if (!sorter || !hint) continue;
    hint.hidden = false;
    const described = sorter.getAttribute("aria-describedby");
    sorter.setAttribute("aria-describedby", described ? `${described} ${hint.id}` : hint.id);
    sorter.addEventListener("change", () => form.requestSubmit());
  }
});
