/*
 * The header's language menu is a <details>: it opens and is announced without script.
 * These listeners add what a menu is expected to do besides: Escape closes it and gives the
 * focus back to its button, and a click or focus elsewhere closes it. Set on the document
 * once, so they also cover headers swapped in by Material's instant navigation.
 */
(() => {
  "use strict";

  const Mochila = window.Mochila;

  function openMenus() {
    return document.querySelectorAll("details.mochila-lang__menu[open]");
  }

  function init() {
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      openMenus().forEach((menu) => {
        const hadFocus = menu.contains(document.activeElement);
        menu.open = false;
        if (hadFocus) menu.querySelector("summary").focus();
      });
    });
    function closeOutside(event) {
      openMenus().forEach((menu) => {
        if (!menu.contains(event.target)) menu.open = false;
      });
    }
    document.addEventListener("click", closeOutside);
    document.addEventListener("focusin", closeOutside);
  }

  Mochila.languageMenu = { init };
})();
