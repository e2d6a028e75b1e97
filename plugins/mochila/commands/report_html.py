"""The coverage report as one HTML file: inline styles and SVG, no script, no request.

It must open from a USB stick or an e-mail attachment and print on A4 in black and white, so:
heatmap cells carry their count as text, and their shade is one hue going from light to dark
(ordered by lightness alone, so it survives greyscale printing and every kind of colour
blindness); empty cells are white with a dashed border, so "none" never looks like "few".
"""

from __future__ import annotations

from html import escape
from typing import Any

LISTED = 30  # names shown per list; report.json has them all


def render_report(report: dict[str, Any]) -> str:
    """Return the whole page for ``report`` (see ``domain.coverage.build_report``)."""
    title = "Coverage report" + (f": {report['site_name']}" if report.get("site_name") else "")
    totals = report["totals"]
    sections = [
        _overview(report),
        _coverage(report),
        _translations(report),
        _editions(report),
        _health(report),
    ]
    subtitle = (
        f"Edition {escape(str(report['edition']))} · {totals['activities']} activities · "
        f"languages: {escape(', '.join(report['languages']))}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><main>"
        f'<header><h1>{escape(title)}</h1><p class="sub">{subtitle}</p></header>'
        + "".join(sections)
        + "<footer><p>Made by <code>mochila report</code>. The same data, complete, is in "
        "<code>report.json</code> beside this page.</p></footer></main></body></html>\n"
    )


def heatmap_svg(data: dict[str, Any], title: str, *, small: bool = False) -> str:
    """An SVG table of counts: rows and columns labelled, each cell shaded and numbered.

    Column labels are wrapped under each other in a full map; in a small one they are
    slanted, which fits any length in a narrow column.
    """
    rows, columns, counts = data["rows"], data["columns"], data["counts"]
    cell_w, cell_h, font, head_font = (34, 20, 10, 10) if small else (104, 34, 14, 13)
    label_w = 112 if small else 170
    line_h = head_font + 3
    if small:
        longest = max((len(c["label"]) for c in columns), default=1)
        head_h = int(min(longest, 30) * head_font * 0.5) + 12
        spare = head_h
    else:
        wrapped = [_wrap(c["label"], 10) for c in columns]
        head_h = line_h * max((len(x) for x in wrapped), default=1) + 8
        spare = 0
        # A long word ("communication") cannot wrap: the columns widen to fit it, at about
        # 0.62 em per character of bold system-ui, so neighbouring labels never touch.
        longest = max((len(t) for lines in wrapped for t in lines), default=1)
        cell_w = max(cell_w, int(longest * head_font * 0.62) + 14)
    width = label_w + cell_w * len(columns) + 2 + spare
    height = head_h + cell_h * len(rows) + 2
    peak = max(data["max"], 1)
    parts = [
        f'<svg class="heatmap" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="system-ui, sans-serif" font-size="{font}">'
        f"<title>{escape(title)}</title>"
    ]
    for index, column in enumerate(columns):
        x = label_w + cell_w * index + cell_w / 2
        if small:
            parts.append(
                f'<text transform="translate({x:g},{head_h - 4}) rotate(-45)" '
                f'font-size="{head_font}" font-weight="600">{escape(column["label"])}</text>'
            )
            continue
        lines = wrapped[index]
        first = head_h - 6 - (len(lines) - 1) * line_h
        spans = "".join(
            f'<tspan x="{x:g}" y="{first + n * line_h:g}">{escape(t)}</tspan>'
            for n, t in enumerate(lines)
        )
        parts.append(
            f'<text text-anchor="middle" font-size="{head_font}" font-weight="600">{spans}</text>'
        )
    for r, row in enumerate(rows):
        y = head_h + cell_h * r
        parts.append(
            f'<text x="{label_w - 8}" y="{y + cell_h / 2 + font / 3:g}" text-anchor="end">'
            f"{escape(row['label'])}</text>"
        )
        for c, count in enumerate(counts[r]):
            x = label_w + cell_w * c
            fill, ink = _shade(count, peak)
            dash = ' stroke-dasharray="3 2"' if count == 0 else ""
            parts.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{fill}" stroke="#8a8a8a" stroke-width="0.8"{dash}/>'
                f'<text x="{x + cell_w / 2:g}" y="{y + cell_h / 2 + font / 3:g}" '
                f'text-anchor="middle" fill="{ink}">{count}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _shade(count: int, peak: int) -> tuple[str, str]:
    """Fill and text colour: lightness from 96% (one) down to 22% (the most), one hue."""
    if count == 0:
        return "#ffffff", "#6b6b6b"
    lightness = 96 - 74 * (count / peak) ** 0.8
    return f"hsl(212, 55%, {lightness:.0f}%)", ("#ffffff" if lightness < 55 else "#111111")


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines or [""]


def _overview(report: dict[str, Any]) -> str:
    totals = report["totals"]
    cards = [
        (totals["activities"], "activities (drafts not counted)"),
        (totals["restricted"], "for facilitators only"),
        (totals["drafts"], "draft files"),
        (len(report["editions"]), "bundles"),
    ]
    for lang, cover in report["translations"].items():
        cards.append((f"{cover['percent']:g}%", f"translated into {lang}"))
    items = "".join(
        f"<li><strong>{escape(str(value))}</strong><span>{escape(label)}</span></li>"
        for value, label in cards
    )
    return f'<section><ul class="cards">{items}</ul></section>'


def _coverage(report: dict[str, Any]) -> str:
    maps = report["heatmaps"]
    return (
        "<section><h2>What the collection covers</h2>"
        "<p>Each cell counts the activities for that age (or audience) and that area (or "
        "duration). An activity counts in every age band its ages overlap and under every area "
        "or audience it lists, so cells add up to more than the number of activities. Darker "
        "means more; a dashed white cell has none.</p>"
        "<h3>Age × development area</h3>"
        + _figure(heatmap_svg(maps["age_area"], "Activities by age band and development area"))
        + "<h3>Audience × duration</h3>"
        + _figure(heatmap_svg(maps["audience_duration"], "Activities by audience and duration"))
        + "</section>"
    )


def _figure(svg: str) -> str:
    return f'<figure class="map">{svg}</figure>'


def _translations(report: dict[str, Any]) -> str:
    if not report["translations"]:
        return ""
    parts = ["<section><h2>Translations</h2>"]
    rows = "".join(
        f'<tr><th scope="row">{escape(lang)}</th><td>{c["translated"]} of {c["total"]}</td>'
        f'<td><span class="bar"><span style="width:{c["percent"]}%"></span></span> '
        f"{c['percent']:g}%</td><td>{len(c['missing'])}</td>"
        f"<td>{len(c['possibly_outdated'])}</td></tr>"
        for lang, c in report["translations"].items()
    )
    parts.append(
        "<table><thead><tr><th>Language</th><th>Translated</th><th>Coverage</th>"
        f"<th>Not translated</th><th>Possibly out of date</th></tr></thead>{rows}</table>"
    )
    for lang, cover in report["translations"].items():
        parts.append(_list(f"Not translated into {lang}", cover["missing"], _activity))
        parts.append(
            _list(
                f"Possibly out of date in {lang} (the original changed after the translation)",
                cover["possibly_outdated"],
                _outdated,
            )
        )
    parts.append("</section>")
    return "".join(parts)


def _editions(report: dict[str, Any]) -> str:
    editions = report["editions"]
    if not editions:
        return ""
    rows = []
    for edition in editions:
        built = edition["built"]
        size = (
            f"{_mb(built['zip_bytes'])} zip, {_mb(built['unzipped_bytes'])} unzipped "
            f"({built['files']} files, edition {escape(str(built['edition']))})"
            if built
            else "not built yet (run <code>mochila build</code>)"
        )
        rows.append(
            f'<tr><th scope="row">{escape(edition["name"])}</th>'
            f"<td>{escape(edition['title'])}</td><td>{escape(edition['language'])}</td>"
            f"<td>{edition['activities']}</td><td>{size}</td></tr>"
        )
    maps = "".join(
        f'<figure class="small"><figcaption>{escape(e["name"])} · {e["activities"]} '
        f"activities</figcaption>"
        f"{heatmap_svg(e['heatmap'], 'Age × area in ' + e['name'], small=True)}</figure>"
        for e in editions
    )
    lost = [
        _list(f"In no bundle ({lang})", items, _activity, empty="Every activity is in a bundle.")
        for lang, items in report["in_no_bundle"].items()
    ]
    return (
        "<section><h2>Bundles</h2><table><thead><tr><th>Bundle</th><th>Title</th>"
        "<th>Language</th><th>Activities</th><th>Size of the last build</th></tr></thead>"
        + "".join(rows)
        + f'</table><h3>Age × area in each bundle</h3><div class="smalls">{maps}</div>'
        + "".join(lost)
        + "</section>"
    )


def _health(report: dict[str, Any]) -> str:
    health = report["health"]
    unused = health["unused_vocabulary"]
    unused_items = [
        {"title": f"{kind}: {term}"} for kind, terms in unused.items() for term in terms
    ]
    table = [
        ("Without reflection prompts", len(health["no_reflection"])),
        ("Without materials", len(health["no_materials"])),
        ("Draft files", len(health["drafts"])),
        ("For facilitators only", len(health["restricted"])),
        ("Without an 'updated' date", health["without_updated"]),
        ("Duplicate titles", len(health["duplicate_titles"])),
        ("Vocabulary values no activity uses", len(unused_items)),
    ]
    rows = "".join(f'<tr><th scope="row">{label}</th><td>{n}</td></tr>' for label, n in table)
    return (
        f"<section><h2>Content health</h2><table>{rows}</table>"
        + _list("Without reflection prompts", health["no_reflection"], _activity)
        + _list("Without materials", health["no_materials"], _activity)
        + _list("Drafts", health["drafts"], lambda a: f"{_activity(a)} ({escape(a['lang'])})")
        + _list("For facilitators only", health["restricted"], _activity)
        + _list(
            "Oldest 'updated' dates",
            health["oldest_updated"],
            lambda a: f"{escape(a['updated'])}: {_activity(a)}",
        )
        + _list(
            "Duplicate titles",
            health["duplicate_titles"],
            lambda d: (
                f"{escape(d['title'])} ({escape(d['lang'])}): "
                + ", ".join(f"<code>{escape(p)}</code>" for p in d["paths"])
            ),
        )
        + _list("Vocabulary values no activity uses", unused_items, lambda u: escape(u["title"]))
        + "</section>"
    )


def _activity(item: dict[str, Any]) -> str:
    return f"{escape(item['title'])} <code>{escape(item['path'])}</code>"


def _outdated(item: dict[str, Any]) -> str:
    if item["reason"] == "updated":
        why = f"original updated {item['original_date']}, translation {item['translation_date']}"
    else:
        why = "original committed after the translation"
    return f"{_activity(item)}: {escape(why)}"


def _list(title: str, items: list, show, empty: str = "None.") -> str:
    if not items:
        return f'<h3>{escape(title)}</h3><p class="none">{escape(empty)}</p>'
    shown = "".join(f"<li>{show(item)}</li>" for item in items[:LISTED])
    more = (
        f'<p class="more">… and {len(items) - LISTED} more (all of them are in report.json).</p>'
        if len(items) > LISTED
        else ""
    )
    return f'<h3>{escape(title)} ({len(items)})</h3><ul class="names">{shown}</ul>{more}'


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


_CSS = """
:root { color-scheme: light; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1a1a1a; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 1.8rem; margin: 0 0 4px; }
.sub { color: #444; margin: 0 0 16px; }
h2 { font-size: 1.35rem; margin: 32px 0 8px; border-bottom: 2px solid #1a1a1a;
  padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
.cards { list-style: none; display: flex; flex-wrap: wrap; gap: 12px; padding: 0; margin: 0; }
.cards li { border: 1px solid #999; border-radius: 6px; padding: 10px 14px; min-width: 120px; }
.cards strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.cards span { color: #333; font-size: .9rem; }
figure { margin: 8px 0 16px; overflow-x: auto; }
.smalls { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.small figcaption { font-weight: 600; font-size: .9rem; margin-bottom: 2px; }
table { border-collapse: collapse; margin: 8px 0 12px; }
th, td { border: 1px solid #999; padding: 4px 10px; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 120px; height: 10px; border: 1px solid #555;
  vertical-align: middle; }
.bar span { display: block; height: 100%; background: #333; }
.names { columns: 2; column-gap: 32px; padding-left: 20px; margin: 4px 0; }
.names li { break-inside: avoid; }
code { font-size: .85em; color: #444; }
.none, .more { color: #444; margin: 4px 0; }
footer { margin-top: 40px; color: #444; font-size: .9rem; }
@media (max-width: 700px) { .names { columns: 1; } main { padding: 16px; } }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  figure, table, .cards { break-inside: avoid; }
  .bar span { background: #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  svg.heatmap { max-width: 100%; height: auto; }
  svg.heatmap rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""
