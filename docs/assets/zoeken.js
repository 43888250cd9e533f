// Search box in the header (overrides/partials/search.html), on Pagefind's JavaScript API.
//
// Nothing under pagefind/ is fetched until the reader opens the search box (focus, click, '/').
// Then pagefind.js (an ES module) is imported; it starts its Web Worker and loads the Dutch index
// in pieces as the reader types. Each result shows its type, title, a highlighted excerpt and,
// for long pages, the sections that match. Keyboard: '/' opens, ArrowDown/ArrowUp move between
// the field and the results, Escape closes and puts focus back where it was.
// No inline script, no eval, no innerHTML: excerpts are rebuilt as text and <mark> elements.
(function () {
  "use strict";

  var root = document.querySelector("[data-ks-zoeken]");
  var toggle = document.getElementById("__search"); // Material's toggle: its CSS opens the box
  if (!root || !toggle) return;

  var input = root.querySelector(".md-search__input");
  var status = root.querySelector(".ks-zoeken__status");
  var list = root.querySelector(".ks-zoeken__lijst");
  var more = root.querySelector(".ks-zoeken__meer");
  var clear = root.querySelector(".ks-zoeken__wis");
  var back = root.querySelector(".ks-zoeken__terug");
  var filtersBox = root.querySelector(".ks-zoeken__filters");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-ks-filter]"));
  var opener = document.querySelector(".ks-zoeken-open");

  var PAGE_SIZE = 10;
  var SUB_RESULTS = 3;
  var config = {};
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (error) { /* Material's config is always there; fall back to the site root */ }
  var base = new URL((config.base || ".") + "/", window.location.href);

  var pagefind = null;      // promise of the initialised module
  var filtersLoaded = null; // promise: the filter options were filled in
  var results = [];
  var shown = 0;
  var generation = 0;       // a newer search makes older answers stale
  var returnFocus = null;

  function isOpen() { return toggle.checked; }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module.options({
          baseUrl: base.pathname,
          excerptLength: 24,
          // The name (and other names) of the page about a thing counts like the title; the
          // description a little more than the text (kennisschakels/search.py writes both).
          ranking: { metaWeights: { title: 5, namen: 5, description: 1.5 } }
        }).then(function () { return module.init(); }).then(function () { return module; });
      });
      pagefind.catch(function () {
        say("Zoeken is nu niet beschikbaar. Probeer het later opnieuw, of gebruik het menu.");
      });
    }
    return pagefind;
  }

  function say(text) {
    // Same text twice is not announced again: make the repeat differ invisibly.
    status.textContent = status.textContent === text ? text + "\u00a0" : text;
  }

  // Material's __search toggle is the state: its CSS shows the box; the overlay is its label.
  function open(remember) {
    if (!isOpen()) {
      returnFocus = remember || null;
      toggle.click(); // as Material does: the change event also locks the page's scrolling on phones
    }
    load();
  }

  toggle.addEventListener("change", function () {
    if (opener) opener.setAttribute("aria-expanded", String(isOpen()));
    if (!isOpen() && root.contains(document.activeElement) && !visible(document.activeElement)) {
      document.activeElement.blur();
    }
  });

  function visible(el) {
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  }

  function close(restore) {
    if (!isOpen()) return;
    toggle.click();
    var target = returnFocus;
    returnFocus = null;
    if (!restore) return;
    if (target && target !== document.body && document.contains(target) && visible(target)) {
      target.focus(); // the link, button or field the reader was on; on wide screens the field
    } else if (root.contains(document.activeElement)) {
      document.activeElement.blur(); // opened with '/' from nowhere in particular: back to the page
    }
  }

  // -- filters ---------------------------------------------------------------------------------

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.getAttribute("data-ks-filter")] = select.value;
    });
    return chosen;
  }

  function fillFilters() {
    if (!filtersLoaded) {
      filtersLoaded = load().then(function (module) { return module.filters(); }).then(function (available) {
        selects.forEach(function (select) {
          var counts = available[select.getAttribute("data-ks-filter")] || {};
          var values = Object.keys(counts);
          values.sort(function (a, b) {
            return select.getAttribute("data-ks-filter") === "jaar"
              ? b.localeCompare(a) : a.localeCompare(b, "nl", { numeric: true });
          });
          values.forEach(function (value) {
            select.add(new Option(value + " (" + counts[value] + ")", value));
          });
        });
      });
    }
    return filtersLoaded;
  }

  // -- rendering -------------------------------------------------------------------------------

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };

  function decode(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (all, name) {
      if (name[0] === "#") {
        var code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return isNaN(code) ? all : String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : all;
    });
  }

  // Pagefind's excerpt: entity-encoded text with <mark> around the matches.
  function excerpt(element, encoded) {
    encoded.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      if (part.indexOf("<mark>") === 0) {
        var mark = document.createElement("mark");
        mark.textContent = decode(part.slice(6, -7));
        element.appendChild(mark);
      } else if (part) {
        element.appendChild(document.createTextNode(decode(part.replace(/<[^>]*>/g, ""))));
      }
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function first(values) { return values && values.length ? values[0] : ""; }

  function resultItem(data, index) {
    var id = "ks-zoekresultaat-" + index;
    var item = element("li", "ks-resultaat");
    var filters = data.filters || {};
    var facts = [first(filters.soort) || "Pagina"];
    if (filters.regio && filters.regio.length === 1 && first(filters.soort) !== "Regio") facts.push(filters.regio[0]);
    if (filters.jaar && filters.jaar.length) facts.push(filters.jaar[0]);

    var card = element("div", "ks-resultaat__kaart");
    var type = element("p", "ks-resultaat__soort", facts.join(" · "));
    type.id = id + "-soort";
    var link = element("a", "ks-resultaat__link", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    link.id = id;
    var text = element("p", "ks-resultaat__uittreksel");
    text.id = id + "-tekst";
    excerpt(text, data.excerpt || "");
    link.setAttribute("aria-describedby", type.id + " " + text.id);
    var title = element("p", "ks-resultaat__titel");
    title.appendChild(link);
    card.appendChild(type);
    card.appendChild(title);
    card.appendChild(text);
    item.appendChild(card);

    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.anchor && sub.url !== data.url;
    }).slice(0, SUB_RESULTS);
    if (sections.length) {
      var subList = element("ul", "ks-resultaat__delen");
      subList.setAttribute("aria-label", "Delen van deze pagina");
      sections.forEach(function (sub, n) {
        var subItem = element("li", "ks-resultaat__deel");
        var subLink = element("a", "ks-resultaat__link", sub.title);
        subLink.href = sub.url;
        var subText = element("p", "ks-resultaat__uittreksel");
        subText.id = id + "-deel-" + n;
        excerpt(subText, sub.excerpt || "");
        subLink.setAttribute("aria-describedby", subText.id);
        var subTitle = element("p", "ks-resultaat__titel");
        subTitle.appendChild(subLink);
        subItem.appendChild(subTitle);
        subItem.appendChild(subText);
        subList.appendChild(subItem);
      });
      item.appendChild(subList);
    }
    return item;
  }

  function showMore(current) {
    var next = results.slice(shown, shown + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (current !== generation) return;
      pages.forEach(function (data, n) { list.appendChild(resultItem(data, shown + n)); });
      shown += pages.length;
      more.hidden = shown >= results.length;
    });
  }

  function describe(count, term) {
    var what = count === 0 ? "Geen resultaten" : count === 1 ? "1 resultaat" : count + " resultaten";
    var filters = chosenFilters();
    var names = Object.keys(filters).map(function (key) { return filters[key]; });
    var parts = [what];
    if (term) parts.push("voor \u2018" + term + "\u2019");
    if (names.length) parts.push("(" + names.join(", ") + ")");
    return parts.join(" ");
  }

  function search() {
    var current = ++generation;
    var term = input.value.trim();
    var filters = chosenFilters();
    clear.hidden = !input.value;
    if (!term && !Object.keys(filters).length) {
      results = [];
      shown = 0;
      list.textContent = "";
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    return load().then(function (module) {
      return module.debouncedSearch(term || null, { filters: filters }, 250);
    }).then(function (found) {
      if (found === null || current !== generation) return;
      results = found.results;
      shown = 0;
      list.textContent = "";
      return showMore(current).then(function () {
        if (current === generation) say(describe(results.length, term));
      });
    }).catch(function () {
      if (current === generation) say("Zoeken is mislukt. Probeer het opnieuw.");
    });
  }

  // -- keyboard and pointer --------------------------------------------------------------------

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.ks-resultaat__link"));
  }

  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || editable(document.activeElement)) return;
    event.preventDefault();
    open(document.activeElement);
    input.focus();
    input.select();
  });

  root.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      if (at + 1 < all.length) all[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === "Enter" && document.activeElement === input && all.length) {
      event.preventDefault();
      all[0].click();
    }
  });

  input.addEventListener("focus", function (event) {
    open(isOpen() ? null : (root.contains(event.relatedTarget) ? null : input));
  });
  input.addEventListener("click", function () { open(null); });
  input.addEventListener("input", function () { open(null); search(); });

  // Focus leaving the search box closes it (no trap; nothing stays open behind other content).
  root.addEventListener("focusout", function (event) {
    var to = event.relatedTarget;
    if (to && !root.contains(to) && to !== opener) close(false);
  });

  if (opener) {
    opener.addEventListener("click", function () {
      if (isOpen()) { close(true); return; }
      open(opener);
      input.focus();
    });
  }
  back.addEventListener("click", function () { close(true); });
  clear.addEventListener("click", function () {
    input.value = "";
    search();
    input.focus();
  });
  more.addEventListener("click", function () {
    var before = shown;
    showMore(generation).then(function () {
      var all = list.querySelectorAll(".ks-resultaat");
      var firstNew = all[before] && all[before].querySelector("a");
      if (firstNew) firstNew.focus();
      say(shown + " van " + results.length + " resultaten getoond");
    });
  });
  filtersBox.addEventListener("toggle", function () { if (filtersBox.open) fillFilters(); });
  selects.forEach(function (select) { select.addEventListener("change", search); });

  // Following a result within the page (a section of the page the reader is on): close the box.
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) close(false);
  });
})();
