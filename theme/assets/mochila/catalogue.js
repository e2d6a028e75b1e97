/*
 * The catalogue's filters: tick boxes per facet (age, areas, audience, duration, tags) and a
 * text box narrow the list of activity cards as you go; each option shows how many
 * activities it would give, and the state lives in the address (#age=0-11&q=agua) so a
 * filtered list can be bookmarked or shared. The list without JS shows every activity.
 *
 * The pure parts (text matching, filtering with counts, the address codec) come first; the
 * page wiring after them.
 */
(() => {
  "use strict";

  const Mochila = window.Mochila;
  const { t, fold, setText } = Mochila;

  /* ------------------------------------------------------------------ pure parts */

  /* The words of a text query, folded (see core.js fold): "Niño  agua" -> ["nino", "agua"]. */
  function queryTerms(query) {
    const folded = fold(String(query || "").trim());
    return folded ? folded.split(/\s+/) : [];
  }

  /* Whether every term occurs in ``text`` (already folded). */
  function matchesText(text, terms) {
    return terms.every((term) => text.includes(term));
  }

  /* Which cards pass and, per facet, how many cards each of its values would give.
       cards:    [{values: [[value, ...] for each facet]}]
       selected: for each facet, null when none of its boxes is ticked, else {value: true}
       textOk:   for each card, whether it passes the text box
     A card passes when it passes the text box and, in every facet with ticked boxes, has
     one of the ticked values (OR within a facet, AND across facets). Counts are faceted: a
     card failing only facet F still counts towards F's values (the count a value would give
     if it were added to the other facets' selection), so ticking a box never surprises.
     Returns {visible: [boolean per card], shown, counts: [{value: n} for each facet]}. */
  function filter(cards, selected, textOk) {
    const nFacets = selected.length;
    const counts = selected.map(() => ({}));
    const visible = new Array(cards.length);
    let shown = 0;
    for (let c = 0; c < cards.length; c++) {
      const card = cards[c];
      let failed = -1;
      let failures = textOk[c] ? 0 : 2; /* failing the text box: counted nowhere */
      for (let f = 0; f < nFacets && failures < 2; f++) {
        const wanted = selected[f];
        if (wanted === null) continue;
        if (!card.values[f].some((value) => wanted[value] === true)) {
          failures++;
          failed = f;
        }
      }
      visible[c] = failures === 0;
      if (visible[c]) shown++;
      if (failures > 1) continue;
      for (let g = 0; g < nFacets; g++) {
        if (failures === 1 && g !== failed) continue;
        const tally = counts[g];
        card.values[g].forEach((value) => {
          tally[value] = (tally[value] || 0) + 1;
        });
      }
    }
    return { visible, shown, counts };
  }

  /* The filter state as an address fragment (without "#"):
     {q: "agua", selected: {age: ["0-11", "12-23"], areas: ["motor"]}} with facet names in
     ``names`` order -> "age=0-11,12-23&areas=motor&q=agua". Values stay in the order given
     (the form's); facets without values are left out. */
  function encodeHash(state, names) {
    const parts = [];
    names.forEach((name) => {
      const values = (state.selected[name] || []).map(encodeURIComponent);
      if (values.length) parts.push(encodeURIComponent(name) + "=" + values.join(","));
    });
    const q = String(state.q || "").trim();
    if (q) parts.push("q=" + encodeURIComponent(q));
    return parts.join("&");
  }

  /* The filter state of an address fragment ("#..." or without "#"), or null when it is a
     plain anchor (#todas-las-actividades) or names no facet of ``names`` and no q. Unknown
     facets and malformed escapes are skipped, never thrown; "+" in q reads as a space. */
  function decodeHash(hash, names) {
    const text = String(hash || "").replace(/^#/, "");
    const state = { q: "", selected: {} };
    let known = false;
    text.split("&").forEach((part) => {
      const eq = part.indexOf("=");
      if (eq <= 0) return;
      const value = part.slice(eq + 1);
      let name;
      try {
        name = decodeURIComponent(part.slice(0, eq));
      } catch (e) {
        return;
      }
      if (name === "q") {
        try {
          state.q = decodeURIComponent(value.replace(/\+/g, " "));
          known = true;
        } catch (e) {
          /* a malformed query is ignored */
        }
      } else if (names.includes(name)) {
        known = true;
        state.selected[name] = [];
        value.split(",").forEach((item) => {
          try {
            if (item) state.selected[name].push(decodeURIComponent(item));
          } catch (e) {
            /* skip one malformed value */
          }
        });
      }
    });
    return known ? state : null;
  }

  /* -------------------------------------------------------------------- the page */

  /* The facets of the form: [{name, fieldset, options: [{input, value, label, count}]}]. */
  function readFacets(form) {
    return Array.from(form.querySelectorAll("fieldset[data-facet]"), (fieldset) => ({
      name: fieldset.getAttribute("data-facet"),
      fieldset,
      shown: null,
      options: Array.from(fieldset.querySelectorAll('input[type="checkbox"]'), (input) => {
        const label = input.closest("label");
        return {
          input,
          value: input.value,
          label: label || input,
          count: label ? label.querySelector(".mochila-filter__count") : null,
          shown: null,
          counted: null,
        };
      }),
    }));
  }

  /* Every card read once: its values per facet, its search document number, and its
     folded title + summary. */
  function readCards(root, facets) {
    return Array.from(root.querySelectorAll(".mochila-cards__item"), (item) => {
      const title = item.querySelector(".mochila-cards__title");
      const summary = item.querySelector(".mochila-cards__summary");
      return {
        item,
        doc: parseInt(item.getAttribute("data-doc"), 10),
        text: fold((title ? title.textContent : "") + " " + (summary ? summary.textContent : "")),
        values: facets.map((facet) =>
          (item.getAttribute("data-f-" + facet.name) || "").split(/\s+/).filter(Boolean)
        ),
        visible: !item.hidden,
      };
    });
  }

  /* The text box asks the site's search index (search.js), as the header's box does, so it
     finds what search finds (body, materials, labels, inflections). Its answer comes
     asynchronously; until then the previous answer stays. Without the index (a build
     without mochila/search), title and summary are matched as typed. Returns
     {ask(query), passes(card, terms)}. */
  function textSearch(cards, onAnswer) {
    const engine = window.MochilaSearch;
    const indexForm = document.querySelector("form[data-mochila-search]");
    const useIndex = !!(engine && indexForm) && cards.every((card) => !isNaN(card.doc));
    if (!useIndex) {
      return { ask() {}, passes: (card, terms) => matchesText(card.text, terms) };
    }
    let hits = null; /* null: no answer to wait for; else {document number: true} */
    let asked = 0;
    return {
      ask(query) {
        const number = ++asked;
        if (!query.trim()) {
          hits = null;
          return;
        }
        engine.open(indexForm.getAttribute("data-mochila-search"));
        engine.search(query, (result) => {
          if (number !== asked) return;
          hits = {};
          result.hits.forEach((n) => {
            hits[n] = true;
          });
          onAnswer();
        });
      },
      passes: (card, terms) => !terms.length || hits === null || hits[card.doc] === true,
    };
  }

  function init() {
    const root = document.querySelector("[data-mochila-catalogue]");
    const form = root && root.querySelector("form.mochila-filters");
    if (!form) return;
    const search = form.querySelector('input[name="q"]');
    const status = form.querySelector(".mochila-filters__status");
    const none = root.querySelector(".mochila-cards__none");
    const facets = readFacets(form);
    const names = facets.map((facet) => facet.name);
    const cards = readCards(root, facets);
    const query = () => (search ? search.value.trim() : "");
    const text = textSearch(cards, () => schedule(false));

    /* Phones: one big button opens and closes the filter groups. */
    const toggle = Mochila.el("button", "md-button mochila-filters__toggle");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    const toggleLabel = form.getAttribute("aria-label") || "";
    form.insertBefore(toggle, form.firstChild);
    form.classList.add("mochila-filters--collapsed");
    toggle.addEventListener("click", () => {
      const open = form.classList.toggle("mochila-filters--collapsed") === false;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });

    /* The ticked values per facet, in option order. */
    function ticked() {
      const selected = {};
      facets.forEach((facet) => {
        selected[facet.name] = facet.options.filter((o) => o.input.checked).map((o) => o.value);
      });
      return selected;
    }

    function update() {
      const selected = ticked();
      const sets = facets.map((facet) => {
        const values = selected[facet.name];
        if (!values.length) return null;
        const set = {};
        values.forEach((value) => {
          set[value] = true;
        });
        return set;
      });
      const terms = queryTerms(query());
      const result = filter(cards, sets, cards.map((card) => text.passes(card, terms)));

      cards.forEach((card, c) => {
        if (result.visible[c] !== card.visible) {
          card.item.hidden = !result.visible[c];
          card.visible = result.visible[c];
        }
      });
      let activeCount = 0;
      facets.forEach((facet, index) => {
        let anyShown = false;
        facet.options.forEach((option) => {
          const count = result.counts[index][option.value] || 0;
          const show = count > 0 || option.input.checked;
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

      setText(status, t("showing", { shown: result.shown, total: cards.length }));
      if (none) {
        if (t("no_match")) setText(none, t("no_match"));
        none.hidden = result.shown !== 0;
      }
      setText(toggle, toggleLabel + (activeCount ? " (" + activeCount + ")" : ""));
    }

    function applyState(state) {
      facets.forEach((facet) => {
        const wanted = state.selected[facet.name] || [];
        facet.options.forEach((option) => {
          option.input.checked = wanted.includes(option.value);
        });
      });
      if (search) search.value = state.q;
    }

    function writeHash() {
      const hash = encodeHash({ q: query(), selected: ticked() }, names);
      try {
        history.replaceState(history.state, "", hash ? "#" + hash : location.href.split("#")[0]);
      } catch (e) {
        /* replaceState refused (some file:// setups): the filters still work. */
      }
    }

    let pending = false;
    function schedule(persist) {
      if (persist) writeHash();
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        update();
      });
    }

    form.addEventListener("change", (event) => {
      if (event.target && event.target.type === "checkbox") schedule(true);
    });
    if (search) {
      search.addEventListener("input", () => {
        text.ask(query());
        schedule(true);
      });
    }
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("reset", () => {
      /* The form resets its fields after this event: read them afterwards. */
      setTimeout(() => {
        applyState({ q: "", selected: {} });
        text.ask("");
        writeHash();
        update();
      }, 0);
    });
    window.addEventListener("hashchange", () => {
      const state = decodeHash(location.hash, names);
      if (!state) return;
      applyState(state);
      text.ask(query());
      update();
    });

    const initial = decodeHash(location.hash, names);
    if (initial) {
      applyState(initial);
      text.ask(query());
    }
    form.hidden = false;
    root.classList.add("mochila-catalogue--ready");
    update();
  }

  Mochila.catalogue = { queryTerms, matchesText, filter, encodeHash, decodeHash, init };
})();
