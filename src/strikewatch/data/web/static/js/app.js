// strikewatch dashboard: small progressive enhancements. Everything works without it.
"use strict";
(function () {
  // 1. Filters: send only the fields that have a value, so shared links stay short.
  var form = document.getElementById("filter-form");
  if (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && (el.value === "" || (el.name === "origin" && el.value === "extracted"))) {
          el.disabled = true;
        }
      });
    });
    // 2. The district list follows the chosen country.
    var country = document.getElementById("f-country");
    var district = document.getElementById("f-district");
    var syncDistricts = function () {
      if (!country || !district) { return; }
      var code = country.value;
      Array.prototype.forEach.call(district.options, function (opt) {
        var c = opt.getAttribute("data-country");
        opt.hidden = Boolean(code && c && c !== code);
      });
      var chosen = district.options[district.selectedIndex];
      if (chosen && chosen.hidden) { district.value = ""; }
    };
    if (country) { country.addEventListener("change", syncDistricts); syncDistricts(); }
  }
  // 3. On a phone the filter panel starts closed (unless a filter is set).
  var panel = document.getElementById("filter-panel");
  if (panel && window.matchMedia && window.matchMedia("(max-width: 600px)").matches) {
    if (window.location.search.replace("?", "") === "") { panel.open = false; }
  }
  // 4. Map points: say what a hovered or focused point is, in words.
  var info = document.getElementById("map-info");
  if (info) {
    var show = function (ev) {
      var a = ev.target.closest ? ev.target.closest("a.pt") : null;
      if (a) { info.textContent = a.getAttribute("aria-label") + " (select to open)"; }
    };
    document.addEventListener("mouseover", show);
    document.addEventListener("focusin", show);
  }
  // 5. Each article box starts at the first sentence this event rests on.
  Array.prototype.forEach.call(document.querySelectorAll(".article"), function (box) {
    var first = box.querySelector("mark.hl-sentence") || box.querySelector("mark");
    if (first && box.scrollHeight > box.clientHeight) {
      box.scrollTop = Math.max(0, first.offsetTop - 48);
    }
  });
  // 6. Copy the link to this view.
  var copy = document.getElementById("copy-link");
  var status = document.getElementById("copy-status");
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(window.location.href).then(function () {
        if (status) { status.textContent = "Link copied."; }
      }, function () {
        if (status) { status.textContent = "Could not copy; use the address bar."; }
      });
    });
  }
})();
