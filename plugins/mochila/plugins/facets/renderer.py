"""HTML for the catalogue (filter panel + cards), facet value pages and the browse page.

The cards carry their facet values as data attributes, so the filter script works on the page
itself: nothing is fetched, which is what makes it work from ``file://``. Without JavaScript the
panel stays hidden and the cards are a plain list.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ...domain.activity import Activity
from ...domain.facets import FACETS, FacetIndex, FacetSettings
from ...domain.humanize import human_age, human_duration
from ...domain.strings import Strings
from ...domain.vocabulary import Vocabulary
from ..shared import generated_page

UrlOf = Callable[[Activity], str]

FILTER_ORDER = ("age", "areas", "audience", "duration", "tags")


def render_cards(
    activities: list[Activity],
    strings: Strings,
    vocabulary: Vocabulary,
    url_of: UrlOf,
    settings: FacetSettings,
    memo: dict[str, tuple[str, str]] | None = None,
    number_of: Callable[[Activity], int] | None = None,
) -> str:
    """The cards of ``activities``, linked with ``url_of``.

    An activity is listed on many pages of an edition (catalogue, home, a page per facet value)
    and its card differs only by the link: pass the same ``memo`` for one edition's listings
    and each card is made once. With ``number_of``, each card carries the activity's number
    in the search index (``data-doc``), so the catalogue's text box filters with the index.
    """
    memo = {} if memo is None else memo
    items = []
    for activity in activities:
        parts = memo.get(activity.key)
        if parts is None:
            parts = memo[activity.key] = _card(activity, strings, vocabulary, settings)
        doc = f' data-doc="{number_of(activity)}"' if number_of else ""
        items.append(f"<li{doc}{parts[0]}{escape(url_of(activity))}{parts[1]}")
    return '<ul class="mochila-cards">' + "".join(items) + "</ul>"


def _card(
    activity: Activity, strings: Strings, vocabulary: Vocabulary, settings: FacetSettings
) -> tuple[str, str]:
    """A card's HTML after ``<li`` and before its link's URL, and after the URL."""
    lang = strings.lang
    values = settings.values(activity)
    data = " ".join(f'data-f-{facet}="{escape(" ".join(values[facet]))}"' for facet in FACETS)
    areas = ", ".join(vocabulary.label("areas", a, lang) for a in activity.areas)
    meta = (
        f"<span>{escape(human_age(activity.age_min, activity.age_max, strings))}</span> · "
        f"<span>{escape(human_duration(activity.duration, strings))}</span> · "
        f"<span>{escape(areas)}</span>"
    )
    return (
        f' class="mochila-cards__item" {data}><article><h2 class="mochila-cards__title"><a href="',
        f'">{escape(activity.title)}</a></h2>'
        f'<p class="mochila-cards__summary">{escape(activity.summary)}</p>'
        f'<p class="mochila-cards__meta">{meta}</p></article></li>',
    )


def render_catalogue(
    activities: list[Activity],
    facets: FacetIndex,
    strings: Strings,
    vocabulary: Vocabulary,
    url_of: UrlOf,
    settings: FacetSettings,
    memo: dict[str, tuple[str, str]] | None = None,
    number_of: Callable[[Activity], int] | None = None,
) -> str:
    """Return the filter panel and the cards of every activity, as one raw HTML block."""
    fieldsets = []
    for facet in FILTER_ORDER:
        values = facets.values(facet)
        if not values:
            continue
        options = "".join(
            f'<label class="mochila-filter__option"><input type="checkbox" name="{facet}" '
            f'value="{escape(v.value)}"> <span>{escape(v.label)}</span> '
            f'<span class="mochila-filter__count"></span></label>'
            for v in values
        )
        fieldsets.append(
            f'<fieldset class="mochila-filter" data-facet="{facet}">'
            f"<legend>{escape(facets.labels[facet])}</legend>{options}</fieldset>"
        )
    form = (
        f'<form class="mochila-filters" hidden aria-label="{escape(strings["filters_label"])}">'
        f'<div class="mochila-filters__search"><label for="mochila-q">'
        f"{escape(strings['search_label'])}</label>"
        f'<input id="mochila-q" type="search" name="q" autocomplete="off"></div>'
        + "".join(fieldsets)
        + f'<button type="reset" class="md-button mochila-filters__clear">'
        f"{escape(strings['clear_filters'])}</button>"
        f'<p class="mochila-filters__status" aria-live="polite"></p></form>'
    )
    cards = render_cards(activities, strings, vocabulary, url_of, settings, memo, number_of)
    none = f'<p class="mochila-cards__none" hidden>{escape(strings["no_match"])}</p>'
    return f'<div class="mochila-catalogue" data-mochila-catalogue>{form}{cards}{none}</div>'


def facet_page(title: str, intro: str, cards: str) -> str:
    """A facet value's page; listings stay out of the search index (the activities are in it)."""
    return generated_page(
        title, f"# {escape(title)}\n\n{escape(intro)}\n\n{cards}\n", searchable=False
    )


def render_browse(facets: FacetIndex, strings: Strings, url_of_value: Callable) -> str:
    """The browse page: each facet with its values and how many activities each has."""
    parts = [f"# {escape(strings['browse_title'])}\n\n{escape(strings['browse_intro'])}\n\n"]
    for facet in FILTER_ORDER:
        values = facets.values(facet)
        if not values:
            continue
        items = "".join(
            f'<li><a class="mochila-chip" href="{escape(url_of_value(v))}">{escape(v.label)}'
            f" <small>({len(v.activities)})</small></a></li>"
            for v in values
        )
        parts.append(
            f'<section class="mochila-browse"><h2>{escape(facets.labels[facet])}</h2>'
            f'<ul class="mochila-browse__values">{items}</ul></section>\n\n'
        )
    return generated_page(strings["browse_title"], "".join(parts), searchable=False)
