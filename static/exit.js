// The quick exit: leave Pravo at once for a neutral site, replacing this page in the history so that
// Back does not return to it. Esc pressed twice within a second does the same. Without JavaScript the
// link still leads away (the page then stays in the history; the privacy page says how to clear it).
(function () {
  "use strict";
  function leave(href) {
    try { document.body.style.display = "none"; } catch (e) { /* nothing to hide yet */ }
    window.location.replace(href);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var link = document.getElementById("quick-exit");
    if (!link) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave(link.href);
    });
    var last = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - last < 1000) { leave(link.href); }
      last = now;
    });
  });
})();
