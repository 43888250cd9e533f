// Printing: a printed link is useless without its address. Write each content link's full
// address into data-ks-print-url; the print stylesheet (kennisschakels.css) shows it after the link.
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".md-content .md-typeset a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      // In-page anchors (permalinks, footnotes) point nowhere on paper.
      if (href.charAt(0) === "#") return;
      // A link whose text is already its address needs no repetition.
      if (link.textContent.trim() === link.href || link.textContent.trim() === href) return;
      link.setAttribute("data-ks-print-url", link.href);
    });
  }

  // Material's document$ also fires after instant navigation, should that ever be switched on.
  if (window.document$) window.document$.subscribe(mark);
  else mark();
})();
