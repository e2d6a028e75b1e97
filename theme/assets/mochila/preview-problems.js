/*
 * `mochila serve` only: the content problems of the last rebuild, shown over the page (the
 * last good one) so the author sees them where they look. The browser reloads after each
 * rebuild, and the box goes away once the content is valid.
 *
 * The preview writes the problems, before this script, into preview-problems-data.js:
 * window.MochilaPreviewProblems = {title: "...", problems: ["file:line: message", ...]}.
 * Websites and bundles carry this file, as every theme file, but never load it.
 */
(() => {
  "use strict";

  const data = window.MochilaPreviewProblems;
  if (!data || !Array.isArray(data.problems) || !data.problems.length) return;

  function show() {
    const box = document.createElement("div");
    box.className = "mochila-preview-problems";
    box.setAttribute("role", "alert");
    /* Inline styles: the box must show even when the page's own styles did not build. */
    box.style.cssText =
      "position:fixed;z-index:1000;left:0;right:0;top:0;max-height:60vh;overflow:auto;" +
      "background:#7a1010;color:#fff;padding:1em 1.5em;font:16px/1.5 sans-serif";
    const title = document.createElement("strong");
    title.textContent = data.title || "";
    const list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:.5em 0 0;font:14px/1.5 monospace";
    list.textContent = data.problems.join("\n");
    box.append(title, list);
    document.body.appendChild(box);
  }

  if (document.body) show();
  else document.addEventListener("DOMContentLoaded", show);
})();
