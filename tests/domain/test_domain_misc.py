"""Unit tests for the small pure parts of the domain: facets, human ages, slugs, selection,
UI strings, the new-activity template, editions, suggestions and the body scanner.

Why: each of these decides something readers see (which band an activity is listed under,
how an age reads, which activities a bundle carries) and is cheap to pin down exactly.
"""

from __future__ import annotations

import pytest

from mochila.domain.activity import Activity
from mochila.domain.body import relative_path, rewrite_links, scan_blocks, scan_links
from mochila.domain.edition import BUNDLE, SITE, Edition
from mochila.domain.facets import (
    AgeBand,
    BandError,
    FacetSettings,
    age_bands_from,
    build_facet_index,
    duration_limits_from,
    facet_names_from,
    facet_values,
)
from mochila.domain.humanize import human_age, human_duration
from mochila.domain.languages import RTL, Language
from mochila.domain.scaffold import NewActivity, render_activity, slugify
from mochila.domain.selection import Selection
from mochila.domain.source import split
from mochila.domain.strings import load_strings
from mochila.domain.suggest import did_you_mean


def make(
    id="a",
    age=(6, 36),
    duration=20,
    *,
    title=None,
    audience=("families",),
    areas=("sensory",),
    tags=(),
    status="published",
    visibility="public",
    lang="en",
) -> Activity:
    return Activity(
        path=f"activities/{id}.md",
        key=f"activities/{id}.md",
        lang=lang,
        id=id,
        title=title or id.title(),
        summary="s",
        audience=list(audience),
        age_min=age[0],
        age_max=age[1],
        duration=duration,
        areas=list(areas),
        tags=list(tags),
        status=status,
        visibility=visibility,
    )


@pytest.fixture(scope="module")
def en():
    return load_strings("en")


@pytest.fixture(scope="module")
def es():
    return load_strings("es")


# --- facets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "bands"),
    [
        ((6, 36), ["0-11", "12-23", "24-35"]),
        ((12, 24), ["12-23"]),
        ((0, 12), ["0-11"]),
        ((11, 13), ["0-11", "12-23"]),
        ((24, 24), ["24-35"]),
        ((0, 0), ["0-11"]),
        ((12, 12), ["12-23"]),
        ((71, 72), ["60-71"]),
        ((72, 100), ["72-216"]),
        ((216, 216), ["72-216"]),
        ((0, 216), ["0-11", "12-23", "24-35", "36-47", "48-59", "60-71", "72-216"]),
    ],
)
def test_age_bands(age, bands):
    assert facet_values(make(age=age))["age"] == bands


@pytest.mark.parametrize(
    ("minutes", "band"),
    [
        (1, "0-15"),
        (15, "0-15"),
        (16, "15-30"),
        (30, "15-30"),
        (31, "30-60"),
        (60, "30-60"),
        (61, "60-plus"),
        (600, "60-plus"),
    ],
)
def test_duration_band(minutes, band):
    assert facet_values(make(duration=minutes))["duration"] == [band]


def test_facet_values():
    activity = make(age=(24, 48), duration=45, areas=("motor", "sensory"), tags=("water",))
    assert facet_values(activity) == {
        "age": ["24-35", "36-47"],
        "areas": ["motor", "sensory"],
        "audience": ["families"],
        "duration": ["30-60"],
        "tags": ["water"],
    }


def test_facet_index_orders_values_like_the_vocabulary_and_labels_them(project, es):
    vocabulary = project.vocabulary()
    activities = [
        make("b", title="Banana", age=(6, 10), areas=("sensory",), duration=10),
        make("a", title="apple", age=(24, 30), areas=("sensory", "motor"), tags=("water",)),
    ]
    index = build_facet_index(activities, vocabulary, es)
    assert [v.value for v in index.values("areas")] == ["motor", "sensory"]
    assert [v.label for v in index.values("areas")] == ["Movimiento", "Sentidos"]
    assert [(v.value, v.label) for v in index.values("age")] == [
        ("0-11", "0–11 meses"),
        ("24-35", "2 años"),
    ]
    assert [(v.value, v.label) for v in index.values("duration")] == [
        ("0-15", "Hasta 15 min"),
        ("15-30", "15–30 min"),
    ]
    sensory = index.find("areas", "sensory")
    # Within a value, activities are sorted by title regardless of case.
    assert [a.id for a in sensory.activities] == ["a", "b"]
    assert sensory.path == "facets/areas/sensory.md"
    assert index.find("areas", "language") is None
    assert index.values("audience")[0].label == "Familias"
    assert index.labels["areas"] == es["facet_areas"]
    assert index.values("nothing") == []


# --- human ages and durations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "english", "spanish"),
    [
        ((6, 18), "6–18 months", "6–18 meses"),
        ((24, 48), "2–4 years", "2–4 años"),
        ((0, 24), "0–24 months", "0–24 meses"),
        ((12, 24), "12–24 months", "12–24 meses"),
        ((18, 30), "18–30 months", "18–30 meses"),
        ((12, 36), "1–3 years", "1–3 años"),
        ((6, 36), "6 months – 3 years", "6 meses – 3 años"),
        ((36, 36), "3 years", "3 años"),
        ((12, 12), "12 months", "12 meses"),
        ((6, 6), "6 months", "6 meses"),
    ],
)
def test_human_age(en, es, age, english, spanish):
    assert human_age(*age, en) == english
    assert human_age(*age, es) == spanish


@pytest.mark.parametrize(
    ("age", "english", "spanish"),
    [
        # Whole years, written through the last month of a year (an organisation's bands).
        ((60, 95), "5–7 years", "5–7 años"),
        ((96, 131), "8–10 years", "8–10 años"),
        ((132, 179), "11–14 years", "11–14 años"),
        ((108, 215), "9–17 years", "9–17 años"),
        ((60, 71), "5 years", "5 años"),
        ((24, 35), "2 years", "2 años"),
        # Not whole years at one end: months, or months to years.
        ((60, 94), "60–94 months", "60–94 meses"),
        ((61, 95), "61 months – 7 years", "61 meses – 7 años"),
        ((6, 35), "6 months – 2 years", "6 meses – 2 años"),
        # Below two years, months: the boundary is the second birthday.
        ((0, 11), "0–11 months", "0–11 meses"),
        ((12, 23), "12–23 months", "12–23 meses"),
        ((0, 23), "0–23 months", "0–23 meses"),
        ((24, 25), "24–25 months", "24–25 meses"),
        ((0, 36), "0–3 years", "0–3 años"),
        # The oldest age an activity can name leaves the range open.
        ((72, 216), "6 years and older", "6 años o más"),
        ((6, 216), "6 months and older", "6 meses o más"),
        ((216, 216), "18 years", "18 años"),
    ],
)
def test_human_age_in_whole_years_when_the_range_covers_whole_years(en, es, age, english, spanish):
    assert human_age(*age, en) == english
    assert human_age(*age, es) == spanish


def test_human_age_in_a_language_without_its_own_words_falls_back_to_english(tmp_path):
    (tmp_path / "mi.yml").write_text("language_name: Māori\n", encoding="utf-8")
    strings = load_strings("mi", tmp_path)
    assert "years_range" in strings.missing
    assert human_age(60, 95, strings) == "5–7 years"


def test_human_age_of_one_month_is_singular(en):
    assert human_age(1, 1, en) == "1 month"


def test_human_duration(en, es):
    assert human_duration(45, en) == "45 min"
    assert human_duration(5, es) == "5 min"


# --- slugs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Exploración del agua", "exploracion-del-agua"),
        ("¡Canción de cuna, niños!", "cancion-de-cuna-ninos"),
        ("Ñandú y pingüino", "nandu-y-pinguino"),
        ("  Water -- play  ", "water-play"),
        ("Step 1: 2 cups", "step-1-2-cups"),
        ("ÀÉÎÕÜ", "aeiou"),
        ("???", ""),
        ("一二三", ""),
    ],
)
def test_slugify_folds_accents_and_joins_words(title, slug):
    assert slugify(title) == slug


def test_slugify_cuts_long_titles_at_a_word_boundary():
    title = " ".join(["word"] * 20)  # 99 characters of slug
    slug = slugify(title)
    # The first 60 characters end in a dash: the cut drops it and keeps 12 whole words.
    assert slug == "-".join(["word"] * 12)
    assert len(slug) == 59
    # Here character 60 falls inside the eighth word, which is dropped whole.
    assert slugify(" ".join(["abcdefg"] * 20)) == "-".join(["abcdefg"] * 7)


def test_slugify_keeps_one_long_word_at_sixty_characters():
    assert slugify("x" * 80) == "x" * 60


# --- selection ---------------------------------------------------------------------------------


def test_empty_selection_matches_published_public_activities_only():
    everything = Selection()
    assert everything.matches(make())
    assert not everything.matches(make(status="draft"))
    assert not everything.matches(make(visibility="restricted"))


def test_drafts_and_restricted_only_where_asked():
    draft, restricted = make(status="draft"), make(visibility="restricted")
    assert Selection(include_drafts=True).matches(draft)
    assert not Selection(include_drafts=True).matches(restricted)
    assert Selection(include_restricted=True).matches(restricted)
    assert not Selection(include_restricted=True).matches(draft)
    both = make(status="draft", visibility="restricted")
    assert not Selection(include_restricted=True).matches(both)
    assert Selection(include_restricted=True, include_drafts=True).matches(both)


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"audience": ("families",)}, True),
        ({"audience": ("educators",)}, False),
        ({"audience": ("educators", "families")}, True),
        ({"areas": ("motor",)}, False),
        ({"areas": ("motor", "sensory")}, True),
        ({"tags": ("water",)}, True),
        ({"tags": ("outdoor",)}, False),
        ({"audience": ("families",), "tags": ("outdoor",)}, False),
    ],
)
def test_selection_criteria_match_any_value_and_all_criteria(criteria, expected):
    activity = make(audience=("families",), areas=("sensory",), tags=("water",))
    assert Selection(**criteria).matches(activity) is expected


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ((0, 23), False),  # ends before the selection starts
        ((0, 24), True),  # touches its start
        ((30, 40), True),  # inside
        ((12, 100), True),  # covers it
        ((48, 60), True),  # touches its end
        ((49, 60), False),  # starts after it ends
    ],
)
def test_selection_age_ranges_overlap(age, expected):
    assert Selection(age_min=24, age_max=48).matches(make(age=age)) is expected


def test_selection_with_one_age_bound():
    assert Selection(age_min=24).matches(make(age=(60, 216)))
    assert not Selection(age_min=24).matches(make(age=(0, 12)))
    assert Selection(age_max=12).matches(make(age=(0, 6)))
    assert not Selection(age_max=12).matches(make(age=(13, 20)))


def test_select_keeps_order_and_describe_is_plain_data():
    activities = [make("c"), make("a", status="draft"), make("b")]
    selection = Selection(audience=("families",), age_min=6, include_restricted=True)
    assert [a.id for a in selection.select(activities)] == ["c", "b"]
    assert selection.describe() == {
        "audience": ["families"],
        "areas": [],
        "tags": [],
        "age": {"min": 6, "max": None},
        "include_restricted": True,
    }


# --- UI strings --------------------------------------------------------------------------------


def test_english_strings_are_complete(en):
    assert en.lang == "en"
    assert en.missing == []
    assert en["catalogue_title"] == "All activities"
    assert en.format("showing", shown=2, total=5) == "Showing 2 of 5 activities"


def test_spanish_strings_are_complete(es):
    assert es.missing == []
    # A language's name comes from CLDR, filled into its own sentence.
    assert "language_name" not in es.table
    assert es.format("read_in", language="español") == "Leer en español"


def test_a_configured_fallback_language_comes_before_english(tmp_path):
    (tmp_path / "qu.yml").write_text("catalogue_title: Llapan ruraykuna\n", encoding="utf-8")
    (tmp_path / "es.yml").write_text("language_name: Castellano\n", encoding="utf-8")
    qu = load_strings("qu", tmp_path, fallback="es")
    assert qu.fallback == "es"
    assert qu["catalogue_title"] == "Llapan ruraykuna"
    assert qu["browse_title"] == load_strings("es")["browse_title"]
    assert "browse_title" in qu.missing and "catalogue_title" not in qu.missing
    # What a locale file says about its own language never passes to another one.
    assert qu.get("language_name") is None


def test_a_language_name_standing_alone_starts_with_a_capital():
    assert Language("es", "español").menu_name == "Español"
    assert Language("ar", "العربية", RTL).menu_name == "العربية"
    assert Language("ar", "العربية", RTL).is_rtl
    assert Language("x-unknown", "x-unknown", known=False).menu_name == "x-unknown"


def test_unknown_language_falls_back_to_english_for_every_key(en):
    strings = load_strings("fr")
    assert strings.lang == "fr"
    assert strings["catalogue_title"] == "All activities"
    assert strings.missing == sorted(en.table)


def test_site_strings_override_and_partial_files_fall_back(tmp_path):
    (tmp_path / "fr.yml").write_text("catalogue_title: Toutes les activités\n", encoding="utf-8")
    (tmp_path / "es.yml").write_text("catalogue_title: Actividades\n", encoding="utf-8")
    fr = load_strings("fr", tmp_path)
    assert fr["catalogue_title"] == "Toutes les activités"
    assert fr["browse_title"] == "Browse activities"
    assert "catalogue_title" not in fr.missing
    assert "browse_title" in fr.missing
    es = load_strings("es", tmp_path)
    assert es["catalogue_title"] == "Actividades"
    assert es["browse_title"] == load_strings("es")["browse_title"]
    assert es.missing == []


def test_strings_for_script_are_taken_from_the_table(en, es):
    core = {"saved", "saving", "journal_empty", "journal_title", "answer_label", "no_match"}
    for strings in (en, es):
        script = strings.for_script()
        assert core <= set(script)
        assert script == {key: strings[key] for key in script}
    assert es.for_script()["saved"] != en.for_script()["saved"]


# --- the new-activity template ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_rendered_activity_passes_the_checker(project, lang):
    new = NewActivity(
        title='Agua: "juego" #1',
        id="agua-juego-1",
        summary="Children pour water: cups, gourds and leaves.",
        audience=["families", "educators"],
        age_min=6,
        age_max=36,
        duration=20,
        areas=["sensory"],
        tags=["water"],
    )
    text = render_activity(new, load_strings(lang))
    project.write("activities/agua-juego-1.md", text)
    catalogue = project.check()
    assert [p.format() for p in catalogue.problems] == []
    [activity] = catalogue.activities
    assert (activity.id, activity.title, activity.summary) == (
        "agua-juego-1",
        'Agua: "juego" #1',
        "Children pour water: cups, gourds and leaves.",
    )
    assert (activity.age_min, activity.age_max, activity.tags) == (6, 36, ["water"])
    assert len(activity.before) == 1 and len(activity.after) == 1
    assert activity.materials == []
    source, _ = split("a.md", text)
    assert "age: {min: 6, max: 36}" in text
    assert source.body.count(":::reflect") == 1


def test_rendered_activity_in_spanish_uses_spanish_headings(es):
    new = NewActivity("Agua", "agua", "Resumen.", ["families"], 6, 36, 20, ["sensory"])
    text = render_activity(new, es)
    assert "## Paso a paso" in text
    assert "tags:" not in text


# --- editions ------------------------------------------------------------------------------------


def test_edition_store_and_prefix():
    site = Edition(SITE, "site", "es", languages=("en", "es"))
    assert site.store == "site-es"
    assert (site.prefix("en"), site.prefix("es")) == ("", "es/")
    assert not site.offline
    bundle = Edition(BUNDLE, "families-es", "es")
    assert bundle.offline
    assert bundle.store == "bundle-families-es"
    assert bundle.prefix("es") == ""


# --- suggestions ---------------------------------------------------------------------------------


def test_did_you_mean():
    assert did_you_mean("motr", ["motor", "language"]) == "did you mean 'motor'?"
    assert did_you_mean("zzz", ["b", "a"]) == "choose one of: a, b"
    assert did_you_mean("zzz", ["b"], "look it up") == "look it up"
    assert did_you_mean("zzz", [f"x{i}" for i in range(13)]) == "see the list of allowed values"
    assert did_you_mean("zzz", []) == "see the list of allowed values"


# --- body: blocks and links ----------------------------------------------------------------------


def test_scan_blocks_finds_blocks_with_file_lines():
    body = "Intro\n\n:::reflect\nWhat did you see?\n:::\n\n::: notes\nFor facilitators.\n:::\n"
    blocks, problems = scan_blocks(body, 10)
    assert problems == []
    assert [(b.kind, b.text, b.line, b.end_line) for b in blocks] == [
        ("reflect", "What did you see?", 12, 14),
        ("notes", "For facilitators.", 16, 18),
    ]


def test_scan_blocks_ignores_fenced_code():
    body = "```\n:::refelct\n:::\n```\n"
    assert scan_blocks(body, 1) == ([], [])


def test_scan_blocks_problems():
    body = ":::notes\nA\n:::reflect\nB\n:::\n:::\n:::Reflect\nC\n"
    _, problems = scan_blocks(body, 1)
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (
            3,
            "a ':::reflect' block starts inside the ':::notes' block of line 1",
            "close the first block with a line ':::' before starting another",
        ),
        (6, "':::' closes no block", "remove it, or open a block above"),
        (7, "the ':::reflect' block is never closed", "add a line with only ':::' after its text"),
    ]


def test_scan_links_positions_and_kinds():
    body = (
        'See [the guide](guide.md#start) and ![a cup](images/cup.svg "Cup").\n'
        "`[code](nope.md)` and [web](https://example.org) and [top](#top)\n"
        "```\n[fenced](nope.md)\n```\n"
        '<img src="images/x.png"> [ref]: notes.md\n'
        "[ref]: other%20page.md\n"
    )
    links = scan_links(body, 20)
    assert [(link.target, link.line, link.col, link.is_image) for link in links] == [
        ("guide.md", 20, 17, False),
        ("images/cup.svg", 20, 46, True),
        ("images/x.png", 25, 11, True),
        ("other page.md", 26, 8, False),
    ]


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("a.md", "a.md"),
        ("a.md#x", "a.md"),
        ("a.md?v=1", "a.md"),
        ("my%20file.md", "my file.md"),
        ("#x", None),
        ("", None),
        ("https://example.org/a.md", None),
        ("mailto:a@example.org", None),
        ("//cdn.example.org/x.js", None),
        ("?only=query", None),
    ],
)
def test_relative_path(target, path):
    assert relative_path(target) == path


def test_rewrite_links_skips_images_and_code():
    markdown = '[a](a.md) ![i](i.png) `[c](c.md)`\n```\n[f](f.md)\n```\n[b](b.md "T")'
    seen = []

    def replace(text, target):
        seen.append((text, target))
        return f"[{text.upper()}]({target})" if target == "a.md" else None

    out = rewrite_links(markdown, replace)
    assert seen == [("a", "a.md"), ("b", "b.md")]
    assert out == '[A](a.md) ![i](i.png) `[c](c.md)`\n```\n[f](f.md)\n```\n[b](b.md "T")'


def test_scan_links_angle_bracket_destination_with_spaces():
    [link] = scan_links("See [x](<my page.md>).", 1)
    assert (link.target, link.col) == ("my page.md", 10)


def test_scan_links_reads_links_inside_an_admonition():
    body = '!!! tip "Hint"\n    See [sand](missing.md) and ![p](img/x.svg).\n'
    links = scan_links(body, 20)
    assert [(link.target, link.line, link.is_image) for link in links] == [
        ("missing.md", 21, False),
        ("img/x.svg", 21, True),
    ]


# --- the organisation's bands and facet names ----------------------------------------------------


SCHOOL = FacetSettings(
    age_bands=age_bands_from(
        [{"min": 60, "max": 95}, {"min": 96, "max": 131}, {"min": 132, "max": 179}]
    ),
    duration_limits=duration_limits_from([30, 60, 90]),
    names=facet_names_from({"areas": {"en": "Subject", "es": "Materia"}, "audience": "Who"}),
)


@pytest.mark.parametrize(
    ("age", "bands"),
    [
        ((60, 95), ["60-95"]),
        ((96, 131), ["96-131"]),
        ((108, 215), ["96-131", "132-179"]),
        ((84, 215), ["60-95", "96-131", "132-179"]),
        ((95, 95), ["60-95"]),
        ((96, 96), ["96-131"]),
        ((60, 96), ["60-95"]),  # "up to the 8th birthday" is not an activity for 8-year-olds
        ((36, 59), []),  # younger than every band: in no age band
        ((180, 216), []),
    ],
)
def test_custom_age_bands(age, bands):
    assert SCHOOL.values(make(age=age))["age"] == bands


@pytest.mark.parametrize(
    ("minutes", "band"), [(1, "0-30"), (30, "0-30"), (31, "30-60"), (90, "60-90"), (91, "90-plus")]
)
def test_custom_duration_bands(minutes, band):
    assert SCHOOL.values(make(duration=minutes))["duration"] == [band]


def test_custom_bands_are_labelled_by_the_same_rule_as_ages_in_every_language(project, en, es):
    activities = [make("a", age=(60, 95), duration=45), make("b", age=(108, 215), duration=120)]
    for strings, labels, durations, areas in (
        (
            en,
            ["5–7 years", "8–10 years", "11–14 years"],
            ["30–60 min", "More than 90 min"],
            "Subject",
        ),
        (es, ["5–7 años", "8–10 años", "11–14 años"], ["30–60 min", "Más de 90 min"], "Materia"),
    ):
        index = build_facet_index(activities, project.vocabulary(), strings, SCHOOL)
        assert [v.label for v in index.values("age")] == labels
        assert [v.label for v in index.values("age")] == [
            human_age(b.min, b.max, strings) for b in SCHOOL.age_bands
        ]
        assert [v.label for v in index.values("duration")] == durations
        assert index.labels["areas"] == areas
        assert index.labels["audience"] == "Who"  # one text for every language
        assert index.labels["duration"] == strings["facet_duration"]  # not configured


def test_a_band_label_can_be_given_per_language(en, es):
    (band,) = age_bands_from([{"min": 0, "max": 11, "label": {"en": "Babies"}}])
    assert band.label(en) == "Babies"
    assert band.label(es) == "0–11 meses"  # no Spanish label: the age in words


def test_default_bands_are_todays_early_childhood_bands(en):
    assert [b.value for b in FacetSettings().age_bands] == [
        "0-11",
        "12-23",
        "24-35",
        "36-47",
        "48-59",
        "60-71",
        "72-216",
    ]
    assert [b.label(en) for b in FacetSettings().age_bands] == [
        "0–11 months",
        "12–23 months",
        "2 years",
        "3 years",
        "4 years",
        "5 years",
        "6 years and older",
    ]
    assert [v for v, _, _ in FacetSettings().duration_bands()] == [
        "0-15",
        "15-30",
        "30-60",
        "60-plus",
    ]


AGES_HINT = "age_bands must be a list of bands in months, like "
DURATION_HINT = (
    "duration_bands must be increasing upper limits in whole minutes from 1 to 599, like "
    "[15, 30, 60] (up to 15, 15–30, 30–60, more than 60); found "
)
MONTHS = "must be a whole number of months from 0 to 216, found"


@pytest.mark.parametrize(
    ("reader", "raw", "message"),
    [
        (age_bands_from, [], AGES_HINT + "[{min: 60, max: 95}, {min: 96, max: 131}]"),
        (age_bands_from, [60, 95], "age band 1 must look like {min: 60, max: 95}, found 60"),
        (
            age_bands_from,
            [{"min": 60}],
            "age band 1: 'max' is missing (ages in months, e.g. 60 for 5)",
        ),
        (
            age_bands_from,
            [{"min": 60, "maxi": 95}],
            "age band 1: unknown key 'maxi' (did you mean 'max'?)",
        ),
        (age_bands_from, [{"min": 60, "max": 300}], f"age band 1: 'max' {MONTHS} 300"),
        (age_bands_from, [{"min": "5", "max": 7}], f"age band 1: 'min' {MONTHS} '5'"),
        (
            age_bands_from,
            [{"min": 95, "max": 60}],
            "age band 1: 'min' (95) is greater than 'max' (60)",
        ),
        (
            age_bands_from,
            [{"min": 60, "max": 95}, {"min": 90, "max": 131}],
            "age band 2 (90–131 months) starts before band 1 (60–95 months) ends: list bands "
            "from youngest to oldest, without overlaps",
        ),
        (
            age_bands_from,
            [{"min": 0, "max": 11, "label": {"en": 3}}],
            "age band 1: 'label' must be a text, or a text per language like "
            "{en: Babies, es: Bebés}; found {'en': 3}",
        ),
        (duration_limits_from, [30, 15], DURATION_HINT + "[30, 15]"),
        (duration_limits_from, [0, 15], DURATION_HINT + "[0, 15]"),
        (
            facet_names_from,
            {"area": "Subject"},
            "facet_names: unknown facet 'area' (did you mean 'areas'?)",
        ),
        (facet_names_from, ["Subject"], "facet_names must map facets to names, found ['Subject']"),
    ],
)
def test_band_settings_say_what_is_wrong(reader, raw, message):
    with pytest.raises(BandError) as caught:
        reader(raw)
    assert str(caught.value) == message


def test_age_band_value_names_its_months():
    assert AgeBand(60, 95).value == "60-95"
