/*
 * Mochila: reflection prompts, "My reflections" journal and catalogue filters.
 *
 * Plain ES2017, no dependencies, no network: pages are opened from file:// on
 * old laptops. Every feature is an enhancement of HTML that already works
 * without JavaScript. UI text comes from #mochila-strings (never hard-coded).
 * Answers live in localStorage under mochila:<store>:<activity>:<prompt>.
 */
(function () {
  "use strict";

  var PREFIX = "mochila:";
  var SAVE_DELAY = 400;

  /* ------------------------------------------------------------ utilities */

  function readStrings() {
    var el = document.getElementById("mochila-strings");
    if (!el) return {};
    try {
      var data = JSON.parse(el.textContent || "{}");
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }

  var STRINGS = readStrings();

  /* A UI string with {name} placeholders filled in; "" when the build gave none. */
  function t(key, vars) {
    var text = STRINGS[key];
    if (typeof text !== "string") return "";
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match;
    });
  }

  function storeName() {
    var meta = document.querySelector('meta[name="mochila:store"]');
    var name = meta ? (meta.getAttribute("content") || "").trim() : "";
    return name || "default";
  }

  /* localStorage, or null when the browser refuses it or does not keep what it is given
     (storage turned off, some privacy settings, a full disk). Callers then leave the page
     as without JS, and the journal says why it cannot show anything. */
  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = PREFIX + "__probe__";
      storage.setItem(probe, "1");
      var kept = storage.getItem(probe) === "1";
      storage.removeItem(probe);
      return kept ? storage : null;
    } catch (e) {
      return null;
    }
  }

  function storeGet(storage, key) {
    try {
      var raw = storage.getItem(key);
      if (!raw) return null;
      var data = JSON.parse(raw);
      return data && typeof data === "object" ? data : null;
    } catch (e) {
      return null;
    }
  }

  /* Write (or, with null, remove) one entry and read it back: true only when the browser
     really kept it, so the page never says "saved" about an answer that is not. */
  function storeSet(storage, key, value) {
    try {
      if (value === null) {
        storage.removeItem(key);
        return storage.getItem(key) === null;
      }
      var raw = JSON.stringify(value);
      storage.setItem(key, raw);
      return storage.getItem(key) === raw;
    } catch (e) {
      return false;
    }
  }

  function pageLang() {
    return document.documentElement.getAttribute("lang") || undefined;
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    try {
      return date.toLocaleDateString(pageLang(), { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      return date.toISOString().slice(0, 10);
    }
  }

  /* Lower case without accents, so "agua" finds "Água" and "nino" finds "niño". */
  var MARKS = /[\u0300-\u036f]/g;
  function fold(text) {
    var lower = String(text || "").toLowerCase();
    return lower.normalize ? lower.normalize("NFD").replace(MARKS, "") : lower;
  }

  /* Only relative links go into the journal: never a javascript: or remote URL. */
  function safeHref(path) {
    if (typeof path !== "string" || !path) return "";
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.indexOf("//") === 0) return "";
    return path;
  }

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  /* ------------------------------------------------------ reflection prompts */

  function initPrompts(storage, store) {
    var prompts = document.querySelectorAll(".mochila-prompt[data-mochila-prompt]");
    if (!prompts.length || !storage) return;
    var flushers = [];

    Array.prototype.forEach.call(prompts, function (prompt) {
      var owner = prompt.closest("[data-mochila-activity]");
      var textarea = prompt.querySelector(".mochila-prompt__answer");
      if (!owner || !textarea) return;
      var activity = owner.getAttribute("data-mochila-activity");
      var promptId = prompt.getAttribute("data-mochila-prompt");
      if (!activity || !promptId) return;

      var key = PREFIX + store + ":" + activity + ":" + promptId;
      var textEl = prompt.querySelector(".mochila-prompt__text");
      var status = prompt.querySelector(".mochila-prompt__status");
      var lines = prompt.querySelector(".mochila-prompt__lines");
      var printed = document.createElement("div");
      printed.className = "mochila-prompt__print";
      printed.setAttribute("aria-hidden", "true");
      textarea.parentNode.insertBefore(printed, lines || textarea.nextSibling);

      var saved = storeGet(storage, key);
      var lastSaved = saved && typeof saved.answer === "string" ? saved.answer : "";
      var timer = null;

      function show(answer) {
        printed.textContent = answer;
        prompt.classList.toggle("mochila-prompt--answered", answer.trim() !== "");
      }

      function save() {
        clearTimeout(timer);
        timer = null;
        var answer = textarea.value;
        if (answer === lastSaved) {
          setText(status, answer.trim() ? t("saved") : "");
          return;
        }
        var ok;
        if (answer.trim() === "") {
          ok = storeSet(storage, key, null);
        } else {
          ok = storeSet(storage, key, {
            prompt: textEl ? textEl.textContent.trim() : "",
            answer: answer,
            title: owner.getAttribute("data-mochila-title") || activity,
            path: owner.getAttribute("data-mochila-path") || "",
            updated: new Date().toISOString(),
          });
        }
        if (ok) lastSaved = answer;
        setText(status, !ok ? t("not_saved") : answer.trim() ? t("saved") : "");
        prompt.classList.toggle("mochila-prompt--unsaved", !ok);
        show(answer);
      }

      textarea.value = lastSaved;
      show(lastSaved);
      if (lastSaved.trim()) setText(status, t("saved"));
      textarea.hidden = false;

      textarea.addEventListener("input", function () {
        setText(status, t("saving"));
        clearTimeout(timer);
        timer = setTimeout(save, SAVE_DELAY);
      });
      textarea.addEventListener("blur", function () {
        if (timer !== null) save();
      });
      /* Another tab wrote the same answer: follow it unless we are typing. */
      window.addEventListener("storage", function (event) {
        if (event.key !== key || document.activeElement === textarea) return;
        var data = storeGet(storage, key);
        lastSaved = data && typeof data.answer === "string" ? data.answer : "";
        textarea.value = lastSaved;
        show(lastSaved);
      });
      flushers.push(function () {
        if (timer !== null) save();
      });
    });

    /* Closing the page within the debounce delay must not lose the last words. */
    window.addEventListener("pagehide", function () {
      flushers.forEach(function (flush) {
        flush();
      });
    });
  }

  /* ---------------------------------------------------------------- print */

  /* Facilitator notes print open; the ones we opened close again afterwards. */
  function initPrint() {
    var opened = [];
    function before() {
      var notes = document.querySelectorAll("details.mochila-notes:not([open])");
      Array.prototype.forEach.call(notes, function (el) {
        el.open = true;
        opened.push(el);
      });
    }
    function after() {
      opened.forEach(function (el) {
        el.open = false;
      });
      opened = [];
    }
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    if (window.matchMedia) {
      var query = window.matchMedia("print");
      var onChange = function (event) {
        if (event.matches) before();
        else after();
      };
      if (query.addEventListener) query.addEventListener("change", onChange);
      else if (query.addListener) query.addListener(onChange);
    }
  }

  /* -------------------------------------------------------------- journal */

  var PROMPT_ORDER = { before: 0, inline: 1, after: 2 };

  function promptRank(id) {
    var match = /^([a-z]+)-?(\d*)/i.exec(id) || [];
    var group = PROMPT_ORDER[match[1]];
    return [group === undefined ? 3 : group, parseInt(match[2], 10) || 0, id];
  }

  function compareEntries(a, b) {
    var ra = promptRank(a.promptId);
    var rb = promptRank(b.promptId);
    return ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
  }

  /* Every saved answer of this store, grouped by activity and sorted by title. */
  function collectJournal(storage, store) {
    var prefix = PREFIX + store + ":";
    var groups = {};
    var keys = [];
    try {
      for (var i = 0; i < storage.length; i++) keys.push(storage.key(i));
    } catch (e) {
      return [];
    }
    keys.forEach(function (key) {
      if (!key || key.indexOf(prefix) !== 0) return;
      var rest = key.slice(prefix.length);
      var cut = rest.lastIndexOf(":");
      if (cut <= 0) return;
      var data = storeGet(storage, key);
      if (!data || typeof data.answer !== "string" || !data.answer.trim()) return;
      var activity = rest.slice(0, cut);
      var group = groups[activity];
      if (!group) {
        group = groups[activity] = { activity: activity, title: "", path: "", entries: [] };
      }
      if (!group.title && typeof data.title === "string") group.title = data.title;
      if (!group.path && typeof data.path === "string") group.path = data.path;
      group.entries.push({
        key: key,
        promptId: rest.slice(cut + 1),
        prompt: typeof data.prompt === "string" ? data.prompt : "",
        answer: data.answer,
        updated: typeof data.updated === "string" ? data.updated : "",
      });
    });
    var list = Object.keys(groups).map(function (id) {
      var group = groups[id];
      group.title = group.title || id;
      group.entries.sort(compareEntries);
      return group;
    });
    var collator = new Intl.Collator(pageLang(), { sensitivity: "base", numeric: true });
    list.sort(function (a, b) {
      return collator.compare(a.title, b.title);
    });
    return list;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderJournal(root, groups) {
    var list = root.querySelector(".mochila-journal__list");
    var actions = root.querySelector(".mochila-journal__actions");
    var empty = root.querySelector(".mochila-journal__empty");
    var fragment = document.createDocumentFragment();
    var counter = 0;

    groups.forEach(function (group) {
      var section = el("section", "mochila-journal__activity");
      section.setAttribute("data-mochila-activity", group.activity);
      var heading = el("h2");
      var href = safeHref(group.path);
      if (href) {
        var link = el("a", "", group.title);
        link.href = href;
        heading.appendChild(link);
      } else {
        heading.textContent = group.title;
      }
      section.appendChild(heading);

      group.entries.forEach(function (entry) {
        var id = "mochila-journal-prompt-" + ++counter;
        /* A group named by its question (aria-labelledby is not allowed on a <p>). */
        var item = el("div", "mochila-journal__entry");
        item.setAttribute("data-key", entry.key);
        item.setAttribute("role", "group");
        item.setAttribute("aria-labelledby", id);
        var prompt = el("p", "mochila-journal__prompt", entry.prompt);
        prompt.id = id;
        item.appendChild(prompt);
        item.appendChild(el("p", "mochila-journal__answer", entry.answer));
        var meta = el("div", "mochila-journal__meta");
        var date = formatDate(entry.updated);
        meta.appendChild(el("p", "mochila-journal__date", date ? t("written_on", { date: date }) : ""));
        var remove = el("button", "md-button mochila-journal__delete", t("delete"));
        remove.type = "button";
        remove.setAttribute("data-action", "delete");
        remove.setAttribute("aria-describedby", id);
        meta.appendChild(remove);
        item.appendChild(meta);
        section.appendChild(item);
      });
      fragment.appendChild(section);
    });

    list.textContent = "";
    list.appendChild(fragment);
    var isEmpty = groups.length === 0;
    if (actions) actions.hidden = isEmpty;
    if (empty) empty.hidden = !isEmpty;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fileSafe(name) {
    return String(name).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "mochila";
  }

  function journalTitle() {
    var h1 = document.querySelector(".md-content h1");
    return t("journal_title") || (h1 ? h1.textContent.trim() : "") || document.title;
  }

  /* CRLF and a byte-order mark so that old Windows Notepad shows accents and lines. */
  function journalMarkdown(groups) {
    var out = ["# " + journalTitle(), ""];
    groups.forEach(function (group) {
      out.push("## " + group.title, "");
      group.entries.forEach(function (entry) {
        out.push("**" + entry.prompt.replace(/\s+/g, " ") + "**", "");
        entry.answer.replace(/\r\n?/g, "\n").split("\n").forEach(function (line) {
          out.push("> " + line);
        });
        out.push("");
        var date = formatDate(entry.updated);
        if (date) out.push("_" + t("written_on", { date: date }) + "_", "");
      });
    });
    return "\ufeff" + out.join("\r\n");
  }

  /* A self-contained page: inline styles only, no links out. */
  function journalHtml(groups) {
    var title = escapeHtml(journalTitle());
    var body = groups
      .map(function (group) {
        var entries = group.entries
          .map(function (entry) {
            var date = formatDate(entry.updated);
            return (
              "<div class=\"entry\"><p class=\"prompt\">" + escapeHtml(entry.prompt) + "</p>" +
              "<p class=\"answer\">" + escapeHtml(entry.answer) + "</p>" +
              (date ? "<p class=\"date\">" + escapeHtml(t("written_on", { date: date })) + "</p>" : "") +
              "</div>"
            );
          })
          .join("\n");
        return "<section><h2>" + escapeHtml(group.title) + "</h2>\n" + entries + "</section>";
      })
      .join("\n");
    var css =
      "body{max-width:40em;margin:2em auto;padding:0 1em;font:18px/1.6 system-ui,'Segoe UI',Roboto," +
      "Arial,sans-serif;color:#2b211b;background:#fffbf5}h1{color:#9a3412}" +
      "section{margin:0 0 1.5em;padding:.2em 1em .8em;background:#fff;border:1px solid #e2d3c3;" +
      "border-top:4px solid #9a3412;border-radius:8px}.prompt{font-weight:700;margin:.8em 0 .3em}" +
      ".answer{white-space:pre-wrap;margin:0;padding:.4em .7em;background:#fdf0d5;border-radius:6px}" +
      ".date{margin:.3em 0 0;font-size:.85em;color:#5f5048}" +
      "@media print{body{background:#fff;margin:0}section{break-inside:avoid}}";
    return (
      "<!doctype html>\n<html lang=\"" + escapeHtml(pageLang() || "") + "\"><head><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
      "<title>" + title + "</title><style>" + css + "</style></head><body>\n<h1>" + title + "</h1>\n" +
      body + "\n</body></html>\n"
    );
  }

  function download(filename, type, content) {
    var blob = new Blob([content], { type: type });
    if (window.navigator && window.navigator.msSaveOrOpenBlob) {
      window.navigator.msSaveOrOpenBlob(blob, filename);
      return;
    }
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }

  function initJournal(storage, store) {
    var root = document.querySelector("[data-mochila-journal]");
    if (!root) return;
    if (!storage) {
      /* Not "you have not written anything yet": that would be untrue, and the reader would
         keep writing answers that are lost. */
      var empty = root.querySelector(".mochila-journal__empty");
      var message = t("journal_unavailable");
      if (empty && message) {
        setText(empty, message);
        empty.hidden = false;
      }
      return;
    }
    var groups = [];
    var labels = {
      print: "print",
      "download-md": "download_md",
      "download-html": "download_html",
      "delete-all": "delete_all",
    };
    Array.prototype.forEach.call(root.querySelectorAll(".mochila-journal__actions [data-action]"), function (button) {
      var label = t(labels[button.getAttribute("data-action")]);
      if (label && !button.textContent.trim()) button.textContent = label;
    });

    function refresh() {
      groups = collectJournal(storage, store);
      renderJournal(root, groups);
    }

    /* After a deletion, keep keyboard focus nearby instead of losing it to <body>. */
    function refocus(index) {
      var buttons = root.querySelectorAll(".mochila-journal__delete");
      var target = buttons[Math.min(index, buttons.length - 1)];
      if (!target) {
        target = root.querySelector(".mochila-journal__empty");
        if (target) target.setAttribute("tabindex", "-1");
      }
      if (target) target.focus();
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button || !root.contains(button)) return;
      var action = button.getAttribute("data-action");
      var base = "my-reflections-" + fileSafe(store);
      if (action === "print") {
        window.print();
      } else if (action === "download-md") {
        download(base + ".md", "text/markdown;charset=utf-8", journalMarkdown(groups));
      } else if (action === "download-html") {
        download(base + ".html", "text/html;charset=utf-8", journalHtml(groups));
      } else if (action === "delete-all") {
        if (!window.confirm(t("confirm_delete_all"))) return;
        groups.forEach(function (group) {
          group.entries.forEach(function (entry) {
            storeSet(storage, entry.key, null);
          });
        });
        refresh();
        refocus(0);
      } else if (action === "delete") {
        var entry = button.closest(".mochila-journal__entry");
        if (!entry || !window.confirm(t("confirm_delete"))) return;
        var all = Array.prototype.indexOf.call(root.querySelectorAll(".mochila-journal__delete"), button);
        storeSet(storage, entry.getAttribute("data-key"), null);
        refresh();
        refocus(all);
      }
    });

    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key.indexOf(PREFIX + store + ":") === 0) refresh();
    });
    refresh();
  }

  /* ------------------------------------------------------------ catalogue */

  function initCatalogue() {
    var root = document.querySelector("[data-mochila-catalogue]");
    if (!root) return;
    var form = root.querySelector("form.mochila-filters");
    if (!form) return;
    var search = form.querySelector('input[name="q"]');
    var status = form.querySelector(".mochila-filters__status");
    var none = root.querySelector(".mochila-cards__none");

    var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (fieldset) {
      var name = fieldset.getAttribute("data-facet");
      var options = Array.prototype.map.call(fieldset.querySelectorAll('input[type="checkbox"]'), function (input) {
        var label = input.closest("label");
        return {
          input: input,
          value: input.value,
          label: label || input,
          count: label ? label.querySelector(".mochila-filter__count") : null,
          shown: null,
          counted: null,
        };
      });
      return { name: name, fieldset: fieldset, options: options, selected: {}, active: false, shown: null };
    });
    var facetByName = {};
    facets.forEach(function (facet) {
      facetByName[facet.name] = facet;
    });

    /* Read every card once: its facet values and its folded title + summary. */
    var cards = Array.prototype.map.call(root.querySelectorAll(".mochila-cards__item"), function (item) {
      var title = item.querySelector(".mochila-cards__title");
      var summary = item.querySelector(".mochila-cards__summary");
      var values = facets.map(function (facet) {
        var raw = item.getAttribute("data-f-" + facet.name) || "";
        return raw.split(/\s+/).filter(Boolean);
      });
      return {
        item: item,
        text: fold((title ? title.textContent : "") + " " + (summary ? summary.textContent : "")),
        values: values,
        visible: !item.hidden,
      };
    });

    /* Phones: one big button opens and closes the filter groups. */
    var toggle = el("button", "md-button mochila-filters__toggle");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    var toggleLabel = form.getAttribute("aria-label") || "";
    form.insertBefore(toggle, form.firstChild);
    form.classList.add("mochila-filters--collapsed");
    toggle.addEventListener("click", function () {
      var open = form.classList.toggle("mochila-filters--collapsed") === false;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });

    function readForm() {
      facets.forEach(function (facet) {
        facet.selected = {};
        facet.active = false;
        facet.options.forEach(function (option) {
          if (option.input.checked) {
            facet.selected[option.value] = true;
            facet.active = true;
          }
        });
      });
    }

    /* One pass over the cards computes visibility and the faceted counts: a card
       failing only facet F still counts towards F's options (the count an option
       would give if it were added to the other facets' selection). */
    function update() {
      readForm();
      var query = fold(search ? search.value.trim() : "");
      var terms = query ? query.split(/\s+/) : [];
      var counts = facets.map(function () {
        return {};
      });
      var shown = 0;
      var nFacets = facets.length;

      for (var c = 0; c < cards.length; c++) {
        var card = cards[c];
        var textOk = true;
        for (var q = 0; q < terms.length; q++) {
          if (card.text.indexOf(terms[q]) === -1) {
            textOk = false;
            break;
          }
        }
        var failed = -1;
        var failures = textOk ? 0 : 2;
        for (var f = 0; f < nFacets && failures < 2; f++) {
          var facet = facets[f];
          if (!facet.active) continue;
          var values = card.values[f];
          var hit = false;
          for (var v = 0; v < values.length; v++) {
            if (facet.selected[values[v]]) {
              hit = true;
              break;
            }
          }
          if (!hit) {
            failures++;
            failed = f;
          }
        }
        var visible = failures === 0;
        if (visible !== card.visible) {
          card.item.hidden = !visible;
          card.visible = visible;
        }
        if (visible) shown++;
        if (failures > 1) continue;
        for (var g = 0; g < nFacets; g++) {
          if (failures === 1 && g !== failed) continue;
          var own = card.values[g];
          var tally = counts[g];
          for (var w = 0; w < own.length; w++) tally[own[w]] = (tally[own[w]] || 0) + 1;
        }
      }

      var activeCount = 0;
      facets.forEach(function (facet, index) {
        var anyShown = false;
        facet.options.forEach(function (option) {
          var count = counts[index][option.value] || 0;
          var show = count > 0 || option.input.checked;
          if (option.input.checked) activeCount++;
          if (show !== option.shown) {
            option.label.hidden = !show;
            option.shown = show;
          }
          if (option.count && count !== option.counted) {
            option.count.textContent = String(count);
            option.counted = count;
          }
          anyShown = anyShown || show;
        });
        if (anyShown !== facet.shown) {
          facet.fieldset.hidden = !anyShown;
          facet.shown = anyShown;
        }
      });

      setText(status, t("showing", { shown: shown, total: cards.length }));
      if (none) {
        if (t("no_match")) setText(none, t("no_match"));
        none.hidden = shown !== 0;
      }
      setText(toggle, toggleLabel + (activeCount ? " (" + activeCount + ")" : ""));
    }

    /* #age=0-12,12-24&areas=motor&q=agua: facets in form order, values in option order. */
    function serialize() {
      var parts = [];
      facets.forEach(function (facet) {
        var values = facet.options
          .filter(function (option) {
            return option.input.checked;
          })
          .map(function (option) {
            return encodeURIComponent(option.value);
          });
        if (values.length) parts.push(encodeURIComponent(facet.name) + "=" + values.join(","));
      });
      var q = search ? search.value.trim() : "";
      if (q) parts.push("q=" + encodeURIComponent(q));
      return parts.join("&");
    }

    /* The filter state in the hash, or null when the hash is a plain anchor. */
    function parseHash(hash) {
      var text = hash.replace(/^#/, "");
      if (!text || text.indexOf("=") === -1) return null;
      var state = { q: "", selected: {} };
      var known = false;
      text.split("&").forEach(function (part) {
        var eq = part.indexOf("=");
        if (eq <= 0) return;
        var name;
        var value;
        try {
          name = decodeURIComponent(part.slice(0, eq));
          value = part.slice(eq + 1);
        } catch (e) {
          return;
        }
        if (name === "q") {
          try {
            state.q = decodeURIComponent(value.replace(/\+/g, " "));
            known = true;
          } catch (e) {
            /* a malformed query is ignored, not thrown */
          }
        } else if (facetByName[name]) {
          known = true;
          state.selected[name] = {};
          value.split(",").forEach(function (item) {
            try {
              if (item) state.selected[name][decodeURIComponent(item)] = true;
            } catch (e) {
              /* skip one malformed value */
            }
          });
        }
      });
      return known ? state : null;
    }

    function applyState(state) {
      facets.forEach(function (facet) {
        var wanted = state.selected[facet.name] || {};
        facet.options.forEach(function (option) {
          option.input.checked = wanted[option.value] === true;
        });
      });
      if (search) search.value = state.q;
    }

    function writeHash() {
      var hash = serialize();
      var base = location.href.split("#")[0];
      try {
        history.replaceState(history.state, "", hash ? "#" + hash : base);
      } catch (e) {
        /* replaceState refused (some file:// setups): the filters still work. */
      }
    }

    var pending = false;
    function schedule(persist) {
      if (persist) {
        writeHash();
      }
      if (pending) return;
      pending = true;
      var run = function () {
        pending = false;
        update();
      };
      if (window.requestAnimationFrame) window.requestAnimationFrame(run);
      else setTimeout(run, 0);
    }

    form.addEventListener("change", function (event) {
      if (event.target && event.target.type === "checkbox") schedule(true);
    });
    if (search) {
      search.addEventListener("input", function () {
        schedule(true);
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("reset", function () {
      /* The form resets its fields after this event: read them afterwards. */
      setTimeout(function () {
        applyState({ q: "", selected: {} });
        writeHash();
        update();
      }, 0);
    });
    window.addEventListener("hashchange", function () {
      var state = parseHash(location.hash);
      if (!state) return;
      applyState(state);
      update();
    });

    var initial = parseHash(location.hash);
    if (initial) applyState(initial);
    form.hidden = false;
    root.classList.add("mochila-catalogue--ready");
    update();
  }

  /* ----------------------------------------------------------------- start */

  /* Material's search overlay is role="dialog" without a name (axe:
     aria-dialog-name): borrow the search field's own label. */
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = dialog && dialog.querySelector("input[aria-label]");
    if (input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }

  /* The header's language menu is a <details>: it opens and is announced without script.
     These listeners add what a menu is expected to do besides: Escape closes it and gives
     the focus back to its button, and a click or focus elsewhere closes it. Set on the
     document once, so they also cover headers swapped in by instant navigation. */
  function initLanguageMenu() {
    function openMenus() {
      return document.querySelectorAll("details.mochila-lang__menu[open]");
    }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      Array.prototype.forEach.call(openMenus(), function (menu) {
        var hadFocus = menu.contains(document.activeElement);
        menu.open = false;
        if (hadFocus) menu.querySelector("summary").focus();
      });
    });
    function closeOutside(event) {
      Array.prototype.forEach.call(openMenus(), function (menu) {
        if (!menu.contains(event.target)) menu.open = false;
      });
    }
    document.addEventListener("click", closeOutside);
    document.addEventListener("focusin", closeOutside);
  }

  var printReady = false;

  /* Runs once per page content: on load, and again only if Material's instant
     navigation swaps in a new page (document$ also replays the current one). */
  function start() {
    var content = document.querySelector('[data-md-component="content"]') || document.body;
    if (!content || content.mochilaReady) return;
    content.mochilaReady = true;
    var storage = openStorage();
    var store = storeName();
    initPrompts(storage, store);
    initJournal(storage, store);
    initCatalogue();
    nameSearchDialog();
    if (!printReady) {
      printReady = true;
      initPrint();
      initLanguageMenu();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      if (document.readyState !== "loading") start();
    });
  }
})();
