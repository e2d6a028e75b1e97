"""HTML for reflection prompts (before, after, inline), facilitator notes and the journal page.

Without JavaScript a prompt is a question to think about; the script reveals the answer box
and keeps answers in the browser only.
"""

from __future__ import annotations

from html import escape

from ...domain.activity import Activity, Prompt
from ...domain.strings import Strings


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def render_notes(body: str, strings: Strings, *, markdown: bool = False) -> str:
    """Folded notes for facilitators; with ``markdown`` the body is Markdown for md_in_html."""
    attr = ' markdown="1"' if markdown else ""
    return (
        f'<details class="mochila-notes"{attr}><summary>{escape(strings["notes_summary"])}'
        f'</summary><div class="mochila-notes__body"{attr}>{body}</div></details>'
    )


def render_prompt(prompt_id: str, prompt: Prompt, strings: Strings) -> str:
    text_id = f"mochila-prompt-{prompt_id}"
    notes = render_notes(_paragraphs(prompt.notes), strings) if prompt.notes else ""
    return (
        f'<div class="mochila-prompt" data-mochila-prompt="{prompt_id}">'
        f'<p class="mochila-prompt__text" id="{text_id}">{escape(prompt.text)}</p>'
        f'<textarea class="mochila-prompt__answer" aria-labelledby="{text_id}" rows="3" '
        f"hidden></textarea>"
        f'<p class="mochila-prompt__status" aria-live="polite"></p>'
        f'<div class="mochila-prompt__lines" aria-hidden="true"></div>'
        f"{notes}</div>"
    )


def _data(activity: Activity, path: str) -> str:
    return (
        f'data-mochila-activity="{escape(activity.id)}" '
        f'data-mochila-title="{escape(activity.title)}" data-mochila-path="{escape(path)}"'
    )


def render_section(
    when: str, prompts: list[Prompt], activity: Activity, path: str, strings: Strings
) -> str:
    """Return the "Before you start" or "After the activity" block, or '' without prompts."""
    if not prompts:
        return ""
    title = strings[f"{when}_title"]
    anchor = f"mochila-{when}"
    inner = "".join(
        render_prompt(f"{when}-{index}", prompt, strings)
        for index, prompt in enumerate(prompts, start=1)
    )
    return (
        f'<section class="mochila-reflection mochila-reflection--{when}" {_data(activity, path)}>'
        f'<h2 id="{anchor}">{escape(title)}</h2>{inner}</section>'
    )


def render_inline(
    index: int, text: str, activity: Activity | None, path: str, strings: Strings
) -> str:
    """An inline prompt from a ``:::reflect`` block. Outside activities it has no answer box."""
    prompt = Prompt(" ".join(text.split()))
    if activity is None:
        return (
            f'<aside class="mochila-reflection mochila-reflection--inline">'
            f'<p class="mochila-prompt__text">{escape(prompt.text)}</p></aside>'
        )
    return (
        f'<aside class="mochila-reflection mochila-reflection--inline" {_data(activity, path)}>'
        f'<p class="mochila-reflection__label">{escape(strings["reflect_inline"])}</p>'
        f"{render_prompt(f'inline-{index}', prompt, strings)}</aside>"
    )


def render_journal(strings: Strings) -> str:
    """The body of the "My reflections" page; the script fills the list from the browser."""
    buttons = "".join(
        f'<button type="button" class="md-button" data-action="{action}">'
        f"{escape(strings[key])}</button>"
        for action, key in (
            ("print", "print"),
            ("download-md", "download_md"),
            ("download-html", "download_html"),
            ("delete-all", "delete_all"),
        )
    )
    return (
        f"<p>{escape(strings['journal_intro'])}</p>\n\n"
        '<div class="mochila-journal" data-mochila-journal>'
        f"<noscript><p>{escape(strings['journal_noscript'])}</p></noscript>"
        f'<div class="mochila-journal__actions" hidden>{buttons}</div>'
        f'<p class="mochila-journal__empty" hidden>{escape(strings["journal_empty"])}</p>'
        '<div class="mochila-journal__list"></div></div>\n'
    )
