// "Copy link": the address is a read-only field anyone can select and copy, also without
// JavaScript; with it, a button copies it in one click. No third-party code.
(function () {
  "use strict";
  document.querySelectorAll("input[data-copy]").forEach(function (field) {
    var status = field.parentNode.querySelector(".copy-status");
    field.addEventListener("focus", function () { field.select(); });
    if (!navigator.clipboard) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = field.getAttribute("data-copy-label");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) { status.textContent = field.getAttribute("data-copied"); }
      }, function () {
        field.focus();
      });
    });
    field.insertAdjacentElement("afterend", button);
  });
})();
