// Header menus (<details data-menu>): one open at a time, closed by a click elsewhere or Esc.
(function () {
  "use strict";
  function menus() { return document.querySelectorAll("details[data-menu][open]"); }
  document.addEventListener("click", function (event) {
    menus().forEach(function (menu) { if (!menu.contains(event.target)) { menu.open = false; } });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { menus().forEach(function (menu) { menu.open = false; }); }
  });
})();

// The template picker in the composer: ↓/↑ choose a template (its text shows as a preview), Enter inserts
// it, Esc closes the list. Enter never submits the composer from here: that would send the reply.
(function () {
  "use strict";
  // Each picker (the ticket's composer, a chat pane) has its search box and list inside one .templates.
  function listOf(input) {
    var picker = input.closest(".templates");
    return picker ? picker.querySelector("[data-template-list]") : null;
  }
  function options(list) {
    return list ? Array.prototype.slice.call(list.querySelectorAll("[data-template-option]")) : [];
  }
  function choose(items, index) {
    items.forEach(function (item, i) {
      item.classList.toggle("active", i === index);
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (items[index]) { items[index].scrollIntoView({ block: "nearest" }); }
  }
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.hasAttribute || !input.hasAttribute("data-template-search")) { return; }
    var list = listOf(input);
    var items = options(list);
    var current = items.findIndex(function (item) { return item.classList.contains("active"); });
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!items.length) { return; }
      var step = event.key === "ArrowDown" ? 1 : -1;
      choose(items, current < 0 ? 0 : (current + step + items.length) % items.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current >= 0) { items[current].querySelector("button").click(); input.value = ""; }
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (list) { list.innerHTML = ""; }
      input.value = "";
      var box = input.form && input.form.querySelector("textarea");
      if (box) { box.focus(); }
    }
  });
  document.addEventListener("mouseover", function (event) {
    var item = event.target.closest && event.target.closest("[data-template-list] [data-template-option]");
    if (item) { var items = options(item.closest("[data-template-list]")); choose(items, items.indexOf(item)); }
  });
})();
