// Progressive enhancement of server-rendered lists: filter by region, theme and kind.
// Without JavaScript the full list stays readable; the URL keeps the filter so it can be shared.
(function () {
  "use strict";
  var NAMES = { regio: "Regio", thema: "Leerthema", soort: "Soort" };

  function values(item, key) {
    return (item.getAttribute("data-" + key) || "").split(" ").filter(Boolean);
  }

  function setup(container, index) {
    var keys = container.getAttribute("data-ks-filter").split(" ");
    var labels = JSON.parse(container.getAttribute("data-ks-labels") || "{}");
    var items = Array.prototype.slice.call(container.querySelectorAll(".ks-item"));
    var params = new URLSearchParams(window.location.search);
    var form = document.createElement("form");
    form.className = "ks-filter-form";
    form.setAttribute("aria-label", "Lijst filteren");
    var status = document.createElement("p");
    status.className = "ks-filter-status";
    status.setAttribute("role", "status");
    var selects = {};

    keys.forEach(function (key) {
      var present = {};
      items.forEach(function (item) { values(item, key).forEach(function (v) { present[v] = true; }); });
      var ids = Object.keys(present);
      if (ids.length < 2) return;
      var names = labels[key] || {};
      ids.sort(function (a, b) { return (names[a] || a).localeCompare(names[b] || b, "nl", { numeric: true }); });
      var id = "ks-filter-" + index + "-" + key;
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = NAMES[key] || key;
      var select = document.createElement("select");
      select.id = id;
      select.name = key;
      select.add(new Option("Alle", ""));
      ids.forEach(function (v) { select.add(new Option(names[v] || v, v)); });
      if (present[params.get(key)]) select.value = params.get(key);
      select.addEventListener("change", apply);
      selects[key] = select;
      var field = document.createElement("div");
      field.className = "ks-filter-field";
      field.appendChild(label);
      field.appendChild(select);
      form.appendChild(field);
    });
    if (!Object.keys(selects).length) return;
    // A choice applies at once; the button is there for who expects one, and a form needs one
    // (WCAG 3.2.2, HTML_CodeSniffer H32). Submitting never leaves the page.
    var submit = document.createElement("button");
    submit.type = "submit";
    submit.className = "md-button ks-filter-submit";
    submit.textContent = "Filteren";
    form.appendChild(submit);
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button ks-filter-reset";
    reset.textContent = "Alle filters wissen";
    reset.addEventListener("click", function () {
      Object.keys(selects).forEach(function (key) { selects[key].value = ""; });
      apply();
      var first = selects[Object.keys(selects)[0]];
      if (first) first.focus();
    });
    form.appendChild(reset);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    var empty = document.createElement("p");
    empty.className = "ks-filter-empty";
    empty.hidden = true;
    empty.textContent = "Geen resultaten met deze filters. Kies een andere waarde of wis de filters.";
    container.parentNode.insertBefore(form, container);
    container.parentNode.insertBefore(status, container);
    container.parentNode.insertBefore(empty, container);

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var match = Object.keys(selects).every(function (key) {
          var wanted = selects[key].value;
          return !wanted || values(item, key).indexOf(wanted) !== -1;
        });
        item.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(container.querySelectorAll(".ks-group"), function (group) {
        group.hidden = !group.querySelector(".ks-item:not([hidden])");
      });
      var filtered = Object.keys(selects).some(function (key) { return selects[key].value; });
      status.textContent = shown + " van " + items.length + " getoond" + (shown === 0 ? ": geen resultaten" : "");
      empty.hidden = shown !== 0;
      reset.hidden = !filtered;
      var url = new URL(window.location.href);
      Object.keys(selects).forEach(function (key) {
        if (selects[key].value) url.searchParams.set(key, selects[key].value);
        else url.searchParams.delete(key);
      });
      window.history.replaceState(null, "", url);
    }
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-ks-filter]"), setup);
})();
