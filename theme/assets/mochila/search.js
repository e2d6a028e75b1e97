/*
 * Mochila search engine: reads the index written by the build (domain/search/index.py) and
 * answers queries. No UI here (search-ui.js draws the results; catalogue.js filters the
 * catalogue with it).
 *
 * Why it is shaped this way: bundles are opened from file://, where fetch, XHR, workers and
 * modules are refused, on slow laptops. The index is a set of classic scripts, loaded with
 * <script> tags only when a query needs them: the manifest on the first keystroke, then the
 * shard of each word's first letters, then the documents of the results on screen. Each
 * script calls MochilaSearch.manifest / .shard / .docs below.
 *
 * The rules (folding, word characters, n-gram scripts, the language's stemmer) come from the
 * manifest, written by Python: this file applies them and never restates them.
 */
(function (root) {
  "use strict";

  var api = root.MochilaSearch || {};
  root.MochilaSearch = api;

  var base = null; /* URL of the index folder, relative to the page, ending in "/" */
  var manifest = null;
  var shards = {}; /* key -> {terms: {term: postings}, aliases: {word: term}} */
  var chunks = {}; /* chunk number -> rows */
  var waiting = {}; /* file -> [callbacks] */
  var done = {}; /* file -> true (loaded) or false (failed) */

  var digit = {}; /* alphabet character code -> value (0..63) */
  var weightOf = []; /* field mask -> weight of its best field */
  var marksRe = null;
  var ngramRanges = [];
  var maxWord = 40;
  var wordRe = null;
  var stemmer = null;

  /* ---------------------------------------------------------------- rules */

  function prepare(m) {
    var i;
    for (i = 0; i < m.alphabet.length; i++) digit[m.alphabet.charCodeAt(i)] = i;
    for (var mask = 0; mask < 32; mask++) {
      var best = 0;
      m.fields.forEach(function (f) {
        if (mask & f[1] && f[2] > best) best = f[2];
      });
      weightOf[mask] = best;
    }
    setRules(m.rules, m.stemmer);
  }

  function hex(code) {
    return code > 0xffff ? "\\u{" + code.toString(16) + "}" : "\\u" + ("000" + code.toString(16)).slice(-4);
  }

  function setRules(rules, table) {
    var cls = rules.marks
      .map(function (r) {
        return hex(r[0]) + "-" + hex(r[1]);
      })
      .join("");
    marksRe = new RegExp("[" + cls + "]+", "gu");
    ngramRanges = rules.ngram;
    maxWord = rules.max_word;
    stemmer = table || null;
    try {
      wordRe = new RegExp("[\\p{L}\\p{N}\\p{M}]+", "gu");
    } catch (e) {
      /* Browsers without Unicode property escapes: spaces and punctuation split words. */
      wordRe = /[^\s!-\/:-@\[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff01-\uff0f]+/g;
    }
  }

  function fold(text) {
    var lower = String(text || "").toLowerCase();
    if (!lower.normalize) return lower;
    return lower.normalize("NFD").replace(marksRe, "").normalize("NFC");
  }

  function isNgram(code) {
    for (var i = 0; i < ngramRanges.length; i++) {
      if (code >= ngramRanges[i][0] && code <= ngramRanges[i][1]) return true;
    }
    return false;
  }

  /* Runs of word characters as [run, writtenWithoutSpaces, offset] (offset in ``text``). */
  function runs(text) {
    var out = [];
    var match;
    wordRe.lastIndex = 0;
    while ((match = wordRe.exec(text))) {
      var chars = Array.from(match[0]);
      var start = match.index;
      var current = "";
      var kind = false;
      var offset = start;
      var at = start;
      for (var i = 0; i < chars.length; i++) {
        var ngram = isNgram(chars[i].codePointAt(0));
        if (current && ngram !== kind) {
          out.push([current, kind, offset]);
          current = "";
        }
        if (!current) offset = at;
        kind = ngram;
        current += chars[i];
        at += chars[i].length;
      }
      if (current) out.push([current, kind, offset]);
    }
    return out;
  }

  /* Same steps as domain/search/stemmer.py stem(). */
  function stem(word, table) {
    if (!table || word.length < table.min) return word;
    if (Object.prototype.hasOwnProperty.call(table.exceptions, word)) return table.exceptions[word];
    for (var s = 0; s < table.steps.length; s++) {
      var step = table.steps[s];
      for (var r = 0; r < step.length; r++) {
        var suffix = step[r][0];
        if (word.length - suffix.length >= step[r][2] && word.slice(word.length - suffix.length) === suffix) {
          word = word.slice(0, word.length - suffix.length) + step[r][1];
          break;
        }
      }
    }
    return word;
  }

  function firstChars(word, n) {
    return Array.from(word).slice(0, n).join("");
  }

  /* What a reader typed, as tokens that must all match: words (stem and word as typed,
     matched as prefixes) and, for scripts without spaces, characters or pairs of them. */
  function tokens(query) {
    var seen = {};
    var out = [];
    function add(token) {
      var id = (token.ngram ? "n:" : "w:") + token.word;
      if (!seen[id]) {
        seen[id] = true;
        out.push(token);
      }
    }
    runs(fold(query)).forEach(function (run) {
      if (run[1]) {
        var chars = Array.from(run[0]);
        if (chars.length === 1) add({ word: chars[0], stem: chars[0], ngram: true });
        for (var i = 0; i + 1 < chars.length; i++) {
          add({ word: chars[i] + chars[i + 1], stem: chars[i] + chars[i + 1], ngram: true });
        }
      } else {
        var word = firstChars(run[0], maxWord);
        add({ word: word, stem: stem(word, stemmer), ngram: false });
      }
    });
    return out;
  }

  /* ---------------------------------------------------------------- loading */

  function load(file, callback) {
    if (done[file] !== undefined) {
      callback(done[file]);
      return;
    }
    if (waiting[file]) {
      waiting[file].push(callback);
      return;
    }
    waiting[file] = [callback];
    var script = document.createElement("script");
    script.src = base + file + ".js";
    script.async = true;
    function finish(ok) {
      done[file] = ok;
      var callbacks = waiting[file];
      delete waiting[file];
      if (script.parentNode) script.parentNode.removeChild(script);
      callbacks.forEach(function (cb) {
        cb(ok);
      });
    }
    script.onload = function () {
      finish(true);
    };
    script.onerror = function () {
      finish(false);
    };
    document.head.appendChild(script);
  }

  function loadAll(files, callback) {
    var left = files.length;
    if (!left) {
      callback();
      return;
    }
    files.forEach(function (file) {
      load(file, function () {
        if (--left === 0) callback();
      });
    });
  }

  /* Called by the index scripts. */
  api.manifest = function (m) {
    manifest = m;
    prepare(m);
  };
  api.shard = function (key, terms, aliases) {
    shards[key] = { terms: terms, aliases: aliases };
  };
  api.docs = function (number, rows) {
    chunks[number] = rows;
  };

  /* Point the engine at an index folder; ``ready`` runs once the manifest is read (with
     false if it could not be). */
  api.open = function (folder, ready) {
    if (base === null) base = folder;
    load("manifest", function (ok) {
      if (ready) ready(ok && manifest !== null);
    });
  };

  api.ready = function () {
    return manifest !== null;
  };

  /* ---------------------------------------------------------------- searching */

  function keyOf(term) {
    for (var depth = 3; depth > 0; depth--) {
      var key = firstChars(term, depth);
      if (Object.prototype.hasOwnProperty.call(manifest.shards, key)) return key;
    }
    return null;
  }

  /* Shards that may hold terms matching ``token``. */
  function shardsFor(token) {
    var keys = [];
    var all = Object.keys(manifest.shards);
    if (token.ngram || Array.from(token.word).length === 1) {
      var own = token.ngram ? Array.from(token.word)[0] : token.word;
      return manifest.shards[own] ? [own] : [];
    }
    [token.stem, token.word].forEach(function (p) {
      all.forEach(function (k) {
        var hit = (k.length >= 2 && p.indexOf(k) === 0) || (Array.from(p).length >= 2 && k.indexOf(p) === 0);
        if (hit && keys.indexOf(k) === -1) keys.push(k);
      });
    });
    return keys;
  }

  function fileOf(key) {
    return manifest.shards[key];
  }

  /* Matching terms of ``token`` among loaded shards: {term: factor}; 1 for the word itself,
     0.5 for a longer word it begins. */
  function matches(token) {
    var found = {};
    function note(term, factor) {
      if (!(found[term] >= factor)) found[term] = factor;
    }
    shardsFor(token).forEach(function (key) {
      var shard = shards[key];
      if (!shard) return;
      var term;
      if (token.ngram || Array.from(token.word).length === 1) {
        if (Object.prototype.hasOwnProperty.call(shard.terms, token.stem)) note(token.stem, 1);
        return;
      }
      for (term in shard.terms) {
        if (term.indexOf(token.stem) === 0) note(term, term === token.stem ? 1 : 0.5);
      }
      for (var word in shard.aliases) {
        if (word.indexOf(token.word) === 0) note(shard.aliases[word], word === token.word ? 1 : 0.5);
      }
    });
    return found;
  }

  function postingsOf(term) {
    var key = keyOf(term);
    var shard = key && shards[key];
    return shard && Object.prototype.hasOwnProperty.call(shard.terms, term) ? shard.terms[term] : null;
  }

  function decodeInto(postings, factor, into) {
    var i = 0;
    var n = postings.length;
    var doc = 0;
    while (i < n) {
      var mask = digit[postings.charCodeAt(i++)];
      var value = 0;
      for (;;) {
        var d = digit[postings.charCodeAt(i++)];
        if (d >= 32) value = value * 32 + (d - 32);
        else {
          value = value * 32 + d;
          break;
        }
      }
      doc += value;
      var w = weightOf[mask] * factor;
      if (w > into[doc]) into[doc] = w;
    }
  }

  function rank(list) {
    var count = manifest.count;
    var total = null;
    for (var t = 0; t < list.length; t++) {
      var scores = new Float32Array(count);
      var found = list[t].found;
      for (var term in found) {
        var postings = postingsOf(term);
        if (postings) decodeInto(postings, found[term], scores);
      }
      if (total === null) total = scores;
      else {
        for (var d = 0; d < count; d++) total[d] = scores[d] > 0 && total[d] > 0 ? total[d] + scores[d] : 0;
      }
    }
    var hits = [];
    if (total) {
      for (var i = 0; i < count; i++) if (total[i] > 0) hits.push(i);
      hits.sort(function (a, b) {
        return total[b] - total[a] || a - b;
      });
    }
    return hits;
  }

  /* Search; ``callback({query, tokens, hits})`` with every matching document's number,
     best first. Loads what it needs first (asynchronously, even when all is loaded). */
  api.search = function (query, callback) {
    if (!manifest) {
      api.open(base, function (ok) {
        if (ok) api.search(query, callback);
        else callback({ query: query, tokens: [], hits: [] });
      });
      return;
    }
    var list = tokens(query).map(function (token) {
      return { token: token, found: null };
    });
    var files = [];
    list.forEach(function (item) {
      shardsFor(item.token).forEach(function (key) {
        if (files.indexOf(fileOf(key)) === -1) files.push(fileOf(key));
      });
    });
    loadAll(files, function () {
      /* A word found through an alias (feet -> foot) may live in another shard. */
      var more = [];
      list.forEach(function (item) {
        item.found = matches(item.token);
        for (var term in item.found) {
          var key = keyOf(term);
          if (key && !shards[key] && more.indexOf(fileOf(key)) === -1) more.push(fileOf(key));
        }
      });
      loadAll(more, function () {
        var hits = list.length ? rank(list) : [];
        callback({
          query: query,
          tokens: list.map(function (item) {
            return item.token;
          }),
          hits: hits,
        });
      });
    });
  };

  /* The stored rows of documents ``numbers``: callback(rows), rows[i] for numbers[i]:
     [path, title, summary, age, duration, areas, materials, excerpt]. */
  api.documents = function (numbers, callback) {
    var size = manifest.chunk;
    var files = [];
    numbers.forEach(function (n) {
      var file = "d-" + Math.floor(n / size);
      if (files.indexOf(file) === -1) files.push(file);
    });
    loadAll(files, function () {
      callback(
        numbers.map(function (n) {
          var rows = chunks[Math.floor(n / size)];
          return rows ? rows[n % size] : null;
        })
      );
    });
  };

  /* The URL of a document's page, relative to the page the index folder was given from. */
  api.href = function (path) {
    return base.replace(/search\/$/, "") + path;
  };

  /* Where ``text`` holds words the tokens match: [[start, end], ...] in ``text``. */
  api.ranges = function (text, list) {
    var out = [];
    if (!list || !list.length || !manifest) return out;
    runs(text).forEach(function (run) {
      var word = run[0];
      var folded = fold(word);
      if (run[1]) {
        list.forEach(function (token) {
          if (!token.ngram) return;
          var from = 0;
          var at;
          while ((at = folded.indexOf(token.word, from)) !== -1) {
            out.push([run[2] + at, run[2] + at + token.word.length]);
            from = at + 1;
          }
        });
        return;
      }
      var own = stem(firstChars(folded, maxWord), stemmer);
      for (var i = 0; i < list.length; i++) {
        var token = list[i];
        if (token.ngram) continue;
        var single = Array.from(token.word).length === 1;
        var hit = single ? folded === token.word : own.indexOf(token.stem) === 0 || folded.indexOf(token.word) === 0;
        if (hit) {
          out.push([run[2], run[2] + word.length]);
          break;
        }
      }
    });
    out.sort(function (a, b) {
      return a[0] - b[0];
    });
    return out;
  };

  /* For tests (tests/js/test_search_js.py) and for search-ui.js. */
  api.tokens = tokens;
  api._rules = { fold: fold, stem: stem, runs: runs, setRules: setRules, tokens: tokens };
})(typeof window !== "undefined" ? window : globalThis);
