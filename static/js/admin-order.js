// Ordering rows by drag and drop and by keyboard (the featured offers of a municipal site;
// municipalities/admin.py). Each row's position field (input.js-order-position) gets a drag handle and
// "Move up" / "Move down" buttons; a move renumbers the positions 1, 2, 3 … in the order shown and a live
// region says where the row went. Rows added without an offer keep an empty position (the server puts new
// rows last). Without JavaScript the position numbers do the same work.
"use strict";
{
  const isRow = (node) =>
    node instanceof HTMLTableRowElement && node.classList.contains("form-row") && !node.classList.contains("empty-form");
  const rowsOf = (tbody) => [...tbody.children].filter(isRow);
  const positionOf = (row) => row.querySelector("input.js-order-position");
  const isFilled = (row) =>
    row.classList.contains("has_original") || [...row.querySelectorAll("select")].some((select) => select.value);

  const siblingRow = (row, step) => {
    const rows = rowsOf(row.parentElement);
    return rows[rows.indexOf(row) + step];
  };

  const renumber = (tbody) => {
    let place = 0;
    for (const row of rowsOf(tbody)) {
      const input = positionOf(row);
      if (input && isFilled(row)) input.value = String(++place);
    }
    return place;
  };

  const moved = (row, region) => {
    const count = renumber(row.parentElement);
    const input = positionOf(row);
    if (input.value) {
      region.textContent = input.dataset.moved.replace("%(place)s", input.value).replace("%(count)s", count);
    }
  };

  const button = (text, label, className) => {
    const element = document.createElement("button");
    element.type = "button";
    element.className = `button ${className}`;
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.title = label;
    return element;
  };

  // The listeners sit on the document: moving the row in the page ends a pointer capture on its handle.
  const startDrag = (row, region, event) => {
    event.preventDefault();
    row.classList.add("is-dragging");
    const tbody = row.parentElement;
    const follow = (move) => {
      const target = document.elementFromPoint(move.clientX, move.clientY);
      const over = target && target.closest("tr");
      if (!isRow(over) || over === row || over.parentElement !== tbody) return;
      const box = over.getBoundingClientRect();
      tbody.insertBefore(row, move.clientY < box.top + box.height / 2 ? over : over.nextElementSibling);
    };
    const stop = () => {
      document.removeEventListener("pointermove", follow);
      document.removeEventListener("pointerup", stop);
      document.removeEventListener("pointercancel", stop);
      row.classList.remove("is-dragging");
      moved(row, region);
    };
    document.addEventListener("pointermove", follow);
    document.addEventListener("pointerup", stop);
    document.addEventListener("pointercancel", stop);
  };

  const enhance = (row, region) => {
    const input = positionOf(row);
    if (!input || row.querySelector(".order-controls")) return;
    const controls = document.createElement("span");
    controls.className = "order-controls";
    const handle = document.createElement("span");
    handle.className = "order-handle";
    handle.textContent = "⠿";
    handle.title = input.dataset.drag;
    handle.setAttribute("aria-hidden", "true");
    handle.addEventListener("pointerdown", (event) => startDrag(row, region, event));
    const up = button("↑", input.dataset.moveUp, "order-up");
    const down = button("↓", input.dataset.moveDown, "order-down");
    for (const [control, step] of [[up, -1], [down, 1]]) {
      control.addEventListener("click", () => {
        const other = siblingRow(row, step);
        if (!other) return;
        row.parentElement.insertBefore(row, step < 0 ? other : other.nextElementSibling);
        control.focus();
        moved(row, region);
      });
    }
    controls.append(handle, up, down);
    input.after(controls);
  };

  const regionFor = (tbody) => {
    const table = tbody.closest("table");
    let region = table.nextElementSibling;
    if (!region || !region.classList.contains("order-status")) {
      region = document.createElement("p");
      region.className = "order-status visually-hidden";
      region.setAttribute("aria-live", "polite");
      table.after(region);
    }
    return region;
  };

  document.addEventListener("DOMContentLoaded", () => {
    for (const input of document.querySelectorAll("input.js-order-position")) {
      const row = input.closest("tr");
      if (isRow(row)) enhance(row, regionFor(row.parentElement));
    }
  });
  document.addEventListener("formset:added", (event) => {
    const row = event.target;
    if (isRow(row) && positionOf(row)) enhance(row, regionFor(row.parentElement));
  });
}
