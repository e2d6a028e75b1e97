/*
 * Mochila's page scripts, first file: the namespace and the helpers every feature shares.
 *
 * Plain ES2017 classic scripts, no dependencies, no network: pages are opened from file:// on
 * old laptops, where ES modules do not load (Chromium refuses module scripts from file://).
 * So each file is an ordinary <script> that adds its part to one global object,
 * window.Mochila, in the order main.html loads them: core, print, language-menu, prompts,
 * journal, catalogue, start. Every feature is an enhancement of HTML that already works
 * without JavaScript. UI text comes from #mochila-strings (never hard-coded).
 *
 * Pure functions (no DOM, no storage) are on the namespace so tests call them directly
 * (tests/js/test_theme_units.py).
 */
(() => {
  "use strict";

  const Mochila = (window.Mochila = {});

  /* Answers live in localStorage under mochila:<store>:<activity>:<prompt>. */
  Mochila.PREFIX = "mochila:";

  function readStrings() {
    const node = document.getElementById("mochila-strings");
    if (!node) return {};
    try {
      const data = JSON.parse(node.textContent || "{}");
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }

  const STRINGS = readStrings();

  /* A UI string with {name} placeholders filled in; "" when the build gave none. */
  Mochila.t = (key, vars) => {
    const text = STRINGS[key];
    if (typeof text !== "string") return "";
    return text.replace(/\{(\w+)\}/g, (match, name) =>
      vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match
    );
  };

  /* The namespace of this edition's answers (one per bundle, one per site language). */
  Mochila.storeName = () => {
    const meta = document.querySelector('meta[name="mochila:store"]');
    const name = meta ? (meta.getAttribute("content") || "").trim() : "";
    return name || "default";
  };

  /* localStorage, or null when the browser refuses it or does not keep what it is given
     (storage turned off, some privacy settings, a full disk). Callers then leave the page
     as without JS, and the journal says why it cannot show anything. */
  Mochila.openStorage = () => {
    try {
      const storage = window.localStorage;
      const probe = Mochila.PREFIX + "__probe__";
      storage.setItem(probe, "1");
      const kept = storage.getItem(probe) === "1";
      storage.removeItem(probe);
      return kept ? storage : null;
    } catch (e) {
      return null;
    }
  };

  /* One stored object, or null when missing or not an object. */
  Mochila.storeGet = (storage, key) => {
    try {
      const raw = storage.getItem(key);
      if (!raw) return null;
      const data = JSON.parse(raw);
      return data && typeof data === "object" ? data : null;
    } catch (e) {
      return null;
    }
  };

  /* Write (or, with null, remove) one entry and read it back: true only when the browser
     really kept it, so the page never says "saved" about an answer that is not. */
  Mochila.storeSet = (storage, key, value) => {
    try {
      if (value === null) {
        storage.removeItem(key);
        return storage.getItem(key) === null;
      }
      const raw = JSON.stringify(value);
      storage.setItem(key, raw);
      return storage.getItem(key) === raw;
    } catch (e) {
      return false;
    }
  };

  /* The page's language (<html lang>), or undefined for the browser's own. */
  Mochila.pageLang = () => document.documentElement.getAttribute("lang") || undefined;

  /* "20 November 2026" in the given language; "" for a date that cannot be read. */
  Mochila.formatDate = (iso, lang) => {
    const date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    try {
      return date.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      return date.toISOString().slice(0, 10); /* a language tag the browser refuses */
    }
  };

  /* Lower case without accents, so "agua" finds "Água" and "nino" finds "niño". */
  const MARKS = /[\u0300-\u036f]/g;
  Mochila.fold = (text) =>
    String(text || "")
      .toLowerCase()
      .normalize("NFD")
      .replace(MARKS, "");

  /* Only relative links go into the journal: never a javascript: or remote URL. */
  Mochila.safeHref = (path) => {
    if (typeof path !== "string" || !path) return "";
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return "";
    return path;
  };

  Mochila.escapeHtml = (text) =>
    String(text).replace(
      /[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
    );

  /* Changing text only when it differs keeps screen readers from announcing it again. */
  Mochila.setText = (node, text) => {
    if (node && node.textContent !== text) node.textContent = text;
  };

  Mochila.el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
})();
