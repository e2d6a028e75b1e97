"""The "What's new" page of a bundle, the link to it on the home page and its README summary.

The page is generated with a marker where its body goes: the body needs every activity's
rendered content (to see which changed), which exists only once mkdocs has rendered all pages.
"""

from __future__ import annotations

from html import escape

from ...domain.changes import ActivityEntry, Changes
from ...domain.strings import Strings
from ..shared import generated_page

PAGE = "whats-new.md"
MARKER = "<!-- mochila:whats-new -->"


def page_source(strings: Strings) -> str:
    """The Markdown of the generated page: its title and the marker."""
    title = strings["whats_new_title"]
    return generated_page(title, f"# {escape(title)}\n\n{MARKER}\n")


def home_link(url: str, strings: Strings) -> str:
    return (
        f'<p class="mochila-whats-new-link"><a href="{escape(url)}">'
        f"{escape(strings['whats_new_link'])}</a></p>"
    )


def render_page(changes: Changes, strings: Strings, url_of) -> tuple[str, list[tuple[str, str]]]:
    """Return the page body and its table of contents as (title, anchor) pairs.

    ``url_of(entry)`` is the link to an activity of this edition (None for removed ones).
    """
    parts = [f"<p>{escape(_intro(changes, strings))}</p>"]
    toc = []
    if not changes.first and not changes.any:
        parts.append(f"<p>{escape(strings['whats_new_nothing'])}</p>")
    sections = [
        ("added", changes.added, True),
        ("changed", changes.changed, True),
        ("removed", changes.removed, False),
    ]
    for kind, entries, linked in sections:
        if not entries or (changes.first and kind == "added"):
            continue
        title = strings.format(f"whats_new_{kind}", count=len(entries))
        anchor = f"mochila-{kind}"
        toc.append((title, anchor))
        items = "".join(f"<li>{_item(entry, url_of if linked else None)}</li>" for entry in entries)
        note = f"<p>{escape(strings['whats_new_changed_note'])}</p>" if kind == "changed" else ""
        parts.append(f'<h2 id="{anchor}">{escape(title)}</h2>{note}<ul>{items}</ul>')
    return "\n".join(parts), toc


def readme_summary(changes: Changes, strings: Strings) -> str:
    """One paragraph for the bundle's README: what changed, in plain words."""
    return _intro(changes, strings) + " " + strings["whats_new_readme_more"]


def _intro(changes: Changes, strings: Strings) -> str:
    if changes.first:
        return strings.format("whats_new_first", count=len(changes.added))
    return strings.format(
        "whats_new_since",
        edition=changes.since,
        added=len(changes.added),
        changed=len(changes.changed),
        removed=len(changes.removed),
    )


def _item(entry: ActivityEntry, url_of) -> str:
    url = url_of(entry) if url_of is not None else None
    if url is None:
        return escape(entry.title)
    return f'<a href="{escape(url)}">{escape(entry.title)}</a>'
