"""HTML for an activity page: the metadata card above the body and related activities below.

Output is raw HTML blocks without blank lines, so Markdown leaves it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ...domain.activity import Activity
from ...domain.humanize import human_age, human_duration
from ...domain.strings import Strings
from ...domain.vocabulary import Vocabulary

# The translation links of the card: not content, so kept out of search ("Leer en español"
# would match every page); the pattern finds them in a page's HTML.
TRANSLATION_LINKS = re.compile(r'\n<p class="mochila-translation" data-search-exclude>.*?</p>')

UrlFor = Callable[[str, str], "str | None"]  # (facet, value) -> url or None


def _chips(kind: str, ids: list[str], vocabulary: Vocabulary, lang: str, url_for: UrlFor) -> str:
    chips = []
    extra = " mochila-chip--tag" if kind == "tags" else ""
    for term in ids:
        label = escape(vocabulary.label(kind, term, lang))
        url = url_for(kind, term)
        if url:
            chips.append(f'<a class="mochila-chip{extra}" href="{escape(url)}">{label}</a>')
        else:
            chips.append(f'<span class="mochila-chip{extra}">{label}</span>')
    return " ".join(chips)


def render_card(
    activity: Activity,
    strings: Strings,
    vocabulary: Vocabulary,
    url_for: UrlFor,
    translations: list[tuple[str, str, str]],
    banners: list[tuple[str, str]],
) -> str:
    """Return the card: age, duration, audience, areas, tags, materials, translation links.

    ``translations`` holds (lang, url, "Leer en español") for each existing translation;
    ``banners`` holds (css modifier, text) notices such as "Draft".
    """
    lang = strings.lang
    facts = [
        ("age", strings["age"], escape(human_age(activity.age_min, activity.age_max, strings))),
        ("duration", strings["duration"], escape(human_duration(activity.duration, strings))),
        (
            "audience",
            strings["audience"],
            _chips("audience", activity.audience, vocabulary, lang, url_for),
        ),
        ("areas", strings["areas"], _chips("areas", activity.areas, vocabulary, lang, url_for)),
    ]
    if activity.tags:
        facts.append(
            ("tags", strings["tags"], _chips("tags", activity.tags, vocabulary, lang, url_for))
        )
    parts = [
        f'<div class="mochila-status mochila-status--{kind}">{escape(text)}</div>'
        for kind, text in banners
    ]
    parts.append('<div class="mochila-card">')
    parts.append('<dl class="mochila-facts">')
    for kind, label, value in facts:
        parts.append(
            f'<div class="mochila-fact mochila-fact--{kind}"><dt>{escape(label)}</dt>'
            f"<dd>{value}</dd></div>"
        )
    parts.append("</dl>")
    if activity.materials:
        parts.append('<div class="mochila-materials">')
        parts.append(f'<h2 id="mochila-materials">{escape(strings["materials"])}</h2>')
        parts.append('<ul class="mochila-checklist">')
        for item in activity.materials:
            parts.append(f'<li><label><input type="checkbox"> {escape(item)}</label></li>')
        parts.append("</ul></div>")
    for other_lang, url, label in translations:
        parts.append(
            f'<p class="mochila-translation" data-search-exclude><a href="{escape(url)}" '
            f'hreflang="{other_lang}" '
            f'lang="{other_lang}">{escape(label)}</a></p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def render_related(items: list[tuple[str, str | None]], strings: Strings) -> str:
    """Return the related-activities section; items are (title, url or None if left out)."""
    if not items:
        return ""
    parts = [
        '<section class="mochila-related">',
        f'<h2 id="mochila-related">{escape(strings["related"])}</h2>',
        "<ul>",
    ]
    for title, url in items:
        if url:
            parts.append(f'<li><a href="{escape(url)}">{escape(title)}</a></li>')
        else:
            parts.append(f"<li>{render_missing(escape(title), strings)}</li>")
    parts.append("</ul></section>")
    return "\n".join(parts)


def render_missing(text: str, strings: Strings) -> str:
    """A link to an activity that this edition leaves out: plain text, clearly marked."""
    note = escape(strings["not_in_edition"])
    return f'<span class="mochila-missing" title="{note}">{text} <small>({note})</small></span>'
