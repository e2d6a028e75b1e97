"""The search index of one edition, as the classic scripts the browser loads on demand.

Layout (all under ``search/``; each file calls one function of ``search.js``):

- ``manifest.js``: the rules (folding, n-gram ranges, this language's stemmer), the field
  weights, the number of documents and the list of shards. Read on the first keystroke.
- ``t-<key>.js``: the terms starting with ``key`` (usually two characters; a large group is
  split by its third character), each with its postings. A query reads only the shards of
  the words it holds, so the first query reads a few kilobytes, not the whole index.
- ``d-<n>.js``: what a result shows (title, age, duration, areas, summary, a short excerpt)
  for ``DOCS_PER_CHUNK`` documents; read for the results on screen only.

Why scripts and not JSON: under ``file://`` browsers refuse ``fetch`` and XHR, and workers and
modules; a ``<script>`` tag added to the page still loads.

Postings of a term are one string: per document, a field mask character, then the gap from
the previous document number as a variable-length base-32 number (see ``encode_postings``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .stemmer import Table, stem, table_for
from .text import MAX_WORD, fold, is_ngram_char, ngrams, rules, runs

# (name, bit, weight): a title match outweighs any number of matches elsewhere in practice.
FIELDS: tuple[tuple[str, int, int], ...] = (
    ("title", 1, 64),
    ("labels", 2, 12),
    ("summary", 4, 8),
    ("materials", 8, 6),
    ("body", 16, 2),
)
DOCS_PER_CHUNK = 8  # results on screen read their chunks: small ones keep the first query light
SHARD_LIMIT = 24_000  # bytes; a larger two-character group is split by its third character
EXCERPT = 240  # characters of the body kept for snippets when the match is not in the summary
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
FOLDER = "search"


@dataclass(frozen=True)
class SearchDocument:
    """One page as search sees it; ``labels`` are the tag, area and audience labels."""

    path: str  # from the site's root, e.g. "activities/water-play.html"
    title: str
    summary: str = ""
    labels: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    body: str = ""
    age: str = ""
    duration: str = ""
    areas: str = ""

    def field_texts(self) -> Iterable[tuple[int, str]]:
        yield 1, self.title
        yield 2, " ".join(self.labels)
        yield 4, self.summary
        yield 8, " ".join(self.materials)
        yield 16, self.body


@dataclass
class Terms:
    """The terms of a text, and the words whose stem does not begin them (``children`` ->
    ``child``): a reader typing ``childr`` still finds them through these aliases."""

    table: Table | None
    aliases: dict[str, str] = field(default_factory=dict)
    _stems: dict[str, str] = field(default_factory=dict)

    def of(self, text: str) -> set[str]:
        found: set[str] = set()
        for run, no_spaces in runs(fold(text)):
            if no_spaces:
                found.update(ngrams(run))
                continue
            word = run[:MAX_WORD]
            term = self._stems.get(word)
            if term is None:
                term = self._stems[word] = stem(word, self.table)
                if not word.startswith(term):
                    self.aliases[word] = term
            found.add(term)
        return found


def encode_number(value: int) -> str:
    """Base 32, most significant digit first; all digits but the last from the upper half
    of ALPHABET, so the end of a number needs no separator."""
    digits = [ALPHABET[value & 31]]
    value >>= 5
    while value:
        digits.append(ALPHABET[32 + (value & 31)])
        value >>= 5
    return "".join(reversed(digits))


def encode_postings(postings: list[tuple[int, int]]) -> str:
    """(document number, field mask) pairs, sorted by document, as one string."""
    out = []
    previous = 0
    for number, mask in postings:
        out.append(ALPHABET[mask])
        out.append(encode_number(number - previous))
        previous = number
    return "".join(out)


def shard_file(key: str) -> str:
    """File name of a shard: the key itself when plain ASCII, else its code points (USB sticks
    and zips handle ASCII names everywhere)."""
    if key.isascii() and key.isalnum():
        return f"t-{key}"
    return "t-u" + "-".join(f"{ord(c):x}" for c in key)


def _js(function: str, *args: object) -> str:
    data = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"MochilaSearch.{function}({data});\n"


def _excerpt(body: str) -> str:
    text = " ".join(body.split())
    if len(text) <= EXCERPT:
        return text
    cut = text.rfind(" ", 0, EXCERPT)
    return text[: cut if cut > EXCERPT // 2 else EXCERPT] + " …"


def build_index(documents: list[SearchDocument], lang: str) -> dict[str, str]:
    """The files of the index (path under the site -> text), for ``documents`` in this order."""
    table = table_for(lang)
    terms = Terms(table)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, document in enumerate(documents):
        masks: dict[str, int] = defaultdict(int)
        for bit, text in document.field_texts():
            for term in terms.of(text):
                masks[term] |= bit
        for term in sorted(masks):
            postings[term].append((number, masks[term]))
    encoded = {term: encode_postings(found) for term, found in postings.items()}

    groups: dict[str, list[str]] = defaultdict(list)
    for term in sorted(encoded):
        groups[term[: 1 if _single(term) else 2]].append(term)
    shards: dict[str, dict[str, str]] = {}
    for key, members in groups.items():
        size = sum(len(t) + len(encoded[t]) + 6 for t in members)
        if size <= SHARD_LIMIT or len(key) < 2:
            shards[key] = {t: encoded[t] for t in members}
            continue
        for term in members:  # terms of two characters stay under the two-character key
            shards.setdefault(term[:3], {})[term] = encoded[term]
    aliases: dict[str, dict[str, str]] = defaultdict(dict)
    for word, term in sorted(terms.aliases.items()):
        owner = _owner(word, shards)
        shards.setdefault(owner, {})
        aliases[owner][word] = term

    files: dict[str, str] = {}
    names = {}
    for key in sorted(shards):
        names[key] = shard_file(key)
        files[f"{FOLDER}/{names[key]}.js"] = _js("shard", key, shards[key], aliases.get(key, {}))
    for start in range(0, len(documents), DOCS_PER_CHUNK):
        rows = [
            [
                d.path,
                d.title,
                d.summary,
                d.age,
                d.duration,
                d.areas,
                ", ".join(d.materials),
                _excerpt(d.body),
            ]
            for d in documents[start : start + DOCS_PER_CHUNK]
        ]
        files[f"{FOLDER}/d-{start // DOCS_PER_CHUNK}.js"] = _js(
            "docs", start // DOCS_PER_CHUNK, rows
        )
    manifest = {
        "version": 1,
        "lang": lang,
        "count": len(documents),
        "chunk": DOCS_PER_CHUNK,
        "alphabet": ALPHABET,
        "rules": rules(),
        "stemmer": table,
        "fields": [[name, bit, weight] for name, bit, weight in FIELDS],
        "shards": names,
    }
    files[f"{FOLDER}/manifest.js"] = _js("manifest", manifest)
    return files


def _single(term: str) -> bool:
    """Terms of scripts without spaces are keyed by their first character: a reader's single
    character then finds its pairs in the same shard."""
    return is_ngram_char(term[0])


def _owner(word: str, shards: dict[str, dict[str, str]]) -> str:
    """The shard a reader typing ``word`` loads first: the longest key that begins it."""
    for depth in (3, 2, 1):
        if word[:depth] in shards:
            return word[:depth]
    return word[:2] if len(word) > 1 else word
