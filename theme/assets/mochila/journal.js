/*
 * "My reflections": every answer saved in this browser for this edition, grouped by
 * activity, with print, download (text or web page) and delete. The list is drawn from
 * localStorage each time it changes (here or in another tab).
 */
(() => {
  "use strict";

  const Mochila = window.Mochila;
  const { t, el, escapeHtml, formatDate, storeGet, storeSet } = Mochila;

  /* Prompts in the order the activity asks them: before, inline (in the text), after. */
  const PROMPT_ORDER = { before: 0, inline: 1, after: 2 };

  function promptRank(id) {
    const match = /^([a-z]+)-?(\d*)/i.exec(id) || [];
    const group = PROMPT_ORDER[match[1]];
    return [group === undefined ? 3 : group, parseInt(match[2], 10) || 0, id];
  }

  function compareEntries(a, b) {
    const ra = promptRank(a.promptId);
    const rb = promptRank(b.promptId);
    return ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
  }

  /* Every saved answer of this store (from anything shaped like localStorage), grouped by
     activity: [{activity, title, path, entries: [{key, promptId, prompt, answer, updated}]}],
     activities sorted by title in the page's language, prompts in asking order. */
  function collect(storage, store, lang) {
    const prefix = Mochila.PREFIX + store + ":";
    const groups = {};
    const keys = [];
    try {
      for (let i = 0; i < storage.length; i++) keys.push(storage.key(i));
    } catch (e) {
      return [];
    }
    keys.forEach((key) => {
      if (!key || !key.startsWith(prefix)) return;
      const rest = key.slice(prefix.length);
      const cut = rest.lastIndexOf(":");
      if (cut <= 0) return;
      const data = storeGet(storage, key);
      if (!data || typeof data.answer !== "string" || !data.answer.trim()) return;
      const activity = rest.slice(0, cut);
      const group = (groups[activity] = groups[activity] || {
        activity,
        title: "",
        path: "",
        entries: [],
      });
      if (!group.title && typeof data.title === "string") group.title = data.title;
      if (!group.path && typeof data.path === "string") group.path = data.path;
      group.entries.push({
        key,
        promptId: rest.slice(cut + 1),
        prompt: typeof data.prompt === "string" ? data.prompt : "",
        answer: data.answer,
        updated: typeof data.updated === "string" ? data.updated : "",
      });
    });
    const list = Object.keys(groups).map((id) => {
      const group = groups[id];
      group.title = group.title || id;
      group.entries.sort(compareEntries);
      return group;
    });
    const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
    return list.sort((a, b) => collator.compare(a.title, b.title));
  }

  /* "Written on <date>", or "" without a readable date. */
  function writtenOn(entry, lang) {
    const date = formatDate(entry.updated, lang);
    return date ? t("written_on", { date }) : "";
  }

  /* The journal as Markdown text. CRLF and a byte-order mark so that old Windows Notepad
     shows accents and lines. */
  function markdown(groups, title, lang) {
    const out = ["# " + title, ""];
    groups.forEach((group) => {
      out.push("## " + group.title, "");
      group.entries.forEach((entry) => {
        out.push("**" + entry.prompt.replace(/\s+/g, " ") + "**", "");
        entry.answer
          .replace(/\r\n?/g, "\n")
          .split("\n")
          .forEach((line) => out.push("> " + line));
        out.push("");
        const date = writtenOn(entry, lang);
        if (date) out.push("_" + date + "_", "");
      });
    });
    return "\ufeff" + out.join("\r\n");
  }

  const PAGE_CSS =
    "body{max-width:40em;margin:2em auto;padding:0 1em;font:18px/1.6 system-ui,'Segoe UI',Roboto," +
    "Arial,sans-serif;color:#2b211b;background:#fffbf5}h1{color:#9a3412}" +
    "section{margin:0 0 1.5em;padding:.2em 1em .8em;background:#fff;border:1px solid #e2d3c3;" +
    "border-top:4px solid #9a3412;border-radius:8px}.prompt{font-weight:700;margin:.8em 0 .3em}" +
    ".answer{white-space:pre-wrap;margin:0;padding:.4em .7em;background:#fdf0d5;border-radius:6px}" +
    ".date{margin:.3em 0 0;font-size:.85em;color:#5f5048}" +
    "@media print{body{background:#fff;margin:0}section{break-inside:avoid}}";

  /* The journal as a self-contained web page: inline styles only, no links out, every
     text escaped. */
  function html(groups, title, lang) {
    const body = groups
      .map((group) => {
        const entries = group.entries
          .map((entry) => {
            const date = writtenOn(entry, lang);
            return (
              '<div class="entry"><p class="prompt">' + escapeHtml(entry.prompt) + "</p>" +
              '<p class="answer">' + escapeHtml(entry.answer) + "</p>" +
              (date ? '<p class="date">' + escapeHtml(date) + "</p>" : "") +
              "</div>"
            );
          })
          .join("\n");
        return "<section><h2>" + escapeHtml(group.title) + "</h2>\n" + entries + "</section>";
      })
      .join("\n");
    const heading = escapeHtml(title);
    return (
      '<!doctype html>\n<html lang="' + escapeHtml(lang || "") + '"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width,initial-scale=1">' +
      "<title>" + heading + "</title><style>" + PAGE_CSS + "</style></head><body>\n<h1>" +
      heading + "</h1>\n" + body + "\n</body></html>\n"
    );
  }

  /* A file name made of safe characters only (the store name comes from mkdocs.yml). */
  function fileSafe(name) {
    return String(name).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "mochila";
  }

  /* ------------------------------------------------------------------ the page */

  function render(root, groups, lang) {
    const list = root.querySelector(".mochila-journal__list");
    const actions = root.querySelector(".mochila-journal__actions");
    const empty = root.querySelector(".mochila-journal__empty");
    const fragment = document.createDocumentFragment();
    let counter = 0;

    groups.forEach((group) => {
      const section = el("section", "mochila-journal__activity");
      section.setAttribute("data-mochila-activity", group.activity);
      const heading = el("h2");
      const href = Mochila.safeHref(group.path);
      if (href) {
        const link = el("a", "", group.title);
        link.href = href;
        heading.appendChild(link);
      } else {
        heading.textContent = group.title;
      }
      section.appendChild(heading);

      group.entries.forEach((entry) => {
        const id = "mochila-journal-prompt-" + ++counter;
        /* A group named by its question (aria-labelledby is not allowed on a <p>). */
        const item = el("div", "mochila-journal__entry");
        item.setAttribute("data-key", entry.key);
        item.setAttribute("role", "group");
        item.setAttribute("aria-labelledby", id);
        const prompt = el("p", "mochila-journal__prompt", entry.prompt);
        prompt.id = id;
        item.appendChild(prompt);
        item.appendChild(el("p", "mochila-journal__answer", entry.answer));
        const meta = el("div", "mochila-journal__meta");
        meta.appendChild(el("p", "mochila-journal__date", writtenOn(entry, lang)));
        const remove = el("button", "md-button mochila-journal__delete", t("delete"));
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
    const isEmpty = groups.length === 0;
    if (actions) actions.hidden = isEmpty;
    if (empty) empty.hidden = !isEmpty;
  }

  function download(filename, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function pageTitle() {
    const h1 = document.querySelector(".md-content h1");
    return t("journal_title") || (h1 ? h1.textContent.trim() : "") || document.title;
  }

  const BUTTON_LABELS = {
    print: "print",
    "download-md": "download_md",
    "download-html": "download_html",
    "delete-all": "delete_all",
  };

  function init(storage, store) {
    const root = document.querySelector("[data-mochila-journal]");
    if (!root) return;
    if (!storage) {
      /* Not "you have not written anything yet": that would be untrue, and the reader would
         keep writing answers that are lost. */
      const empty = root.querySelector(".mochila-journal__empty");
      const message = t("journal_unavailable");
      if (empty && message) {
        Mochila.setText(empty, message);
        empty.hidden = false;
      }
      return;
    }
    const lang = Mochila.pageLang();
    let groups = [];
    root.querySelectorAll(".mochila-journal__actions [data-action]").forEach((button) => {
      const label = t(BUTTON_LABELS[button.getAttribute("data-action")]);
      if (label && !button.textContent.trim()) button.textContent = label;
    });

    function refresh() {
      groups = collect(storage, store, lang);
      render(root, groups, lang);
    }

    /* After a deletion, keep keyboard focus nearby instead of losing it to <body>. */
    function refocus(index) {
      const buttons = root.querySelectorAll(".mochila-journal__delete");
      let target = buttons[Math.min(index, buttons.length - 1)];
      if (!target) {
        target = root.querySelector(".mochila-journal__empty");
        if (target) target.setAttribute("tabindex", "-1");
      }
      if (target) target.focus();
    }

    root.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button || !root.contains(button)) return;
      const action = button.getAttribute("data-action");
      const base = "my-reflections-" + fileSafe(store);
      if (action === "print") {
        window.print();
      } else if (action === "download-md") {
        download(base + ".md", "text/markdown;charset=utf-8", markdown(groups, pageTitle(), lang));
      } else if (action === "download-html") {
        download(base + ".html", "text/html;charset=utf-8", html(groups, pageTitle(), lang));
      } else if (action === "delete-all") {
        if (!window.confirm(t("confirm_delete_all"))) return;
        groups.forEach((group) => group.entries.forEach((entry) => storeSet(storage, entry.key, null)));
        refresh();
        refocus(0);
      } else if (action === "delete") {
        const entry = button.closest(".mochila-journal__entry");
        if (!entry || !window.confirm(t("confirm_delete"))) return;
        const index = Array.prototype.indexOf.call(root.querySelectorAll(".mochila-journal__delete"), button);
        storeSet(storage, entry.getAttribute("data-key"), null);
        refresh();
        refocus(index);
      }
    });

    window.addEventListener("storage", (event) => {
      if (event.key === null || event.key.startsWith(Mochila.PREFIX + store + ":")) refresh();
    });
    refresh();
  }

  Mochila.journal = { collect, markdown, html, fileSafe, init };
})();
