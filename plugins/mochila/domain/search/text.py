"""From text to search terms: folding, words, character n-grams for scripts without spaces.

The browser applies exactly these rules to what a reader types: ``rules()`` is shipped in the
index manifest and ``search.js`` reads the ranges from it instead of restating them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html import unescape

# Combining marks removed by folding, so "cumpleanos" finds "cumpleaños" and Arabic is found
# with or without its optional vowel signs. Other marks stay: Devanagari vowel signs are
# letters of the word, not accents.
FOLDED_MARKS: tuple[tuple[int, int], ...] = ((0x0300, 0x036F), (0x064B, 0x065F), (0x0670, 0x0670))
# Scripts written without spaces between words (Chinese, Japanese; Korean too, to be safe):
# their runs are indexed as single characters and pairs of characters (bigrams), so a word is
# found wherever it sits in a sentence.
NGRAM_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul jamo
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x2FFFF),  # CJK extensions B–F
)
MAX_WORD = 40  # longer runs are not words (hashes, URLs glued together): cut, still findable


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


_MARKS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in FOLDED_MARKS) + "]+")
# Spaces and ASCII punctuation: never inside a word. What is left between them is a word when
# it is plain ASCII (the usual case, checked at C speed), else it is split character by character.
_SPLIT = re.compile(r"[^\s!-/:-@\[-`{-~]+")


def fold(text: str) -> str:
    """Lower case, without the FOLDED_MARKS, recomposed (NFC keeps Hangul syllables whole)."""
    lower = text.lower()
    if lower.isascii():
        return lower
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", lower)))


def is_word_char(char: str) -> bool:
    """Letters, digits and marks (the JS side: /[\\p{L}\\p{N}\\p{M}]/u)."""
    return unicodedata.category(char)[0] in "LNM"


def is_ngram_char(char: str) -> bool:
    return _in(ord(char), NGRAM_RANGES)


def runs(folded: str) -> Iterator[tuple[str, bool]]:
    """Maximal runs of word characters as (run, written without spaces), in text order."""
    for chunk in _SPLIT.findall(folded):
        if chunk.isascii():
            yield chunk, False
        else:
            yield from _mixed_runs(chunk)


def _mixed_runs(folded: str) -> Iterator[tuple[str, bool]]:
    current: list[str] = []
    kind = False
    for char in folded:
        if not is_word_char(char):
            if current:
                yield "".join(current), kind
                current = []
            continue
        ngram = is_ngram_char(char)
        if current and ngram != kind:
            yield "".join(current), kind
            current = []
        kind = ngram
        current.append(char)
    if current:
        yield "".join(current), kind


def ngrams(run: str) -> list[str]:
    """A run without spaces as its characters and its overlapping pairs."""
    return list(run) + [run[i : i + 2] for i in range(len(run) - 1)]


def rules() -> dict[str, object]:
    """The tokenising rules in the form search.js reads them."""
    return {
        "marks": [list(r) for r in FOLDED_MARKS],
        "ngram": [list(r) for r in NGRAM_RANGES],
        "max_word": MAX_WORD,
    }


_UNSEEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.S | re.I)
# Inline elements sit inside a line of text: "(<span>example.org</span>)" reads "(example.org)"
# and "cumple<em>años</em>" is one word. Every other tag separates words.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong"
    r"|sub|sup|time|u|var)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")


def html_text(html: str) -> str:
    """The words a reader sees in rendered Markdown: tags become spaces (inline ones nothing),
    entities characters."""
    seen = _INLINE_TAG.sub("", _UNSEEN.sub(" ", html))
    return " ".join(unescape(_TAG.sub(" ", seen)).split())
