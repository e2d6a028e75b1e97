"""Light stemmers: the plural (and a few other common endings) of each site language.

Why light: a reader typing "canción" must find "canciones", and "child" must find "children",
but an aggressive stemmer (Porter, Snowball) merges words a person sees as different and is a
lot of code to keep identical in Python and JavaScript. These are small tables, after Savoy's
light stemmers (Lucene's ``SpanishLightStemmer``, ``FrenchLightStemmer``, ``EnglishMinimalStemmer``
families), applied to folded words. The tables are shipped to the browser in the index
manifest and ``search.js`` applies them with the same few lines as ``stem`` below: the rules
are written once, here. A language without a table is searched without stemming (prefix
matching still finds most inflected forms).

A table is ``{"min": shortest word to touch, "exceptions": {word: stem},
"steps": [[[suffix, replacement, shortest stem kept], ...], ...]}``: in each step the first
rule whose suffix ends the word, leaving at least that many characters, applies.
"""

from __future__ import annotations

Table = dict[str, object]

ENGLISH: Table = {
    "min": 3,
    "exceptions": {
        "children": "child",
        "men": "man",
        "women": "woman",
        "people": "person",
        "feet": "foot",
        "teeth": "tooth",
        "mice": "mouse",
        "geese": "goose",
        "leaves": "leaf",
        "knives": "knife",
        "lives": "life",
        "wives": "wife",
        "halves": "half",
        "shelves": "shelf",
        "wolves": "wolf",
        "calves": "calf",
        "loaves": "loaf",
        "babies": "baby",
    },
    "steps": [
        [
            ["sses", "ss", 2],
            ["ies", "y", 2],
            ["ches", "ch", 2],
            ["shes", "sh", 2],
            ["xes", "x", 2],
            ["ss", "ss", 1],
            ["us", "us", 1],
            ["is", "is", 1],
            ["s", "", 3],
            ["ing", "", 4],
            ["ed", "", 4],
        ]
    ],
}

SPANISH: Table = {
    "min": 4,
    "exceptions": {},
    "steps": [
        [
            ["eses", "es", 3],
            ["ces", "z", 2],
            ["os", "", 3],
            ["as", "", 3],
            ["es", "", 3],
            ["o", "", 3],
            ["a", "", 3],
            ["e", "", 3],
        ]
    ],
}

FRENCH: Table = {
    "min": 4,
    "exceptions": {"yeux": "oeil"},
    "steps": [
        [["eaux", "eau", 2], ["aux", "al", 2], ["s", "", 3], ["x", "", 3]],
        [["e", "", 3]],
    ],
}

PORTUGUESE: Table = {
    "min": 4,
    "exceptions": {},
    "steps": [
        [["oes", "ao", 2], ["aes", "ao", 2], ["ns", "m", 2], ["is", "l", 3], ["s", "", 3]],
        [["o", "", 3], ["a", "", 3], ["e", "", 3]],
    ],
}

TABLES: dict[str, Table] = {"en": ENGLISH, "es": SPANISH, "fr": FRENCH, "pt": PORTUGUESE}


def table_for(lang: str) -> Table | None:
    """The stemmer of a language code (``pt-BR`` uses ``pt``), or None: no stemming."""
    return TABLES.get(lang) or TABLES.get(lang.split("-")[0].split("_")[0].lower())


def stem(word: str, table: Table | None) -> str:
    """The stem of a folded word (the word itself without a table or when too short)."""
    if table is None or len(word) < table["min"]:
        return word
    exceptions = table["exceptions"]
    if word in exceptions:
        return exceptions[word]
    for step in table["steps"]:
        for suffix, replacement, keep in step:
            if word.endswith(suffix) and len(word) - len(suffix) >= keep:
                word = word[: len(word) - len(suffix)] + replacement
                break
    return word
