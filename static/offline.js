// Reading without a connection (progressive: without this script, or in a browser without service
// workers, nothing here shows and Pravo works as it always does).
// - On a course page, "Keep this course on this device" stores its pages and images (sw.js serves them
//   when there is no connection); "Remove from this device" deletes them.
// - What was done offline (sw.js keeps it in the cache "pravo-queue") is sent in order when the
//   connection is back, and the page says what became of each step.
// - Signing out deletes everything kept (the server also sends Clear-Site-Data).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches || !window.fetch) { return; }
  var PREFIX = "pravo-course-";
  var QUEUE = "pravo-queue";
  var QUEUE_KEY = "/offline-queue";
  var status = document.getElementById("offline-status");
  var signOut = document.querySelector("form[action='/logout']");
  var csrf = signOut ? signOut.querySelector("input[name=csrf]").value : "";
  var sending = false;

  function say(text, items) {
    if (!status) { return; }
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
    if (items && items.length) {
      var ul = document.createElement("ul");
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.className = item.outcome === "done" ? "done" : "refused";
        li.appendChild(document.createTextNode(item.message + " "));
        if (item.link) {
          var a = document.createElement("a");
          a.href = item.link;
          a.textContent = status.getAttribute("data-open");
          li.appendChild(a);
        }
        ul.appendChild(li);
      });
      status.appendChild(ul);
    }
    status.hidden = false;
  }

  function readQueue() {
    return caches.open(QUEUE).then(function (cache) { return cache.match(QUEUE_KEY); })
      .then(function (r) { return r ? r.json() : []; });
  }

  function forget(ids) {
    return caches.open(QUEUE).then(function (cache) {
      return cache.match(QUEUE_KEY).then(function (r) { return r ? r.json() : []; }).then(function (items) {
        var left = items.filter(function (i) { return ids.indexOf(i.id) < 0; });
        if (!left.length) { return cache.delete(QUEUE_KEY); }
        return cache.put(QUEUE_KEY, new Response(JSON.stringify(left), { headers: { "Content-Type": "application/json" } }));
      });
    });
  }

  // Sends the waiting steps, in order, once; the server answers for each.
  function send() {
    if (sending || !csrf) { return Promise.resolve(); }
    return readQueue().then(function (items) {
      if (!items.length) { return; }
      // navigator.onLine is only a hint: trying is the one sure test (a failure leaves the queue as it is).
      sending = true;
      return fetch("/api/v1/me/sync", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ items: items })
      }).then(function (response) {
        if (response.status === 401) { say(status.getAttribute("data-sign-in")); return; }
        if (!response.ok) { say(status.getAttribute("data-waiting")); return; }
        return response.json().then(function (result) {
          return forget(result.items.map(function (i) { return i.id; })).then(function () {
            say(status.getAttribute("data-sent"), result.items);
          });
        });
      }, function () {
        // No connection yet: say so, unless the page already says something more precise.
        if (status && status.hidden) { say(status.getAttribute("data-waiting")); }
      })
        .then(function () { sending = false; }, function () { sending = false; });
    });
  }

  function keptCourses() {
    return caches.keys().then(function (names) { return names.filter(function (n) { return n.indexOf(PREFIX) === 0; }); });
  }

  function dropEverything() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("pravo-") === 0; }).map(function (n) { return caches.delete(n); }));
    }).then(function () {
      return navigator.serviceWorker.getRegistrations();
    }).then(function (regs) {
      return Promise.all(regs.map(function (r) { return r.unregister(); }));
    });
  }

  // The keep panel of a course page.
  var panel = document.getElementById("keep-course");
  function setUp(panel) {
    var slug = panel.getAttribute("data-slug");
    var keep = panel.querySelector("button.keep");
    var remove = panel.querySelector("button.remove");
    var state = panel.querySelector(".keep-state");
    function show(kept, text) {
      keep.hidden = kept;
      remove.hidden = !kept;
      state.textContent = text || (kept ? panel.getAttribute("data-kept") : "");
    }
    caches.has(PREFIX + slug).then(function (kept) { show(kept); panel.hidden = false; });
    keep.addEventListener("click", function () {
      keep.disabled = true;
      state.textContent = panel.getAttribute("data-keeping");
      var own = [];
      document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) {
        own.push(el.getAttribute("href") || el.getAttribute("src"));
      });
      navigator.serviceWorker.register("/sw.js").then(function () {
        return navigator.serviceWorker.ready;
      }).then(function () {
        return fetch("/api/v1/courses/" + encodeURIComponent(slug) + "/offline", { credentials: "same-origin" });
      }).then(function (r) {
        if (!r.ok) { throw new Error("list"); }
        return r.json();
      }).then(function (list) {
        return caches.open(PREFIX + slug).then(function (cache) {
          var urls = list.urls.concat(own);
          // One at a time: a cheap phone on a slow line, and the first failure stops it cleanly.
          return urls.reduce(function (done, url) {
            return done.then(function () {
              return fetch(url, { credentials: "same-origin" }).then(function (r) {
                if (!r.ok) { throw new Error(url); }
                return cache.put(url, r);
              });
            });
          }, Promise.resolve());
        });
      }).then(function () {
        keep.disabled = false;
        show(true);
      }, function () {
        keep.disabled = false;
        caches.delete(PREFIX + slug).then(function () { show(false, panel.getAttribute("data-failed")); });
      });
    });
    remove.addEventListener("click", function () {
      caches.delete(PREFIX + slug).then(keptCourses).then(function (left) {
        if (left.length) { return; }
        return readQueue().then(function (waiting) {
          if (waiting.length) { return; }
          return dropEverything();
        });
      }).then(function () { show(false, panel.getAttribute("data-removed")); });
    });
  }
  if (panel) { setUp(panel); }

  if (/[?&]offline=queued/.test(window.location.search)) {
    say(status && status.getAttribute("data-queued"));
  }
  window.addEventListener("online", send);
  send();

  // Signing out: send what waits (if it can), then delete every kept page before leaving.
  if (signOut) {
    signOut.addEventListener("submit", function (event) {
      if (signOut.getAttribute("data-cleared")) { return; }
      event.preventDefault();
      var finish = function () { signOut.setAttribute("data-cleared", "1"); signOut.submit(); };
      send().then(dropEverything).then(finish, finish);
    });
  }
})();
