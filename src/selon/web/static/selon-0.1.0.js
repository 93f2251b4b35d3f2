// selon web 0.1.0: the analyse page's only script. Highlights are rendered by the server; this file adds
// event delegation (one listener per container, never per span), a popover filled with textContent only,
// and class toggles for "show this source's statements".
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var text = document.getElementById("article-text");
    var data = document.getElementById("selon-index");
    if (!text || !data) return;
    var index = JSON.parse(data.textContent || "{}");
    var popover = document.getElementById("popover");
    var pinned = null;
    var focused = [];

    function describe(span) {
      var ids = (span.getAttribute("data-a") || "").split(" ").filter(Boolean);
      var sources = (span.getAttribute("data-s") || "").split(" ").filter(Boolean);
      popover.textContent = "";
      var shown = ids.length ? ids : sources;
      shown.forEach(function (id) {
        var a = index.attributions[id];
        var s = index.sources[a ? a.source : id];
        if (!s) return;
        var block = document.createElement("div");
        var name = document.createElement("div");
        name.className = "name";
        name.textContent = s.name + (s.count ? " (" + s.count + ")" : "");
        var tags = document.createElement("div");
        tags.className = "tags";
        tags.textContent = a ? [s.kind, a.stance, a.type, a.cue ? "« " + a.cue + " »" : "no cue"].join(" · ")
                             : s.kind + " · mention";
        block.appendChild(name);
        block.appendChild(tags);
        popover.appendChild(block);
      });
      if (!popover.childNodes.length) return false;
      var box = span.getBoundingClientRect();
      popover.style.left = Math.max(8, box.left + window.scrollX) + "px";
      popover.style.top = (box.bottom + window.scrollY + 6) + "px";
      popover.hidden = false;
      return true;
    }

    function hide() { if (!pinned) popover.hidden = true; }

    text.addEventListener("mouseover", function (event) {
      var span = event.target.closest(".hl");
      if (span && !pinned) describe(span);
    });
    text.addEventListener("mouseout", function (event) {
      if (event.target.closest(".hl")) hide();
    });
    text.addEventListener("click", function (event) {
      var span = event.target.closest(".hl");
      if (pinned) pinned.classList.remove("is-current");
      if (!span || span === pinned) { pinned = null; popover.hidden = true; return; }
      pinned = null;
      if (describe(span)) { pinned = span; span.classList.add("is-current"); }
    });

    function clearFocus() {
      focused.forEach(function (el) { el.classList.remove("is-focus"); });
      focused = [];
      text.classList.remove("has-focus");
      document.querySelectorAll("button.source[aria-pressed=true]").forEach(function (b) {
        b.setAttribute("aria-pressed", "false");
      });
    }

    function focusSource(id, button) {
      var wasOn = button.getAttribute("aria-pressed") === "true";
      clearFocus();
      if (wasOn) return;
      focused = Array.prototype.slice.call(text.querySelectorAll(".hl[data-s]")).filter(function (el) {
        return el.getAttribute("data-s").split(" ").indexOf(id) >= 0;
      });
      focused.forEach(function (el) { el.classList.add("is-focus"); });
      text.classList.add("has-focus");
      button.setAttribute("aria-pressed", "true");
      if (focused.length) focused[0].scrollIntoView({block: "center", behavior: "smooth"});
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest("button.source");
      if (button) focusSource(button.getAttribute("data-source"), button);
    });
  });
})();
