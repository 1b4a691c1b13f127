// Live for every signed-in page: the inbox's counts and rows follow the tickets without a reload, and a
// ticket given to you (by routing or a colleague) is named at once above the page. The socket says only
// what changed; the page asks the ordinary, permission-checked views for what to show. Protocol: docs/chat.md.
(function () {
  "use strict";
  var live = document.getElementById("agent-live");
  if (!live || !window.WebSocket) { return; }
  // Changes come in bursts (a reply changes the message, the status and the assignee): one fetch per burst.
  var REFRESH_AFTER_MS = 300, REFRESH_EVERY_MS = 1500;
  var socket = null, retry = 500, timer = null, lastRefresh = 0;

  function refresh() {
    var list = document.getElementById("inbox-list");
    var url = list && list.getAttribute("data-live-url");
    if (!url) { return; }
    lastRefresh = Date.now();
    var before = {};
    list.querySelectorAll("tr[id]").forEach(function (row) { before[row.id] = true; });
    fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var views = fresh.getElementById("inbox-views"), rows = fresh.getElementById("inbox-list");
      var oldViews = document.getElementById("inbox-views");
      if (views && oldViews) { oldViews.replaceWith(document.importNode(views, true)); }
      if (rows) {
        list.innerHTML = rows.innerHTML;
        list.querySelectorAll("tr[id]").forEach(function (row) { if (!before[row.id]) { row.classList.add("arrived"); } });
      }
    });
  }
  function scheduleRefresh() {
    if (timer) { return; }
    var wait = Math.max(REFRESH_AFTER_MS, REFRESH_EVERY_MS - (Date.now() - lastRefresh));
    timer = setTimeout(function () { timer = null; refresh(); }, wait);
  }
  function notice(number) {
    var path = live.getAttribute("data-notice-url").replace(/\/0\//, "/" + number + "/");
    fetch(path, { credentials: "same-origin", headers: { "HX-Request": "true" } }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html) { return; }
      var flash = document.querySelector("ul.flash");
      if (!flash) {
        flash = document.createElement("ul");
        flash.className = "flash";
        var header = document.querySelector("header.topbar");
        if (header) { header.after(flash); } else { document.body.prepend(flash); }
      }
      flash.setAttribute("role", "status");
      var template = document.createElement("template");
      template.innerHTML = html.trim();
      flash.appendChild(template.content.firstElementChild);
    });
  }
  function connect() {
    socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + live.getAttribute("data-socket"));
    socket.onopen = function () {
      if (retry > 500) { scheduleRefresh(); }  // back after a lost connection: catch up
      retry = 500;
    };
    socket.onmessage = function (raw) {
      var event = JSON.parse(raw.data);
      if (event.type === "inbox") { scheduleRefresh(); }
      else if (event.type === "assigned") { notice(event.number); }
    };
    socket.onclose = function (closed) {
      if (closed.code === 4401 || closed.code === 4403) { return; }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }
  connect();
})();
