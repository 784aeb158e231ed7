/* Schakel: small enhancements on top of pages that work without JavaScript (loaded with
   `defer`, so the page is parsed when this runs; an external file, as the CSP asks).
   1. After a refused submit, focus moves to the error summary (the GOV.UK / NL Design System
      pattern); the summary also has `autofocus`, this covers browsers that ignore it there.
   2. A section marked `data-shown-for-field` / `data-shown-for-value` is shown only while that
      field has that value (e.g. the online part of a signal only for brondomein Online);
      without JavaScript it stays a folded <details> section that anyone can open. */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    var active = document.activeElement;
    if (summary && (!active || active === document.body)) {
      summary.focus();
    }
  }

  function conditionalSection(section) {
    var field = document.getElementById(section.getAttribute("data-shown-for-field"));
    var value = section.getAttribute("data-shown-for-value");
    if (!field) {
      return;
    }
    function update(byUser) {
      var shown = field.value === value || section.hasAttribute("data-keep-shown");
      section.hidden = !shown;
      if (shown && byUser) {
        section.open = true;
      }
    }
    field.addEventListener("change", function () {
      update(true);
    });
    update(false);
  }

  focusErrorSummary();
  Array.prototype.forEach.call(document.querySelectorAll("[data-shown-for-field]"), conditionalSection);
})();
