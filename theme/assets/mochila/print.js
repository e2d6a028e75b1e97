/*
 * Printing: facilitator notes (closed <details>) print open; the ones opened for printing
 * close again afterwards. Besides beforeprint/afterprint, the print media query is watched,
 * as a second signal for browsers that print without firing those events.
 */
(() => {
  "use strict";

  const Mochila = window.Mochila;

  function init() {
    let opened = [];
    function before() {
      document.querySelectorAll("details.mochila-notes:not([open])").forEach((notes) => {
        notes.open = true;
        opened.push(notes);
      });
    }
    function after() {
      opened.forEach((notes) => {
        notes.open = false;
      });
      opened = [];
    }
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    const query = window.matchMedia("print");
    const onChange = (event) => (event.matches ? before() : after());
    /* Safari before 14 (old iPads stay on iOS 12) has only the older addListener. */
    if (query.addEventListener) query.addEventListener("change", onChange);
    else query.addListener(onChange);
  }

  Mochila.print = { init };
})();
