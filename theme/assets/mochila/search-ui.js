/*
 * The header's search box: results as you type, keyboard use, and the matched words marked on
 * the page a result opens (?q=...). The engine is search.js (window.MochilaSearch).
 *
 * Each result is an ordinary link. Keys: arrow down from the box moves into the results,
 * arrows move between them, Enter follows a link (or the first result from the box), Escape
 * closes the results and returns to the box. The count is announced (role="status").
 */
(function () {
  "use strict";

  var PAGE = 20; /* results drawn at a time */

  function readStrings() {
    var el = document.getElementById("mochila-strings");
    try {
      return JSON.parse((el && el.textContent) || "{}") || {};
    } catch (e) {
      return {};
    }
  }

  var STRINGS = readStrings();

  function t(key, vars) {
    var text = STRINGS[key];
    if (typeof text !== "string") return "";
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ``text`` into ``parent``, the parts the tokens match inside <mark>. */
  function marked(parent, text, tokens) {
    var at = 0;
    window.MochilaSearch.ranges(text, tokens).forEach(function (range) {
      if (range[0] < at) return;
      if (range[0] > at) parent.appendChild(document.createTextNode(text.slice(at, range[0])));
      parent.appendChild(el("mark", "", text.slice(range[0], range[1])));
      at = range[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }

  /* The summary, the materials or the body excerpt, whichever first shows a matched word;
     a long text is cut around the first match. */
  function snippet(row, tokens) {
    var texts = [row[2], row[6], row[7]];
    for (var i = 0; i < texts.length; i++) {
      var text = texts[i] || "";
      var ranges = window.MochilaSearch.ranges(text, tokens);
      if (!ranges.length) continue;
      var start = ranges[0][0];
      if (text.length > 160 && start > 60) {
        var cut = text.lastIndexOf(" ", start - 40);
        text = "… " + text.slice(cut > 0 ? cut + 1 : start - 40);
      }
      return text;
    }
    return row[2] || row[7] || "";
  }

  function init() {
    var form = document.querySelector("form[data-mochila-search]");
    var engine = window.MochilaSearch;
    if (!form || !engine) return;
    var input = form.querySelector('input[type="search"]');
    var panel = form.querySelector(".mochila-search__panel");
    var status = form.querySelector(".mochila-search__status");
    var list = form.querySelector(".mochila-search__list");
    if (!input || !panel || !status || !list) return;
    engine.open(form.getAttribute("data-mochila-search"));

    var asked = 0; /* number of the latest query; older answers are dropped */
    var current = null; /* {result, shown} */
    var more = null;

    function close() {
      panel.hidden = true;
      form.classList.remove("mochila-search--open");
    }

    function open() {
      panel.hidden = false;
      form.classList.add("mochila-search--open");
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a.mochila-search__link"));
    }

    function item(row, tokens, query) {
      var li = el("li", "mochila-search__item");
      var a = el("a", "mochila-search__link");
      a.href = engine.href(row[0]) + "?q=" + encodeURIComponent(query);
      a.appendChild(marked(el("span", "mochila-search__title"), row[1], tokens));
      var meta = [row[3], row[4], row[5]].filter(Boolean).join(" · ");
      if (meta) a.appendChild(el("span", "mochila-search__meta", meta));
      var text = snippet(row, tokens);
      if (text) a.appendChild(marked(el("span", "mochila-search__snippet"), text, tokens));
      li.appendChild(a);
      return li;
    }

    function drawMore(number) {
      var state = current;
      var next = state.result.hits.slice(state.shown, state.shown + PAGE);
      engine.documents(next, function (rows) {
        if (number !== asked) return;
        var fragment = document.createDocumentFragment();
        rows.forEach(function (row) {
          if (row) fragment.appendChild(item(row, state.result.tokens, state.result.query));
        });
        var first = state.shown;
        state.shown += next.length;
        if (more) more.remove();
        more = null;
        list.appendChild(fragment);
        if (state.shown < state.result.hits.length) {
          more = el("li", "mochila-search__more");
          var button = el("button", "md-button", t("search_more"));
          button.type = "button";
          button.addEventListener("click", function () {
            drawMore(asked);
          });
          more.appendChild(button);
          list.appendChild(more);
        }
        if (first > 0) {
          var added = links()[first];
          if (added) added.focus();
        }
      });
    }

    function show(result, number) {
      if (number !== asked) return;
      current = { result: result, shown: 0 };
      var count = result.hits.length;
      engine.documents(result.hits.slice(0, PAGE), function () {
        if (number !== asked) return;
        list.textContent = "";
        more = null;
        var text = count === 0 ? t("search_none", { query: result.query.trim() }) : count === 1 ? t("search_one") : t("search_count", { count: count });
        if (status.textContent !== text) status.textContent = text;
        open();
        if (count) drawMore(number);
        /* Which query the panel shows (tests and the benchmark wait for it). */
        form.setAttribute("data-shown", result.query);
      });
    }

    function ask() {
      var query = input.value;
      var number = ++asked;
      if (!query.trim()) {
        list.textContent = "";
        status.textContent = "";
        current = null;
        close();
        return;
      }
      engine.search(query, function (result) {
        show(result, number);
      });
    }

    input.addEventListener("input", ask);
    input.addEventListener("focus", function () {
      if (current && input.value.trim()) open();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) window.location.href = first.href;
    });
    form.addEventListener("keydown", function (event) {
      var all = links();
      var index = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        if (!panel.hidden) {
          event.preventDefault();
          close();
          input.focus();
        } else if (event.target === input && input.value) {
          input.value = "";
          ask();
        }
      } else if (event.key === "ArrowDown") {
        if (panel.hidden && input.value.trim()) open();
        if (!all.length) return;
        event.preventDefault();
        all[Math.min(index + 1, all.length - 1)].focus();
      } else if (event.key === "ArrowUp") {
        if (index === -1) return;
        event.preventDefault();
        if (index === 0) input.focus();
        else all[index - 1].focus();
      }
    });
    /* Results close when the reader moves elsewhere. */
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) close();
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  /* The words a result was found by, marked on the page it opened. */
  function markPage() {
    var query = null;
    try {
      query = new URLSearchParams(window.location.search).get("q");
    } catch (e) {
      return;
    }
    var form = document.querySelector("form[data-mochila-search]");
    var engine = window.MochilaSearch;
    var article = document.querySelector("article") || document.querySelector(".md-content");
    if (!query || !form || !engine || !article) return;
    var input = form.querySelector('input[type="search"]');
    engine.open(form.getAttribute("data-mochila-search"), function (ok) {
      if (!ok) return;
      var tokens = engine.tokens(query);
      var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          var parent = node.parentNode;
          if (!parent || /^(SCRIPT|STYLE|TEXTAREA|MARK|NOSCRIPT)$/.test(parent.nodeName)) return NodeFilter.FILTER_REJECT;
          return node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        },
      });
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.nodeValue;
        if (!engine.ranges(text, tokens).length) return;
        var fragment = marked(document.createDocumentFragment(), text, tokens);
        Array.prototype.forEach.call(fragment.querySelectorAll ? fragment.querySelectorAll("mark") : [], function (m) {
          m.className = "mochila-hit";
        });
        node.parentNode.replaceChild(fragment, node);
      });
      if (input && !input.value) input.value = query;
    });
  }

  function start() {
    init();
    markPage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
