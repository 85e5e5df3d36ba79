// Salary bands in the admin: next to each low, average and top box, the figure's counterpart
// on the other basis ("≈ 58.123 TL brüt, 2025 kurallarıyla") as the editor types, from the
// staff-only address in the box's data-convert-url (the site's own arithmetic; nothing is
// computed here). The year and basis come from the same row's boxes (the band's page, the
// article's inline, rows added later) or, in the editable salary list, from the row's
// "other basis" column. A static file: the admin's Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  if (!window.fetch || !window.URLSearchParams) { return; }
  var timers = new WeakMap();
  var BOX = "input[data-convert-url]";

  function prefix(name) { return name.slice(0, name.lastIndexOf("-") + 1); }

  function bandOf(input) {
    var form = input.form;
    var start = prefix(input.name);
    var year = form && form.elements.namedItem(start + "year");
    var basis = form && form.elements.namedItem(start + "pay_basis");
    var row = input.closest("tr");
    var holder = row && row.querySelector("[data-year]");
    return {
      year: year ? year.value : (holder ? holder.getAttribute("data-year") : ""),
      basis: basis ? basis.value : (holder ? holder.getAttribute("data-basis") : "")
    };
  }

  function output(input) {
    var next = input.nextElementSibling;
    if (next && next.classList.contains("converted-typed")) { return next; }
    var span = document.createElement("span");
    span.className = "converted-typed help";
    span.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", span);
    return span;
  }

  function update(input) {
    var band = bandOf(input);
    var shown = output(input);
    if (!band.year || !band.basis || !input.value.trim()) { shown.textContent = ""; return; }
    var query = new URLSearchParams({ yil: band.year, tur: band.basis, tutar: input.value });
    fetch(input.getAttribute("data-convert-url") + "?" + query.toString(), {
      credentials: "same-origin", headers: { "Accept": "application/json" }
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { shown.textContent = answer.text; } })
      .catch(function () { shown.textContent = ""; });
  }

  function soon(input) {
    window.clearTimeout(timers.get(input));
    timers.set(input, window.setTimeout(function () { update(input); }, 300));
  }

  function changed(event) {
    var target = event.target;
    if (!target.name) { return; }
    if (target.matches(BOX)) { soon(target); return; }
    if (/(^|-)(year|pay_basis)$/.test(target.name) && target.form) {
      var start = prefix(target.name);
      target.form.querySelectorAll(BOX).forEach(function (box) {
        if (prefix(box.name) === start) { soon(box); }
      });
    }
  }

  document.addEventListener("input", changed);
  document.addEventListener("change", changed);
  // Figures already there: shown at once, except in the salary list, whose "other basis"
  // column shows them until one is edited. (The admin loads this in the page's head.)
  function showAll() {
    document.querySelectorAll(BOX).forEach(function (box) {
      var row = box.closest("tr");
      if (box.value.trim() && !(row && row.querySelector("[data-year]"))) { update(box); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showAll);
  } else {
    showAll();
  }
})();
