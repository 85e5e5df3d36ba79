// The net/gross calculator as the reader types: the form stays a plain GET form (the page works
// without JavaScript); this fetches the same address the form would open (served from the page
// cache when someone asked it before) and copies the parts marked data-refresh into the page.
// The summary is a live region, so screen readers hear the new result, not the whole table.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live]");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
  var timer = null;
  var latest = 0;

  function address() {
    var query = new URLSearchParams(new FormData(form));
    return form.getAttribute("action") + "?" + query.toString();
  }

  function apply(html, url) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    document.querySelectorAll("[data-refresh][id]").forEach(function (part) {
      var other = fresh.getElementById(part.id);
      if (!other) { return; }
      part.replaceChildren.apply(part, Array.prototype.map.call(other.childNodes, function (node) {
        return document.importNode(node, true);
      }));
    });
    form.querySelectorAll("[aria-invalid], input[id], select[id]").forEach(function (field) {
      var other = fresh.getElementById(field.id);
      if (!other) { return; }
      if (other.hasAttribute("aria-invalid")) {
        field.setAttribute("aria-invalid", "true");
        field.closest(".field").classList.add("field-error");
      } else {
        field.removeAttribute("aria-invalid");
        field.closest(".field").classList.remove("field-error");
      }
    });
    window.history.replaceState(null, "", url);
  }

  function update() {
    var url = address();
    var ticket = ++latest;
    fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && ticket === latest) { apply(html, url); }
      })
      .catch(function () { /* offline: the button still submits the form */ });
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 300);
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
})();
