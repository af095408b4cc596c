// Saves an application draft as it is typed (progressive enhancement: without this script the form's
// "Save draft" button does the same), so a dropped connection loses at most the last few seconds. When a
// save cannot reach the server (no connection), the draft waits on this device (localStorage), is sent
// as soon as a save works again, and if the page is opened again first, it is offered back. Signing out
// clears it with the rest of the site's storage.
(function () {
  "use strict";
  var form = document.querySelector("form.application[data-programme]");
  if (!form || !window.fetch || !window.JSON) { return; }
  var programme = form.getAttribute("data-programme");
  var csrf = form.getAttribute("data-csrf");
  var state = form.querySelector(".save-state");
  var offer = document.getElementById("draft-on-device");
  var KEY = "pravo-draft:" + programme;
  var timer = null;
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }

  function say(which) { if (state) { state.textContent = state.getAttribute(which); } }

  function draft() {
    var body = { answers: {} };
    var fields = form.elements;
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (!f.name || f.name === "csrf" || f.type === "submit" || f.type === "button") { continue; }
      if (f.form !== form || f.type === "hidden") { continue; }
      if (f.name === "consent") { body.consent = f.checked; continue; }
      if (f.type === "radio" && !f.checked) { continue; }
      if (f.name.indexOf("answer.") === 0) { body.answers[f.name.slice(7)] = f.value; }
      else { body[f.name] = f.value; }
    }
    return body;
  }

  function fill(body) {
    var fields = form.elements;
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (!f.name || f.form !== form || f.type === "submit" || f.type === "hidden") { continue; }
      if (f.name === "consent") { f.checked = !!body.consent; continue; }
      var value = f.name.indexOf("answer.") === 0 ? (body.answers || {})[f.name.slice(7)] : body[f.name];
      if (value === undefined) { continue; }
      if (f.type === "radio") { f.checked = f.value === value; } else { f.value = value; }
    }
  }

  function keepOnDevice(body) {
    if (!store) { return; }
    try { store.setItem(KEY, JSON.stringify(body)); } catch (e) { /* full or refused: nothing more to do */ }
  }

  function forget() { if (store) { store.removeItem(KEY); } }

  function save() {
    timer = null;
    var body = draft();
    fetch("/api/v1/programmes/" + encodeURIComponent(programme) + "/application", {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.ok) { forget(); say("data-saved"); } else { say("data-failed"); }
    }, function () {
      // No connection: the draft waits here, and is sent with the next save that works.
      keepOnDevice(body);
      say("data-kept");
    });
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 1500);
  }

  // A draft typed without a connection last time, not sent since: offer it back.
  var waiting = null;
  try { waiting = store && store.getItem(KEY) ? JSON.parse(store.getItem(KEY)) : null; } catch (e) { waiting = null; }
  if (waiting && offer && JSON.stringify(waiting) !== JSON.stringify(draft())) {
    offer.hidden = false;
    offer.querySelector("[data-use]").addEventListener("click", function () {
      fill(waiting);
      offer.hidden = true;
      save();
    });
    offer.querySelector("[data-discard]").addEventListener("click", function () {
      forget();
      offer.hidden = true;
    });
  } else if (waiting) {
    forget();
  }

  // Only now is it true that answers save as they are typed: say so.
  say("data-on");
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  window.addEventListener("online", function () { if (store && store.getItem(KEY)) { save(); } });
})();
