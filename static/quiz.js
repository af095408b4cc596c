// Saves each answer of a quiz attempt as it is given (progressive enhancement: without this script the
// form's Save button does the same). Answers go to the JSON API with the page's CSRF token.
(function () {
  "use strict";
  var form = document.querySelector("form.quiz[data-attempt]");
  if (!form || !window.fetch) { return; }
  var attempt = form.getAttribute("data-attempt");
  var csrf = form.getAttribute("data-csrf");
  var state = form.querySelector(".save-state");
  var offline = form.getAttribute("data-offline") === "queue";

  function answerOf(fieldset) {
    var type = fieldset.getAttribute("data-type");
    var inputs = fieldset.querySelectorAll("input, textarea, select");
    var i, value;
    if (type === "single" || type === "truefalse") {
      for (i = 0; i < inputs.length; i++) {
        if (inputs[i].type === "radio" && inputs[i].checked) {
          value = inputs[i].value;
          return type === "truefalse" ? value === "true" : value;
        }
      }
      return undefined;
    }
    if (type === "multiple") {
      var chosen = [];
      for (i = 0; i < inputs.length; i++) {
        if (inputs[i].type === "checkbox" && inputs[i].checked) { chosen.push(inputs[i].value); }
      }
      return chosen;
    }
    if (type === "matching") {
      var map = {};
      for (i = 0; i < inputs.length; i++) {
        var parts = inputs[i].name.split(".");
        if (inputs[i].tagName === "SELECT" && inputs[i].value) { map[parts[parts.length - 1]] = inputs[i].value; }
      }
      return map;
    }
    var text = fieldset.querySelector("input[type=text], textarea");
    if (!text) { return undefined; }
    if (type === "numerical") {
      var n = parseFloat(text.value.replace(",", ".").replace(/\s/g, ""));
      return isNaN(n) ? undefined : n;
    }
    return text.value;
  }

  function save(fieldset) {
    var answer = answerOf(fieldset);
    if (answer === undefined) { return; }
    var question = fieldset.getAttribute("data-question");
    var headers = { "Content-Type": "application/json", "X-CSRF-Token": csrf };
    // An untimed attempt may be answered without a connection: the service worker (sw.js) keeps the
    // answer on the device and it is sent when the connection is back. A timed one needs the network.
    if (offline) { headers["Pravo-Offline"] = "queue"; }
    fetch("/api/v1/attempts/" + attempt + "/answers/" + encodeURIComponent(question), {
      method: "PUT",
      credentials: "same-origin",
      headers: headers,
      body: JSON.stringify({ answer: answer })
    }).then(function (response) {
      if (!state) { return; }
      if (response.status === 202) { state.textContent = form.getAttribute("data-saved-here"); }
      else { state.textContent = response.ok ? state.getAttribute("data-saved") || "✓" : ""; }
    }).catch(function () {
      if (state) { state.textContent = form.getAttribute("data-not-saved"); }
    });
  }

  // A timed attempt counts down in the reader's own clock (the page also says how many minutes were left
  // when it was drawn, for readers without this script).
  var countdown = document.querySelector(".countdown[data-deadline]");
  if (countdown) {
    var deadline = Date.parse(countdown.getAttribute("data-deadline"));
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      if (left === 0) {
        countdown.textContent = countdown.getAttribute("data-up");
        countdown.setAttribute("role", "alert");
        return;
      }
      var m = Math.floor(left / 60), s = left % 60;
      countdown.textContent = countdown.getAttribute("data-left").replace("{time}", m + ":" + (s < 10 ? "0" : "") + s);
      setTimeout(tick, 1000);
    };
    if (!isNaN(deadline)) { countdown.hidden = false; tick(); }
  }

  var timers = {};
  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset) { save(fieldset); }
  });
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset) { return; }
    var id = fieldset.getAttribute("data-question");
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(fieldset); }, 800);
  });
})();
