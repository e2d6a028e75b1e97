"""Unit tests for one activity's front matter against the content contract (domain/activity.py).

Why: these are the rules authors meet most often; each message must name the field, what was
expected and what was found, on the line where the author wrote it.
"""

from __future__ import annotations

import pytest

from mochila.domain.activity import Activity, Prompt, check_activity
from mochila.domain.source import split


@pytest.fixture
def vocabulary(project):
    return project.vocabulary()


@pytest.fixture
def check(vocabulary, make_activity_text):
    """Check an activity built from field overrides; return (activity, formatted problems)."""

    def run(text: str | None = None, *, lang="en", key="activities/a.md", **fields):
        if text is None:
            text = make_activity_text(**fields)
        source, problems = split("content/activities/a.md", text)
        assert problems == []
        activity, found = check_activity(
            source,
            vocabulary,
            lang=lang,
            key=key,
            rel_path="activities/a.md",
            default_license="CC BY-SA 4.0",
        )
        return activity, [p.format() for p in found]

    return run


def test_minimal_activity_is_valid_with_defaults(check):
    activity, problems = check()
    assert problems == []
    assert isinstance(activity, Activity)
    assert (activity.id, activity.title, activity.lang, activity.key) == (
        "water-play",
        "Water play",
        "en",
        "activities/a.md",
    )
    assert activity.summary == "Babies pour water and watch leaves float."
    assert (activity.audience, activity.areas, activity.tags) == (["families"], ["sensory"], [])
    assert (activity.age_min, activity.age_max, activity.duration) == (6, 36, 20)
    assert (activity.status, activity.visibility) == ("published", "public")
    assert activity.license == "CC BY-SA 4.0"
    assert not activity.is_draft and not activity.is_restricted
    assert activity.body == "\nPour water from one cup into another.\n"
    assert activity.body_line == 10
    assert activity.lines == {
        "id": 2,
        "title": 3,
        "summary": 4,
        "audience": 5,
        "age": 6,
        "duration": 7,
        "areas": 8,
    }


def test_full_activity_with_every_optional_field(check):
    extra = "\n".join(
        [
            "tags: [water, outdoor]",
            "materials:",
            '  - "a basin"',
            "  - 2 cups",
            "reflection:",
            "  before:",
            '    - "What did you play with water?"',
            "    - prompt: How do you keep a child safe?",
            "      notes: Never leave a baby alone near water.",
            "  after:",
            "    - What surprised you?",
            "related: [sand-play, mud-kitchen]",
            "status: draft",
            "visibility: restricted",
            "license: CC BY 4.0",
            "authors: [Ana, Luis]",
            "updated: 2026-11-20",
        ]
    )
    activity, problems = check(extra=extra, summary="  Babies   pour\n water.  ")
    assert problems == []
    assert activity.tags == ["water", "outdoor"]
    assert activity.materials == ["a basin", "2 cups"]
    assert activity.before == [
        Prompt("What did you play with water?"),
        Prompt("How do you keep a child safe?", "Never leave a baby alone near water."),
    ]
    assert activity.after == [Prompt("What surprised you?")]
    assert activity.related == ["sand-play", "mud-kitchen"]
    # The summary spans lines 4-5 (a plain scalar folded over two lines), so 'related' is on 21.
    assert activity.related_lines == [21, 21]
    assert activity.is_draft and activity.is_restricted
    assert activity.license == "CC BY 4.0"
    assert activity.authors == ["Ana", "Luis"]
    assert activity.updated == "2026-11-20"
    assert activity.summary == "Babies pour water."


def test_related_lines_follow_a_block_list(check):
    activity, problems = check(extra="related:\n  - sand-play\n  - mud-kitchen")
    assert problems == []
    assert activity.related_lines == [10, 11]


def test_a_single_string_is_accepted_for_a_list_of_terms(check):
    activity, problems = check(areas="motor", audience="educators")
    assert problems == []
    assert (activity.areas, activity.audience) == (["motor"], ["educators"])


def test_numbers_are_accepted_as_text(check):
    activity, problems = check(title="1 2 3")
    assert problems == []
    assert activity.title == "1 2 3"
    activity, problems = check(title="2048")
    assert problems == []
    assert activity.title == "2048"


def test_updated_as_quoted_string_is_normalised(check):
    activity, problems = check(extra='updated: "2026-01-05"')
    assert problems == []
    assert activity.updated == "2026-01-05"


def test_no_front_matter(check):
    activity, problems = check("Only a body.\n")
    assert activity is None
    assert problems == [
        "content/activities/a.md:1:1: error: this activity has no front matter (start the file "
        "with a line '---', the fields (id, title, summary, audience, age, duration, areas), and "
        "another '---'; 'mochila new' writes one for you)"
    ]


@pytest.mark.parametrize(
    "missing", ["id", "title", "summary", "audience", "age", "duration", "areas"]
)
def test_each_missing_required_field_is_reported_on_the_closing_fence(check, missing):
    activity, problems = check(**{missing: None})
    assert activity is None
    assert problems == [
        f"content/activities/a.md:8:1: error: required field '{missing}' is missing "
        f"(add '{missing}: ...')"
    ]


def test_all_missing_fields_are_reported_together(check):
    activity, problems = check("---\ntitle: Only a title\n---\n")
    assert activity is None
    assert problems == [
        f"content/activities/a.md:3:1: error: required field '{name}' is missing "
        f"(add '{name}: ...')"
        for name in ("id", "summary", "audience", "age", "duration", "areas")
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"title": "[a, b]"},
            "3:1: error: 'title' must be a single line of text (write it in quotes)",
        ),
        (
            {"title": "t" * 121},
            "3:1: error: 'title' must be 1 to 120 characters long, found 121 (shorten it)",
        ),
        (
            {"title": '""'},
            "3:1: error: 'title' must be 1 to 120 characters long, found 0 (write it)",
        ),
        (
            {"summary": "x" * 301},
            "4:1: error: 'summary' must be 1 to 300 characters long, found 301 (shorten it)",
        ),
        (
            {"summary": "A **bold** idea."},
            "4:1: error: 'summary' must be plain text (remove Markdown or HTML marks)",
        ),
        (
            {"summary": "See [this](other.md) page."},
            "4:1: error: 'summary' must be plain text (remove Markdown or HTML marks)",
        ),
        (
            {"summary": "Uses <b>HTML</b>."},
            "4:1: error: 'summary' must be plain text (remove Markdown or HTML marks)",
        ),
        (
            {"id": "Water_Play"},
            "2:1: error: 'id' must use lowercase letters, digits and single dashes, "
            "found 'Water_Play' (e.g. 'id: water-play')",
        ),
        (
            {"id": "water--play"},
            "2:1: error: 'id' must use lowercase letters, digits and single dashes, "
            "found 'water--play' (e.g. 'id: water-play')",
        ),
        (
            {"id": "42"},
            "2:1: error: 'id' must use lowercase letters, digits and single dashes, "
            "found 42 (e.g. 'id: water-play')",
        ),
        (
            {"duration": "twenty"},
            "7:1: error: 'duration' must be a whole number of minutes, found 'twenty' "
            "(write a number from 1 to 600, e.g. 'duration: 30')",
        ),
        (
            {"duration": "20.5"},
            "7:1: error: 'duration' must be a whole number of minutes, found 20.5 "
            "(write a number from 1 to 600, e.g. 'duration: 30')",
        ),
        (
            {"duration": "0"},
            "7:1: error: 'duration' must be between 1 and 600 minutes, found 0 "
            "(use a number from 1 to 600)",
        ),
        (
            {"duration": "601"},
            "7:1: error: 'duration' must be between 1 and 600 minutes, found 601 "
            "(use a number from 1 to 600)",
        ),
        (
            {"age": "{min: 6}"},
            "6:1: error: 'age' needs 'min' and 'max' in months "
            "(write it in months, e.g. 'age: {min: 24, max: 48}' for 2 to 4 years)",
        ),
        (
            {"age": "2-4 years"},
            "6:1: error: 'age' needs 'min' and 'max' in months "
            "(write it in months, e.g. 'age: {min: 24, max: 48}' for 2 to 4 years)",
        ),
        (
            {"age": "{min: 6, max: 36, avg: 12}"},
            "6:1: error: unknown key 'avg' in 'age' "
            "(write it in months, e.g. 'age: {min: 24, max: 48}' for 2 to 4 years)",
        ),
        (
            {"age": "{min: 40, max: 20}"},
            "6:1: error: 'age.min' (40) is greater than 'age.max' (20) "
            "(write it in months, e.g. 'age: {min: 24, max: 48}' for 2 to 4 years)",
        ),
        (
            {"age": "{min: 6, max: 217}"},
            "6:1: error: 'age.max' must be between 0 and 216 months, found 217 "
            "(use a number from 0 to 216)",
        ),
        (
            {"age": "{min: -1, max: 12}"},
            "6:1: error: 'age.min' must be between 0 and 216 months, found -1 "
            "(use a number from 0 to 216)",
        ),
        (
            {"age": "{min: one, max: 12}"},
            "6:1: error: 'age.min' must be a whole number of months, found 'one' "
            "(write a number from 0 to 216, e.g. 'age.min: 30')",
        ),
        (
            {"audience": "[famlies]"},
            "5:1: error: unknown audience 'famlies' in 'audience' (did you mean 'families'?)",
        ),
        (
            {"areas": "[motr]"},
            "8:1: error: unknown area 'motr' in 'areas' (did you mean 'motor'?)",
        ),
        (
            {"areas": "[zzz]"},
            "8:1: error: unknown area 'zzz' in 'areas' (choose one of: language, motor, sensory)",
        ),
        (
            {"areas": "[]"},
            "8:1: error: 'areas' must be a list with at least one value "
            "(e.g. 'areas: [motor, language]')",
        ),
        (
            {"areas": "[sensory, sensory]"},
            "8:1: error: 'sensory' is listed twice in 'areas' (keep one)",
        ),
        (
            {"audience": "{families: yes}"},
            "5:1: error: 'audience' must be a list with at least one value "
            "(e.g. 'audience: [families, educators]')",
        ),
    ],
    ids=lambda value: None if isinstance(value, str) else "-".join(value),
)
def test_bad_field_values(check, fields, expected):
    activity, problems = check(**fields)
    assert activity is None
    assert problems == [f"content/activities/a.md:{expected}"]


def test_age_errors_point_at_the_line_of_min_or_max_in_a_block_mapping(check):
    activity, problems = check(age="\n  min: 6\n  max: 300")
    assert activity is None
    assert problems == [
        "content/activities/a.md:8:1: error: 'age.max' must be between 0 and 216 months, "
        "found 300 (use a number from 0 to 216)"
    ]


def test_age_boundaries_are_accepted(check):
    activity, problems = check(age="{min: 0, max: 216}", duration="600")
    assert problems == []
    assert (activity.age_min, activity.age_max, activity.duration) == (0, 216, 600)
    activity, problems = check(age="{min: 24, max: 24}", duration="1")
    assert problems == []
    assert (activity.age_min, activity.age_max, activity.duration) == (24, 24, 1)


def test_unknown_item_in_a_block_list_is_reported_on_its_own_line(check):
    activity, problems = check(areas="\n  - sensory\n  - motr")
    assert activity is None
    assert problems == [
        "content/activities/a.md:10:1: error: unknown area 'motr' in 'areas' "
        "(did you mean 'motor'?)"
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("durration: 20", ["9:1: error: unknown field 'durration' (did you mean 'duration'?)"]),
        ("licence: CC0", ["9:1: error: unknown field 'licence' (did you mean 'license'?)"]),
        ("colour: red", ["9:1: error: unknown field 'colour' (see the list of allowed values)"]),
        (
            "tags: [outdor]",
            ["9:1: error: unknown tag 'outdor' in 'tags' (did you mean 'outdoor'?)"],
        ),
        ("tags: water", []),
        (
            "status: publshed",
            [
                "9:1: error: 'status' must be one of draft, published, found 'publshed' "
                "(did you mean 'published'?)"
            ],
        ),
        (
            "visibility: secret",
            [
                "9:1: error: 'visibility' must be one of public, restricted, found 'secret' "
                "(choose one of: public, restricted)"
            ],
        ),
        (
            "updated: yesterday",
            ["9:1: error: 'updated' must be a date like 2026-10-14, found 'yesterday'"],
        ),
        (
            "updated: 14/10/2026",
            ["9:1: error: 'updated' must be a date like 2026-10-14, found '14/10/2026'"],
        ),
        (
            "related: sand-play",
            ["9:1: error: 'related' must be a list of activity ids (e.g. 'related: [sand-play]')"],
        ),
        ("related: [Sand Play]", ["9:1: error: 'Sand Play' in 'related' is not an activity id"]),
        (
            "materials: a basin",
            ["9:1: error: 'materials' must be a list (write each item as '  - ...')"],
        ),
        ("materials: ['']", ["9:1: error: each item of 'materials' must be text"]),
        (
            "reflection: [a, b]",
            [
                "9:1: error: 'reflection' must have 'before' and/or 'after' lists "
                "(write 'reflection:' with 'before:' and 'after:' lists of questions)"
            ],
        ),
        (
            "reflection:\n  befor: [a]",
            ["10:1: error: unknown key 'befor' in 'reflection' (did you mean 'before'?)"],
        ),
        (
            "reflection:\n  after: just one",
            [
                "10:1: error: 'reflection.after' must be a list of questions "
                "(write 'reflection:' with 'before:' and 'after:' lists of questions)"
            ],
        ),
        (
            "reflection:\n  before:\n    - ok?\n    - {prompt: x, extra: y}",
            [
                "12:1: error: item 2 of 'reflection.before' must be a question, or 'prompt:' "
                "with optional 'notes:' (e.g. '- prompt: How do you do this today?')"
            ],
        ),
    ],
    ids=lambda value: value.split(":")[0] if isinstance(value, str) else None,
)
def test_bad_optional_fields(check, extra, expected):
    activity, problems = check(extra=extra)
    assert problems == [f"content/activities/a.md:{line}" for line in expected]
    if expected:
        assert activity is None
    else:
        assert activity is not None


def test_unknown_field_is_also_missing_when_it_replaces_a_required_one(check):
    activity, problems = check(duration=None, extra="durration: 20")
    assert activity is None
    assert problems == [
        "content/activities/a.md:8:1: error: unknown field 'durration' (did you mean 'duration'?)",
        "content/activities/a.md:9:1: error: required field 'duration' is missing "
        "(add 'duration: ...')",
    ]


def test_every_problem_of_one_file_is_reported_not_only_the_first(check):
    activity, problems = check(
        title="[x]", duration="0", areas="[motr]", extra="status: gone\nmystery: 1"
    )
    assert activity is None
    assert [p.split(": error: ")[0] for p in problems] == [
        "content/activities/a.md:10:1",  # unknown field 'mystery'
        "content/activities/a.md:3:1",  # title
        "content/activities/a.md:8:1",  # areas
        "content/activities/a.md:7:1",  # duration
        "content/activities/a.md:9:1",  # status
    ]


def test_self_related_is_not_a_problem_of_the_file_alone(check):
    # The cross-file check reports it (see the catalogue tests); here it is just a valid id.
    activity, problems = check(extra="related: [water-play]")
    assert problems == []
    assert activity.related == ["water-play"]


def test_impossible_date_is_a_problem_not_a_crash(check):
    activity, problems = check(extra="updated: 2026-02-30")
    assert activity is None
    assert problems == [
        "content/activities/a.md:9:1: error: 'updated' must be a date like 2026-10-14, "
        "found '2026-02-30'"
    ]


def test_unknown_yaml_tag_is_a_problem_not_a_crash(make_activity_text):
    source, problems = split("content/activities/a.md", make_activity_text(title="!foo bar"))
    assert source is None
    assert len(problems) == 1
    assert (problems[0].line, problems[0].is_error) == (3, True)
