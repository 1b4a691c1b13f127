{% load static %}
// wowdesk chat widget. Embed with:
//   <script src="{{ base_url }}/chat/widget.js" data-key="PUBLIC_KEY" async></script>
// Plain JavaScript, no inline script or style (its stylesheet is loaded from wowdesk), in da/nb/en by the
// page's <html lang>. The conversation survives a reload and a lost connection: the signed session token
// is kept in this site's localStorage. Protocol: docs/chat.md.
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector('script[src*="/chat/widget.js"][data-key]');
  if (!script || window.wowdeskChatLoaded || !window.WebSocket) { return; }
  window.wowdeskChatLoaded = true;
  var STRINGS = {{ strings|safe }};
  var key = script.getAttribute("data-key");
  var base = script.src.replace(/\/chat\/widget\.js.*$/, "");
  var lang = (document.documentElement.lang || "en").toLowerCase().slice(0, 2);
  lang = { no: "nb", nn: "nb" }[lang] || lang;
  var t = STRINGS[lang] || STRINGS.en;
  var storeKey = "wowdesk-chat:" + key;
  var token = null, hasEmail = false, socket = null, retry = 500, fatal = false, seen = {}, typingTimer = null, lastTyping = 0;
  // Read state: the customer's last line an agent has seen, and the agent's last line this page has shown.
  var readByAgent = 0, lastAgentId = 0, sentRead = 0, maxFileBytes = 0;
  try { token = window.localStorage.getItem(storeKey); } catch (e) { token = null; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function keep(value) {
    token = value;
    try { if (value) { localStorage.setItem(storeKey, value); } else { localStorage.removeItem(storeKey); } } catch (e) { /* private mode */ }
  }
  function fill(text, values) { return text.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; }); }

  var css = el("link", { rel: "stylesheet", href: base + "{% static 'portal/widget.css' %}" });
  document.head.appendChild(css);
  var root = el("div", { "class": "wowdesk-chat", lang: lang });
  var launch = el("button", { type: "button", "class": "wdc-launch" }, t.open);
  var panel = el("section", { "class": "wdc-panel", role: "dialog", "aria-label": t.title });
  panel.hidden = true;
  var header = el("header");
  var close = el("button", { type: "button", "aria-label": t.close }, "×");
  header.appendChild(el("strong", {}, t.title));
  header.appendChild(close);
  var status = el("p", { "class": "wdc-status", role: "status", "aria-live": "polite" }, t.connecting);
  var log = el("div", { "class": "wdc-log", "aria-live": "polite" });
  var typing = el("p", { "class": "wdc-typing" });
  var error = el("p", { "class": "wdc-error", role: "alert" });
  error.hidden = true;
  function form(name, fields, button) {
    var f = el("form", { "class": "wdc-" + name, novalidate: "" });
    fields.forEach(function (field) { f.appendChild(field); });
    f.appendChild(el("button", { type: "submit" }, button));
    f.hidden = true;
    return f;
  }
  var startName = el("input", { name: "name", autocomplete: "name", placeholder: t.name, "aria-label": t.name });
  var startEmail = el("input", { name: "email", type: "email", autocomplete: "email", placeholder: t.email, "aria-label": t.email });
  var startBody = el("textarea", { name: "body", placeholder: t.message, "aria-label": t.message });
  var startForm = form("start", [startName, startEmail, startBody], t.start);
  var chatBody = el("textarea", { name: "body", placeholder: t.message, "aria-label": t.message });
  var chatForm = form("chat", [chatBody], t.send);
  var attach = el("button", { type: "button", "class": "wdc-attach" }, t.attach);
  var fileInput = el("input", { type: "file", name: "file", "class": "wdc-file", "aria-label": t.attach });
  fileInput.hidden = true;
  var end = el("button", { type: "button", "class": "wdc-end" }, t.end);
  chatForm.appendChild(attach);
  chatForm.appendChild(fileInput);
  chatForm.appendChild(end);
  var readMark = el("small", { "class": "wdc-read" }, t.read);
  var leaveName = el("input", { name: "name", autocomplete: "name", placeholder: t.name, "aria-label": t.name });
  var leaveEmail = el("input", { name: "email", type: "email", autocomplete: "email", placeholder: t.email, "aria-label": t.email });
  var leaveBody = el("textarea", { name: "body", placeholder: t.message, "aria-label": t.message });
  var leaveForm = form("leave", [leaveName, leaveEmail, leaveBody], t.leave_send);
  // No chat now: a message, or a callback in the team's next opening hours.
  var toCallback = el("button", { type: "button", "class": "wdc-switch wdc-to-callback" }, t.callback_instead);
  leaveForm.appendChild(toCallback);
  var callName = el("input", { name: "name", autocomplete: "name", placeholder: t.name, "aria-label": t.name });
  var callPhone = el("input", { name: "phone", type: "tel", autocomplete: "tel", placeholder: t.phone, "aria-label": t.phone });
  var callEmail = el("input", { name: "email", type: "email", autocomplete: "email", placeholder: t.email_optional, "aria-label": t.email_optional });
  var callbackForm = form("callback", [callName, callPhone, callEmail], t.callback_send);
  var toLeave = el("button", { type: "button", "class": "wdc-switch wdc-to-leave" }, t.message_instead);
  callbackForm.appendChild(toLeave);
  var note = el("p", { "class": "wdc-note" });
  note.hidden = true;
  var mailTranscript = el("button", { type: "button", "class": "wdc-transcript" }, t.transcript);
  mailTranscript.hidden = true;
  var again = el("button", { type: "button", "class": "wdc-again" }, t.again);
  again.hidden = true;
  [header, status, log, typing, note, mailTranscript, again, error, startForm, chatForm, leaveForm, callbackForm].forEach(function (n) { panel.appendChild(n); });
  root.appendChild(launch);
  root.appendChild(panel);
  document.body.appendChild(root);

  function show(which) {
    [startForm, chatForm, leaveForm, callbackForm].forEach(function (f) { f.hidden = f !== which; });
  }
  function open() { panel.hidden = false; launch.hidden = true; markRead(); }
  function markRead() {
    // Read means shown: the panel open on a page the customer is looking at.
    if (panel.hidden || document.visibilityState !== "visible" || lastAgentId <= sentRead) { return; }
    if (send({ type: "read", id: lastAgentId })) { sentRead = lastAgentId; }
  }
  function showRead(id) {
    readByAgent = Math.max(readByAgent, id || 0);
    var lines = log.querySelectorAll(".wdc-msg.customer"), target = null;
    for (var i = 0; i < lines.length; i++) {
      if (Number(lines[i].getAttribute("data-id")) <= readByAgent) { target = lines[i]; }
    }
    if (target) { target.appendChild(readMark); }
  }
  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); return true; }
    return false;
  }
  function add(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var item = el("div", { "class": "wdc-msg " + message.from, "data-id": String(message.id) });
    item.appendChild(el("small", {}, message.from === "agent" ? (message.name || t.agent) : t.you));
    var files = message.files || [];
    // A file sent alone has its name as its text: shown once, as the link.
    if (!(files.length && message.body === files[0].name)) { item.appendChild(document.createTextNode(message.body)); }
    files.forEach(function (file) {
      var link = el("a", { href: file.url, "class": "wdc-filelink", rel: "noopener", download: file.name }, "📎 " + file.name);
      item.appendChild(link);
    });
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (message.from === "agent") {
      typing.textContent = "";
      lastAgentId = Math.max(lastAgentId, message.id);
      markRead();
    } else { showRead(readByAgent); }
  }
  function running(state) {
    keep(state.token);
    hasEmail = state.has_email;
    maxFileBytes = state.max_file_bytes || maxFileBytes;
    (state.messages || []).forEach(add);
    showRead(state.read_by_agent);
    if (state.status === "ended") { finished(); return; }
    show(chatForm);
    if (state.agent) { status.textContent = fill(t.agent_here, { name: state.agent }); }
  }
  function finished() {
    show(null);
    status.textContent = t.ended;
    typing.textContent = "";
    // The token is forgotten (a reload starts afresh) but kept in this page for the transcript.
    var last = token;
    keep(null);
    token = last;
    mailTranscript.hidden = !hasEmail;
    again.hidden = false;
  }
  var handlers = {
    ready: function (offer) {
      status.textContent = offer.text;
      maxFileBytes = offer.max_file_bytes || maxFileBytes;
      startEmail.required = offer.ask_email;
      startEmail.placeholder = offer.ask_email ? t.email : t.email_optional;
      show(offer.chat ? startForm : leaveForm);
    },
    resumed: function (state) { running(state); if (state.status !== "ended") { open(); } },
    started: function (state) { running(state); if (!state.agent) { status.textContent = state.wait_text; } },
    message: function (event) { add(event.message); },
    read: function (event) { if (event.by === "agent") { showRead(event.id); } },
    agent: function (event) { status.textContent = fill(t.agent_here, { name: event.name }); },
    typing: function (event) {
      typing.textContent = event.name ? fill(t.typing, { name: event.name }) : t.agent_typing;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typing.textContent = ""; }, 4000);
    },
    ended: finished,
    transcript_sent: function (event) {
      mailTranscript.hidden = true;
      note.hidden = false;
      note.textContent = fill(t.transcript_sent, { email: event.email });
    },
    callback_requested: function (event) {
      show(null);
      note.hidden = false;
      note.textContent = event.text;
    },
    message_left: function (event) {
      show(null);
      note.hidden = false;
      note.textContent = fill(t.left, { number: event.number });
    },
    error: function (event) {
      error.hidden = false;
      error.textContent = event.error;
      if (event.code === "bad_token") { keep(null); send({ type: "hello", language: lang }); }
      if (event.code === "origin_not_allowed" || event.code === "unknown_widget") { fatal = true; }
      if (event.code === "chat_ended") { finished(); }
    }
  };
  function connect() {
    socket = new WebSocket(base.replace(/^http/, "ws") + "/ws/chat/" + encodeURIComponent(key) + "/");
    socket.onopen = function () {
      retry = 500;
      var hello = { type: "hello", language: lang };
      if (token) { hello.token = token; }
      send(hello);
    };
    socket.onmessage = function (raw) {
      var event = JSON.parse(raw.data);
      if (event.type !== "error") { error.hidden = true; }
      if (handlers[event.type]) { handlers[event.type](event); }
    };
    socket.onclose = function () {
      if (fatal) { return; }
      status.textContent = t.reconnecting;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }
  launch.addEventListener("click", open);
  close.addEventListener("click", function () { panel.hidden = true; launch.hidden = false; });
  startForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send({ type: "start", name: startName.value, email: startEmail.value, body: startBody.value });
  });
  function sendChat() {
    if (chatBody.value.trim() && send({ type: "message", body: chatBody.value })) { chatBody.value = ""; }
  }
  chatForm.addEventListener("submit", function (event) { event.preventDefault(); sendChat(); });
  chatBody.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); sendChat(); }
  });
  chatBody.addEventListener("input", function () {
    var now = Date.now();
    if (now - lastTyping > 2000) { lastTyping = now; send({ type: "typing" }); }
  });
  end.addEventListener("click", function () { send({ type: "end" }); });
  attach.addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) { return; }
    if (maxFileBytes && file.size > maxFileBytes) {
      error.hidden = false;
      error.textContent = fill(t.file_too_large, { mb: Math.round(maxFileBytes / 104857.6) / 10 });
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var data = String(reader.result).replace(/^data:[^,]*,/, "");
      send({ type: "file", name: file.name, content_type: file.type, data: data });
    };
    reader.readAsDataURL(file);
  });
  document.addEventListener("visibilitychange", markRead);
  mailTranscript.addEventListener("click", function () {
    // The ended chat's token, on a fresh connection if the old one is gone.
    if (!send({ type: "transcript" })) { error.hidden = false; error.textContent = t.reconnecting; }
  });
  again.addEventListener("click", function () {
    token = null;
    seen = {};
    readByAgent = 0; lastAgentId = 0; sentRead = 0;
    log.textContent = "";
    note.hidden = true;
    mailTranscript.hidden = true;
    again.hidden = true;
    send({ type: "hello", language: lang });
  });
  toCallback.addEventListener("click", function () { error.hidden = true; show(callbackForm); callPhone.focus(); });
  toLeave.addEventListener("click", function () { error.hidden = true; show(leaveForm); leaveBody.focus(); });
  callbackForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send({ type: "callback", name: callName.value, phone: callPhone.value, email: callEmail.value });
  });
  leaveForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send({ type: "leave_message", name: leaveName.value, email: leaveEmail.value, body: leaveBody.value });
  });
  connect();
})();
