// Progressive enhancement for the catalogue search (offers/_search.html): changing the order or the date
// submits the form at once. Without JavaScript the "Search" button does the same.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form.catalogue-form")) {
    for (const field of form.querySelectorAll("select[name=sorter], input[name=dato]")) {
      field.addEventListener("change", () => form.requestSubmit());
    }
  }
});
