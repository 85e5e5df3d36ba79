/* Show the server's message when the Markdown editor refuses an image upload.
 * markdownx alone logs it to the console and types "Invalid response" into the text. */
(function () {
  "use strict";
  var MARKER = "Invalid response";

  function bind(root) {
    root.querySelectorAll(".markdownx").forEach(function (box) {
      if (box.dataset.uploadErrorsBound) return;
      box.dataset.uploadErrorsBound = "1";
      box.addEventListener("markdownx.fileUploadError", function (event) {
        var response = event.detail && event.detail[0];
        var messages = (response && response.image) || [];
        var editor = box.querySelector("textarea");
        window.setTimeout(function () {
          if (editor) editor.value = editor.value.split(MARKER).join("");
        }, 0);
        if (messages.length) window.alert(messages.join("\n"));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("formset:added", function (event) { bind(event.target); });
})();
