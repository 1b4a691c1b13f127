// The live ticket page: new messages and changed properties appear without a reload, colleagues who have
// the same ticket open are named ("Sofie is viewing", "Sofie is replying"), and a reply being written is
// warned when a new message arrives. Protocol: docs/chat.md. No state on the server: every page announces
// itself every few seconds, and a colleague not heard from for FORGET_MS is gone.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.WebSocket) { return; }
  var ANNOUNCE_MS = 10000, FORGET_MS = 30000, REPLYING_MS = 6000, TYPING_EVERY_MS = 2000;
  var me = live.getAttribute("data-me");
  var colleagues = {};  // agent id -> {name, state, seen}
  var socket = null, retry = 500, lastTyping = 0;
  var box = document.querySelector("#composer textarea");
  var shown = document.getElementById("colleagues");

  function url(path) {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
  }
  function send(type) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify({ type: type })); }
  }
  function render() {
    var now = Date.now(), lines = [];
    Object.keys(colleagues).forEach(function (id) {
      var c = colleagues[id];
      if (now - c.seen > FORGET_MS) { delete colleagues[id]; return; }
      var replying = c.state === "replying" && now - c.seen < REPLYING_MS;
      var text = live.getAttribute(replying ? "data-replying" : "data-viewing");
      lines.push(text.replace("%(name)s", c.name));
    });
    shown.textContent = lines.join(" · ");
    shown.classList.toggle("replying", /replying/.test(Object.keys(colleagues).map(function (id) {
      return colleagues[id].state;
    }).join(" ")));
  }
  function fetchInto(path, then) {
    fetch(path, { credentials: "same-origin", headers: { "HX-Request": "true" } }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) { if (html) { then(html); } });
  }
  function element(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }
  function onMessage(event) {
    if (document.getElementById("m" + event.id)) { return; }
    var path = live.getAttribute("data-message-url").replace(/0\/$/, event.id + "/");
    fetchInto(path, function (html) {
      if (document.getElementById("m" + event.id)) { return; }
      var article = element(html);
      article.classList.add("arrived");
      document.querySelector(".conversation").appendChild(article);
      // For the panels that follow the conversation (the coach's card): they listen for this on <body>.
      document.body.dispatchEvent(new CustomEvent("ticket-message", { detail: { id: event.id, kind: event.kind } }));
      if (box && box.value.trim() && String(event.author_id) !== me) {
        document.getElementById("arrived-while-writing").hidden = false;
      }
    });
  }
  function onChanged() {
    fetchInto(live.getAttribute("data-properties-url"), function (html) {
      var old = document.getElementById("properties");
      if (!old || old.contains(document.activeElement)) { return; }  // not under the agent's hands
      var panel = element(html);
      old.replaceWith(panel);
      if (window.htmx) { window.htmx.process(panel); }
      var badge = document.getElementById("ticket-status");
      if (badge && panel.getAttribute("data-status")) {
        badge.className = "badge status-" + panel.getAttribute("data-status");
        badge.textContent = panel.getAttribute("data-status-label");
      }
    });
  }
  function newestShown() {
    var articles = document.querySelectorAll(".conversation article[id^='m']");
    var newest = 0;
    articles.forEach(function (a) { newest = Math.max(newest, parseInt(a.id.slice(1), 10) || 0); });
    return newest;
  }
  function connect() {
    // The server tells a (re)connecting page of messages newer than the newest it shows: none is missed.
    socket = new WebSocket(url(live.getAttribute("data-socket") + "?after=" + newestShown()));
    socket.onopen = function () { retry = 500; if (box && box.value.trim()) { send("replying"); } };
    socket.onmessage = function (raw) {
      var event = JSON.parse(raw.data);
      if (event.type === "presence") {
        if (event.state === "left") { delete colleagues[event.agent.id]; }
        else { colleagues[event.agent.id] = { name: event.agent.name, state: event.state, seen: Date.now() }; }
        render();
      } else if (event.type === "message") { onMessage(event); }
      else if (event.type === "changed") { onChanged(); }
    };
    socket.onclose = function (closed) {
      if (closed.code === 4401 || closed.code === 4404 || closed.code === 4403) { return; }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }
  if (box) {
    box.addEventListener("input", function () {
      var now = Date.now();
      if (!box.value.trim()) { lastTyping = 0; send("viewing"); return; }
      if (now - lastTyping > TYPING_EVERY_MS) { lastTyping = now; send("replying"); }
    });
  }
  setInterval(function () {
    send(box && box.value.trim() && Date.now() - lastTyping < REPLYING_MS ? "replying" : "viewing");
    render();
  }, ANNOUNCE_MS);
  setInterval(render, 1000);
  connect();
})();
