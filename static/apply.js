// Saves an application draft as it is typed (progressive enhancement: without this script the form's
// "Save draft" button does the same), so a dropped connection loses at most the last few seconds.
(function () {
  "use strict";
  var form = document.querySelector("form.application[data-programme]");
  if (!form || !window.fetch || !window.JSON) { return; }
  var programme = form.getAttribute("data-programme");
  var csrf = form.getAttribute("data-csrf");
  var state = form.querySelector(".save-state");
  var timer = null;

  function draft() {
    var body = { answers: {} };
    var fields = form.elements;
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (!f.name || f.name === "csrf" || f.name === "action") { continue; }
      if (f.name === "consent") { body.consent = f.checked; continue; }
      if (f.type === "radio" && !f.checked) { continue; }
      if (f.name.indexOf("answer.") === 0) { body.answers[f.name.slice(7)] = f.value; }
      else { body[f.name] = f.value; }
    }
    return body;
  }

  function save() {
    timer = null;
    fetch("/api/v1/programmes/" + encodeURIComponent(programme) + "/application", {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(draft())
    }).then(function (response) {
      if (state) { state.textContent = state.getAttribute(response.ok ? "data-saved" : "data-failed"); }
    }, function () {
      if (state) { state.textContent = state.getAttribute("data-failed"); }
    });
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 1500);
  }

  // Only now is it true that answers save as they are typed: say so.
  if (state) { state.textContent = state.getAttribute("data-on"); }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
