// Switching language keeps what was typed in the page's forms. The application and quiz forms need no
// script for it (the language buttons send them, and the server saves them); on every other page, this
// keeps the changed values in this tab's sessionStorage for the same page in the new language, which
// puts them back and forgets them. Passwords, files and hidden fields are never kept.
(function () {
  "use strict";
  if (!window.sessionStorage || !window.JSON) { return; }
  var KEY = "pravo-typed:" + location.pathname;

  function fields(form) {
    var out = [];
    for (var i = 0; i < form.elements.length; i++) {
      var f = form.elements[i];
      var type = f.type || "";
      if (!f.name || f.name === "csrf" || f.disabled || f.form !== form) { continue; }
      if (/^(password|hidden|file|submit|button|reset|image)$/.test(type)) { continue; }
      out.push(f);
    }
    return out;
  }

  function changed(f) {
    if (f.type === "checkbox" || f.type === "radio") { return f.checked !== f.defaultChecked; }
    if (f.options) {
      for (var i = 0; i < f.options.length; i++) {
        if (f.options[i].selected !== f.options[i].defaultSelected) { return true; }
      }
      return false;
    }
    return f.value !== f.defaultValue;
  }

  function forms() { return document.querySelectorAll("main form"); }

  function keep() {
    var typed = [];
    var all = forms();
    for (var i = 0; i < all.length; i++) {
      var list = fields(all[i]);
      for (var j = 0; j < list.length; j++) {
        var f = list[j];
        if (changed(f)) { typed.push([i, all[i].getAttribute("action") || "", j, f.name, f.value, f.checked]); }
      }
    }
    if (typed.length) { sessionStorage.setItem(KEY, JSON.stringify(typed)); }
  }

  function restore() {
    var saved = sessionStorage.getItem(KEY);
    if (!saved) { return; }
    sessionStorage.removeItem(KEY);
    var typed;
    try { typed = JSON.parse(saved); } catch (e) { return; }
    var all = forms();
    for (var k = 0; k < typed.length; k++) {
      var t = typed[k];
      var form = all[t[0]];
      if (!form || (form.getAttribute("action") || "") !== t[1]) { continue; }
      var f = fields(form)[t[2]];
      if (!f || f.name !== t[3]) { continue; }
      if (f.type === "checkbox" || f.type === "radio") { f.checked = t[5]; } else { f.value = t[4]; }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    restore();
    var switcher = document.querySelector("form.lang");
    if (switcher) { switcher.addEventListener("submit", keep); }
  });
})();
