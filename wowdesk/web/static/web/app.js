// Keyboard shortcuts for the agent UI. Keys are ignored while typing in a field.
//   r: reply   n: internal note   a: assign to me   s: solve   /: search   ?: show the shortcuts
(function () {
  "use strict";
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function click(selector) {
    var el = document.querySelector(selector);
    if (el) { el.click(); return true; }
    return false;
  }
  function compose(kind) {
    var radio = document.querySelector('input[name="kind"][value="' + kind + '"]');
    var box = document.querySelector("#composer textarea");
    if (radio) { radio.checked = true; radio.dispatchEvent(new Event("change", { bubbles: true })); }
    if (box) { box.focus(); return true; }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    // Escape leaves the text box, so the next key is a shortcut again (and never typed into the reply).
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var handled = false;
    switch (event.key) {
      case "r": handled = compose("reply"); break;
      case "n": handled = compose("note"); break;
      case "a": handled = click("[data-shortcut=assign]"); break;
      case "s": handled = click("[data-shortcut=solve]"); break;
      case "/": var q = document.querySelector("#search-q"); if (q) { q.focus(); handled = true; } break;
      case "?": var help = document.querySelector("#shortcuts"); if (help) { help.hidden = !help.hidden; handled = true; } break;
    }
    if (handled) { event.preventDefault(); }
  });
  // The composer whose template search was used last (the ticket's, or a chat pane's) gets the template.
  var templateBox = null;
  document.addEventListener("focusin", function (event) {
    var search = event.target.closest && event.target.closest("[data-template-search]");
    var form = search && search.closest("form");
    if (form) { templateBox = form.querySelector("textarea"); }
  });
  // A reply template was applied: its text goes into the reply, its status into "then set the ticket to"
  // (a chat stays open while it runs: there the status is left alone).
  document.addEventListener("htmx:afterSettle", function (event) {
    var applied = document.querySelector("#template-applied");
    if (!applied) { return; }
    var box = templateBox && document.body.contains(templateBox) ? templateBox : document.querySelector("#composer textarea");
    var text = applied.content ? applied.content.textContent : applied.textContent;
    box.value = box.value.trim() ? box.value.replace(/\s*$/, "") + "\n\n" + text : text;
    var status = applied.getAttribute("data-status");
    var select = box.form && box.form.querySelector("select[name=status]");
    if (status && select && select.querySelector('option[value="' + status + '"]')) { select.value = status; }
    applied.remove();
    document.querySelectorAll("[data-template-list]").forEach(function (list) { list.innerHTML = ""; });
    box.focus();
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // "Add it" on a coaching hint appends the suggested sentence to the reply it was given for (the ticket's
  // composer or a chat pane's).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-insert]");
    if (!button) { return; }
    var form = button.closest("form");
    var box = (form && form.querySelector("textarea")) || document.querySelector("#composer textarea");
    if (!box) { return; }
    box.value = box.value.replace(/\s*$/, "") + "\n\n" + button.getAttribute("data-insert");
    box.focus();
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // Handling time (for leads' planning, never shown to agents): the seconds this ticket page was in view
  // before the reply or note was sent. A hidden tab does not count.
  var composer = document.querySelector("#composer");
  if (composer && composer.elements.handling_s) {
    var inView = 0, since = document.hidden ? null : Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.hidden && since !== null) { inView += Date.now() - since; since = null; }
      else if (!document.hidden && since === null) { since = Date.now(); }
    });
    composer.addEventListener("submit", function () {
      var total = inView + (since !== null ? Date.now() - since : 0);
      composer.elements.handling_s.value = Math.round(total / 1000);
    });
  }
  // htmx changes that fail. A 400 or 422 carries the server's fragment with its message and the saved values
  // (e.g. the properties panel after "a closed ticket is final"): swap it in. Any other failure (403, 500, no
  // connection) swaps nothing, so say so next to the element that made the change and put its fields back
  // to their saved values (the values the page was rendered with). Typed text (textareas) is never reset.
  document.addEventListener("htmx:configRequest", function (event) {
    var trigger = event.detail.triggeringEvent;
    if (trigger && trigger.target && trigger.target.name && event.detail.elt.tagName === "FORM") {
      event.detail.parameters._changed = trigger.target.name;
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ((status === 400 || status === 422) && event.detail.xhr.responseText) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  function restoreSaved(elt) {
    var fields = elt.tagName === "FORM" ? Array.prototype.slice.call(elt.elements) : [elt];
    fields.forEach(function (field) {
      if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (o) { o.selected = o.defaultSelected; });
      } else if (field.type === "checkbox" || field.type === "radio") {
        field.checked = field.defaultChecked;
      } else if (field.tagName === "INPUT" && /^(text|email|number|url|tel|date)$/.test(field.type)) {
        field.value = field.defaultValue;
      }
    });
  }
  function showFailure(elt, text) {
    var note = elt.previousElementSibling;
    if (!note || !note.classList.contains("htmx-failure")) {
      note = document.createElement("p");
      note.className = "errorlist htmx-failure";
      note.setAttribute("role", "alert");
      elt.parentNode.insertBefore(note, elt);
    }
    note.textContent = text;
  }
  function failed(event, offline) {
    var elt = event.detail.elt;
    var messages = document.querySelector("#htmx-messages");
    if (!elt || !elt.parentNode || !messages || event.detail.elt.closest("#composer")) { return; }
    var xhr = event.detail.xhr;
    var text = offline ? messages.getAttribute("data-offline") : messages.getAttribute("data-failed");
    if (!offline && xhr && xhr.status === 403) { text = messages.getAttribute("data-forbidden"); }
    restoreSaved(elt);
    showFailure(elt, text);
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt, note = elt && elt.previousElementSibling;
    if (event.detail.successful && note && note.classList.contains("htmx-failure")) { note.remove(); }
  });
  document.addEventListener("htmx:responseError", function (event) { failed(event, false); });
  document.addEventListener("htmx:sendError", function (event) { failed(event, true); });
  // Drafts: what the agent types is kept on the server (debounced), per agent and ticket, and comes back
  // when they open the ticket again; sending removes it. `seen` lets the server drop a save that arrives
  // after the message was sent.
  var draftForm = document.querySelector("#composer[data-draft-url]");
  if (draftForm && window.fetch) {
    var draftTimer = null, draftSent = false, draftSaved = draftForm.elements.body.value;
    var saveDraft = function (keepalive) {
      clearTimeout(draftTimer);
      draftTimer = null;
      var body = draftForm.elements.body.value;
      if (draftSent || body === draftSaved) { return; }
      var data = new FormData();
      data.append("body", body);
      data.append("kind", draftForm.querySelector('input[name="kind"]:checked').value);
      data.append("seen", draftForm.getAttribute("data-seen"));
      data.append("csrfmiddlewaretoken", draftForm.elements.csrfmiddlewaretoken.value);
      fetch(draftForm.getAttribute("data-draft-url"), {
        method: "POST", body: data, credentials: "same-origin", keepalive: !!keepalive
      }).then(function (response) {
        if (response.ok) {
          draftSaved = body;
          var state = document.querySelector("#draft-state");
          if (state) { state.textContent = state.getAttribute("data-saved") || ""; }
        }
      }).catch(function () {});
    };
    var later = function () { clearTimeout(draftTimer); draftTimer = setTimeout(saveDraft, 800); };
    draftForm.addEventListener("input", function (event) { if (event.target.name === "body") { later(); } });
    draftForm.addEventListener("change", function (event) { if (event.target.name === "kind") { draftSaved = null; later(); } });
    draftForm.addEventListener("submit", function () { clearTimeout(draftTimer); draftSent = true; });
    window.addEventListener("pagehide", function () { if (draftTimer) { saveDraft(true); } });
  }
  // Solving a ticket nobody answered asks first (the button and the `s` key both click the button).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
  // An empty send: say so, and take the focus out of the text box, so a shortcut typed next (n for a note)
  // switches the mode instead of becoming the first letter of a message to the customer.
  var composerForm = document.querySelector("#composer");
  if (composerForm) {
    composerForm.addEventListener("submit", function (event) {
      if (composerForm.elements.body.value.trim()) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();  // not sent: no handling time, and the draft keeps saving
      document.querySelector("#composer-empty").hidden = false;
      composerForm.elements.body.blur();
    }, true);
  }
  // After sending a reply: a countdown on its undo button, then the bar goes (the mail is on its way).
  var undoBar = document.querySelector("#undo-bar");
  if (undoBar) {
    var left = parseInt(undoBar.getAttribute("data-seconds"), 10);
    var shown = undoBar.querySelector(".undo-seconds");
    var countdown = setInterval(function () {
      left -= 1;
      if (left <= 0) { clearInterval(countdown); undoBar.remove(); return; }
      shown.textContent = left;
    }, 1000);
  }
  // The composer's submit button says what will happen: send to the customer, or save a note.
  document.addEventListener("change", function (event) {
    if (event.target.hasAttribute("data-autosubmit")) { event.target.form.requestSubmit(); return; }
    if (event.target.name !== "kind") { return; }
    var form = event.target.form, note = event.target.value === "note";
    form.classList.toggle("note-mode", note);
    var send = form.querySelector("button.send");
    if (send) { send.textContent = send.getAttribute(note ? "data-note-label" : "data-reply-label"); }
  });
})();
