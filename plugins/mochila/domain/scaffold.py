"""A new activity file from a template, with the required fields filled in."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .strings import Strings

MAX_SLUG = 60


def slugify(title: str) -> str:
    """Return a file-name-safe id: accents folded, lowercase, words joined by dashes."""
    folded = unicodedata.normalize("NFKD", title)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


@dataclass
class NewActivity:
    title: str
    id: str
    summary: str
    audience: list[str]
    age_min: int
    age_max: int
    duration: int
    areas: list[str]
    tags: list[str] = field(default_factory=list)


SKELETON = {
    "en": """{intro}

## Getting ready

1. What to prepare and where.

## Step by step

1. First step.
2. Second step.
3. Third step.

:::reflect
What did you notice about how the child responded?
:::

## Variations

- For younger children:
- For older children:

## What to look for

- What the child tries, repeats or says.
""",
    "es": """{intro}

## Preparación

1. Qué preparar y dónde.

## Paso a paso

1. Primer paso.
2. Segundo paso.
3. Tercer paso.

:::reflect
¿Qué notó en la forma en que respondió el niño o la niña?
:::

## Variaciones

- Para niños y niñas más pequeños:
- Para niños y niñas más grandes:

## Qué observar

- Lo que el niño o la niña intenta, repite o dice.
""",
}

PROMPTS = {
    "en": (
        "How do you do this with children today?",
        "What went differently from what you expected?",
    ),
    "es": (
        "¿Cómo hace esto hoy con los niños y las niñas?",
        "¿Qué salió distinto de lo que esperaba?",
    ),
}


def render_activity(new: NewActivity, strings: Strings) -> str:
    """Return the text of a new activity file that passes the checker once saved."""
    lang = strings.lang if strings.lang in SKELETON else "en"
    before, after = PROMPTS[lang]
    front = {
        "id": new.id,
        "title": new.title,
        "summary": new.summary,
        "audience": new.audience,
        "age": {"min": new.age_min, "max": new.age_max},
        "duration": new.duration,
        "areas": new.areas,
    }
    if new.tags:
        front["tags"] = new.tags
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
    dumped = dumped.replace("age:\n  min: ", "age: {min: ").replace("\n  max: ", ", max: ")
    dumped = re.sub(r"(age: \{min: \d+, max: \d+)", r"\1}", dumped)
    template = (
        '---\n{front}materials:\n  - ""\nreflection:\n  before:\n    - "{before}"\n'
        '  after:\n    - "{after}"\n---\n\n{body}'
    )
    text = template.format(
        front=dumped, before=before, after=after, body=SKELETON[lang].format(intro=new.summary)
    )
    # An empty materials item would not pass the checker: leave the list for the author to fill.
    return text.replace('materials:\n  - ""\n', "materials: []\n")
