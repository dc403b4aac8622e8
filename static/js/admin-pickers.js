// Accessible names for the back office's pickers (select2 autocomplete; portal/admin.py PickerSelect), which
// select2 leaves unnamed: the search field of a many-value picker gets the field's label, and a one-value
// picker is named by its label and the chosen value ("Tilbud: Byg et vikingeskib – …"), kept current as the
// value changes. Runs once select2 has built its parts, and again in rows an inline adds.
"use strict";
{
  const nameOf = (select) => {
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    const text = select.getAttribute("aria-label") || (label ? label.textContent : "");
    return text.replace(/:\s*$/, "").trim();
  };

  const nameOne = (select, rendered) => {
    const chosen = [...select.selectedOptions].map((option) => option.textContent.trim()).find(Boolean);
    rendered.setAttribute("aria-label", chosen ? `${nameOf(select)}: ${chosen}` : nameOf(select));
  };

  const namePickers = (root) => {
    for (const select of root.querySelectorAll("select.admin-autocomplete")) {
      const container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2") || select.dataset.named) continue;
      select.dataset.named = "true";
      for (const search of container.querySelectorAll(".select2-search__field")) {
        search.setAttribute("aria-label", nameOf(select));
      }
      const rendered = container.querySelector(".select2-selection__rendered[role=textbox]");
      if (rendered) {
        nameOne(select, rendered);
        window.django.jQuery(select).on("change", () => nameOne(select, rendered));
      }
    }
  };

  // After the admin's own ready handler (autocomplete.js) has started select2.
  document.addEventListener("DOMContentLoaded", () => window.django.jQuery(() => namePickers(document)));
  document.addEventListener("formset:added", (event) => setTimeout(() => namePickers(event.target), 0));
}
