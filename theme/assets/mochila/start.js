/*
 * Last of Mochila's page scripts: starts every feature once the page is there.
 */
(() => {
  "use strict";

  const Mochila = window.Mochila;

  /* Material's search overlay is role="dialog" without a name (axe: aria-dialog-name):
     borrow the search field's own label. */
  function nameSearchDialog() {
    const dialog = document.querySelector('.md-search[role="dialog"]');
    const input = dialog && dialog.querySelector("input[aria-label]");
    if (input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }

  let documentReady = false;

  /* Runs once per page content: on load, and again only if Material's instant navigation
     (a project may turn it on) swaps in a new page; document$ also replays the current one. */
  function start() {
    const content = document.querySelector('[data-md-component="content"]') || document.body;
    if (!content || content.mochilaReady) return;
    content.mochilaReady = true;
    const storage = Mochila.openStorage();
    const store = Mochila.storeName();
    Mochila.prompts.init(storage, store);
    Mochila.journal.init(storage, store);
    Mochila.catalogue.init();
    nameSearchDialog();
    if (!documentReady) {
      /* Listeners on window and document: once, whatever instant navigation swaps in. */
      documentReady = true;
      Mochila.print.init();
      Mochila.languageMenu.init();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => {
      if (document.readyState !== "loading") start();
    });
  }
})();
