// The only script of the site (CSP: script-src 'self').  Everything works without it;
// it only folds the filter panel on narrow screens so results come first on a phone.
(function () {
  var panel = document.querySelector("details.filters");
  if (panel && window.matchMedia("(max-width: 760px)").matches) {
    panel.removeAttribute("open");
  }
})();
