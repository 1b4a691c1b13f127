// The agent's chat pane: Enter sends to the customer at once, the customer's typing shows, "End chat" ends
// it. The messages themselves appear in the ticket's conversation (tickets/live.js). Protocol: docs/chat.md.
(function () {
  "use strict";
  var pane = document.getElementById("chat-pane");
  if (!pane || pane.getAttribute("data-started") || !window.WebSocket) { return; }
  pane.setAttribute("data-started", "1");
  var form = document.getElementById("chat-composer");
  var box = document.getElementById("chat-body");
  var typing = document.getElementById("chat-typing");
  var error = document.getElementById("chat-error");
  var socket = null, retry = 500, lastTyping = 0, typingTimer = null, ended = false;
  // Read state: the customer's lines are read when this page shows them (visible tab); the customer's widget
  // says how far it has shown the agents' lines ("Seen" under the last of them).
  var readByCustomer = 0, sentRead = 0;
  var seenNote = document.getElementById("chat-read");

  function lastId(kind) {
    var items = document.querySelectorAll(".conversation .message." + kind);
    return items.length ? Number(items[items.length - 1].id.replace(/^m/, "")) || 0 : 0;
  }
  function markRead() {
    var id = lastId("inbound");
    if (document.visibilityState !== "visible" || id <= sentRead) { return; }
    if (send({ type: "read", id: id })) { sentRead = id; }
  }
  function showSeen() {
    var last = lastId("outbound");
    if (seenNote) { seenNote.hidden = !(last && readByCustomer >= last); }
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); return true; }
    return false;
  }
  function finish() {
    ended = true;
    if (form) { form.hidden = true; }
    var status = document.getElementById("chat-status");
    status.textContent = pane.getAttribute("data-ended");
    status.className = "badge chat-ended";
  }
  function connect() {
    socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + pane.getAttribute("data-socket"));
    socket.onopen = function () { retry = 500; markRead(); };
    socket.onmessage = function (raw) {
      var event = JSON.parse(raw.data);
      if (event.type === "typing") {
        typing.textContent = typing.getAttribute("data-typing");
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.textContent = ""; }, 4000);
      } else if (event.type === "ended") { finish(); }
      else if (event.type === "state") {
        readByCustomer = Math.max(readByCustomer, event.read_by_customer || 0);
        showSeen();
        if (event.status === "ended") { finish(); }
      }
      else if (event.type === "read" && event.by === "customer") {
        readByCustomer = Math.max(readByCustomer, event.id);
        showSeen();
      }
      else if (event.type === "error" && error) { error.hidden = false; error.textContent = event.error; }
    };
    socket.onclose = function (closed) {
      if (ended || closed.code === 4401 || closed.code === 4404) { return; }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }
  function sendMessage() {
    if (!box.value.trim()) { return; }
    if (send({ type: "message", body: box.value })) {
      box.value = "";
      error.hidden = true;
      var hints = document.getElementById("chat-coach-hints");
      if (hints) { hints.innerHTML = ""; }
    }
  }
  if (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); sendMessage(); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); sendMessage(); }
    });
    box.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastTyping > 2000) { lastTyping = now; send({ type: "typing" }); }
    });
    document.getElementById("chat-end").addEventListener("click", function () { send({ type: "end" }); });
  }
  document.body.addEventListener("ticket-message", function () { markRead(); showSeen(); });
  document.addEventListener("visibilitychange", markRead);
  connect();
})();
