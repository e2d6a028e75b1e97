"""Settings that shape how content is read: languages, licence, where activities live."""

from __future__ import annotations

import re
from dataclasses import dataclass

LANG_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class ContentSettings:
    """How to read a content folder. The first language is the default (no file suffix)."""

    languages: tuple[str, ...] = ("en",)
    default_license: str = "CC BY-SA 4.0"
    activities_dir: str = "activities"
    max_path_length: int = 150

    @property
    def default_lang(self) -> str:
        return self.languages[0]
