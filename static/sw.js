// Pravo's service worker: registered only when a scholar presses "Keep this course on this device", and
// unregistered when she removes the last course she kept (or signs out: the server then clears the site's
// storage). It does three things:
// - pages of a kept course are fetched from the network when there is one (and the kept copy refreshed),
//   and from the device when there is none;
// - without a connection, "mark as complete" and answers to untimed quizzes wait on the device (the cache
//   "pravo-queue") and are sent by offline.js, in order, when she is back;
// - a page that is not kept shows the kept "no connection" page instead of the browser's error.
// It keeps nothing from a page the server did not mark as part of a course (the Pravo-Course header).
"use strict";

var QUEUE = "pravo-queue";
var QUEUE_KEY = "/offline-queue";
var PREFIX = "pravo-course-";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function keptCourse(slug) {
  return caches.has(PREFIX + slug).then(function (has) { return has ? caches.open(PREFIX + slug) : null; });
}

// From the device, in any kept course (the version part of a static file's address is ignored).
function fromDevice(request) {
  return caches.keys().then(function (names) {
    var kept = names.filter(function (n) { return n.indexOf(PREFIX) === 0; });
    var i = 0;
    function next() {
      if (i >= kept.length) { return Promise.resolve(undefined); }
      return caches.open(kept[i++]).then(function (cache) {
        return cache.match(request, { ignoreSearch: true, ignoreVary: true });
      }).then(function (found) { return found || next(); });
    }
    return next();
  });
}

function offlinePage() {
  return fromDevice(new Request("/offline")).then(function (page) {
    return page || new Response("", { status: 503 });
  });
}

function readQueue() {
  return caches.open(QUEUE).then(function (cache) { return cache.match(QUEUE_KEY); })
    .then(function (r) { return r ? r.json() : []; });
}

function writeQueue(items) {
  return caches.open(QUEUE).then(function (cache) {
    return cache.put(QUEUE_KEY, new Response(JSON.stringify(items), { headers: { "Content-Type": "application/json" } }));
  });
}

function enqueue(step) {
  step.id = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  return readQueue().then(function (items) { items.push(step); return writeQueue(items); });
}

function get(event) {
  var request = event.request;
  var navigation = request.mode === "navigate";
  return fetch(request).then(function (response) {
    var course = response.headers.get("Pravo-Course");
    if (response.ok && course) {
      var copy = response.clone();
      event.waitUntil(keptCourse(course).then(function (cache) { return cache && cache.put(request, copy); }));
    }
    return response;
  }, function () {
    return fromDevice(request).then(function (kept) {
      if (kept) { return kept; }
      return navigation ? offlinePage() : Response.error();
    });
  });
}

var COMPLETE = /^\/courses\/([A-Za-z0-9_-]+)\/modules\/([A-Za-z0-9_-]+)\/complete$/;
var ANSWER = /^\/api\/v1\/attempts\/([A-Za-z0-9_-]+)\/answers\/([^/]+)$/;
var ATTEMPT = /^\/attempts\/([A-Za-z0-9_-]+)$/;

// A form sent without a connection: "mark as complete" waits on the device; an untimed attempt's
// submit waits too (its answers were saved one by one as they were given); anything else needs the network.
function post(event) {
  var request = event.request;
  var path = new URL(request.url).pathname;
  var body = request.clone();
  return fetch(request).catch(function () {
    var m = COMPLETE.exec(path);
    if (m) {
      return enqueue({ kind: "complete", course: m[1], module: m[2] }).then(function () {
        return Response.redirect("/courses/" + m[1] + "/modules/" + m[2] + "?offline=queued", 303);
      });
    }
    m = ATTEMPT.exec(path);
    if (m) {
      return body.formData().then(function (form) {
        if (form.get("offline") !== "queue") { return offlinePage(); }
        var submitting = form.get("action") === "submit";
        var step = submitting ? enqueue({ kind: "submit", attempt_id: m[1] }) : Promise.resolve();
        return step.then(function () {
          return Response.redirect("/attempts/" + m[1] + "?offline=queued", 303);
        });
      });
    }
    return offlinePage();
  });
}

// An answer saved by quiz.js without a connection, for an attempt that allows it (untimed: quiz.js says so).
function put(event) {
  var request = event.request;
  var m = ANSWER.exec(new URL(request.url).pathname);
  var body = request.clone();
  return fetch(request).catch(function () {
    if (!m || request.headers.get("Pravo-Offline") !== "queue") { return Response.error(); }
    return body.json().then(function (sent) {
      return enqueue({ kind: "answer", attempt_id: m[1], question_id: decodeURIComponent(m[2]), answer: sent.answer });
    }).then(function () { return new Response(null, { status: 202 }); });
  });
}

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (url.origin !== self.location.origin) { return; }
  var method = event.request.method;
  if (method === "GET") {
    if (url.pathname === "/sw.js") { return; }
    event.respondWith(get(event));
  } else if (method === "POST" && event.request.mode === "navigate") {
    event.respondWith(post(event));
  } else if (method === "PUT") {
    event.respondWith(put(event));
  }
});
