"""HTML for an activity page: the metadata card above the body and related activities below.

Output is raw HTML blocks without blank lines, so Markdown leaves it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ...domain.activity import Activity
from ...domain.facets import FacetSettings
from ...domain.humanize import human_age, human_duration
from ...domain.licences import Licence
from ...domain.strings import Strings
from ...domain.vocabulary import Vocabulary

# What the card and the credit line keep out of search, as it is on every page ("Leer en
# español", licence, authors, date): the pattern finds it in a page's HTML. It differs between
# the website and a bundle (links there, text here), so search reuse leaves it out of its key.
NOT_SEARCHED = re.compile(
    r'\n<p class="mochila-translation" data-search-exclude>.*?</p>'
    r'|<dl class="mochila-facts mochila-facts--credit" data-search-exclude>.*?</dl>'
    r'|<p class="mochila-credit" data-search-exclude>.*?</p>'
)

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
    licence: Licence,
    offline: bool,
    settings: FacetSettings,
) -> str:
    """Return the card: age, duration, audience, areas, tags, materials, translation links,
    then licence, authors and date.

    ``translations`` holds (lang, url, "Leer en español") for each existing translation;
    ``banners`` holds (css modifier, text) notices such as "Draft". Facts are separated by
    text as well as by layout, so search snippets read "Age 2–6 years · Duration 30 min"
    instead of gluing labels to values.
    """
    lang = strings.lang

    def name(facet: str) -> str:
        return settings.own_name(facet, lang) or strings[facet]

    facts = [
        ("age", strings["age"], escape(human_age(activity.age_min, activity.age_max, strings))),
        ("duration", strings["duration"], escape(human_duration(activity.duration, strings))),
        (
            "audience",
            name("audience"),
            _chips("audience", activity.audience, vocabulary, lang, url_for),
        ),
        ("areas", name("areas"), _chips("areas", activity.areas, vocabulary, lang, url_for)),
    ]
    if activity.tags:
        facts.append(
            ("tags", name("tags"), _chips("tags", activity.tags, vocabulary, lang, url_for))
        )
    credit = [("license", strings["license"], licence_html(licence, offline))]
    if activity.authors:
        credit.append(("authors", strings["authors"], escape(", ".join(activity.authors))))
    if activity.updated:
        credit.append(("updated", strings["updated"], _date(activity.updated)))
    parts = [
        f'<div class="mochila-status mochila-status--{kind}">{escape(text)}</div>'
        for kind, text in banners
    ]
    parts.append('<div class="mochila-card">')
    parts.append(_facts("mochila-facts", facts))
    # Licence, authors and date are on every page: in search they would match every page.
    parts.append(_facts("mochila-facts mochila-facts--credit", credit, " data-search-exclude"))
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


SEPARATOR = '<span class="mochila-sep"> · </span>'


def _facts(css: str, facts: list[tuple[str, str, str]], attrs: str = "") -> str:
    """A list of facts; unless kept out of search (``attrs``), separated by text too (before
    each label but the first: the chips in a value stay its last elements)."""
    sep = "" if "data-search-exclude" in attrs else SEPARATOR
    items = [
        f'<div class="mochila-fact mochila-fact--{kind}"><dt>{sep if n else ""}{escape(label)}'
        f"</dt> <dd>{value}</dd></div>"
        for n, (kind, label, value) in enumerate(facts)
    ]
    return f'<dl class="{css}"{attrs}>' + "".join(items) + "</dl>"


def _date(iso: str) -> str:
    return f'<time datetime="{escape(iso)}">{escape(iso)}</time>'


def licence_html(licence: Licence, offline: bool, full: bool = False) -> str:
    """A licence's name ("CC BY-SA 4.0", or with ``full`` its whole name too), linked to its
    text on the website; in a bundle, which cannot link out, followed by its address as text:
    "CC BY-SA 4.0 (creativecommons.org/licenses/by-sa/4.0)"."""
    both = full and licence.name != licence.short
    label = f"{licence.name} ({licence.short})" if both else licence.short
    if not licence.is_known:
        return escape(label)
    if not offline:
        return f'<a href="{escape(licence.url)}" rel="license">{escape(label)}</a>'
    if both:
        return escape(f"{licence.name} ({licence.short}, {licence.url_text})")
    return escape(f"{label} ({licence.url_text})")


def render_credit(
    activity: Activity,
    strings: Strings,
    licence: Licence,
    offline: bool,
    attribution_url: str | None,
) -> str:
    """The attribution a Creative Commons licence asks of a republished work (title, author,
    licence with its address, source and changes): one paragraph at the end of the page, on
    the website, in every bundle and on paper."""
    title = escape(activity.title)
    if activity.authors:
        work = strings.format("credit_by", title=title, authors=escape(", ".join(activity.authors)))
    else:
        work = strings.format("credit_title", title=title)
    text = strings.format(
        "credit_licence", work=work, licence=licence_html(licence, offline, full=True)
    )
    if attribution_url:
        link = f'<a href="{escape(attribution_url)}">{escape(strings["attribution_link"])}</a>'
        text += " " + strings.format("credit_sources", link=link)
    return f'<p class="mochila-credit" data-search-exclude>{text}</p>'


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
