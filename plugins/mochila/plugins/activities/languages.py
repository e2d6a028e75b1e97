"""The site languages of one build: their own names and directions, their UI text, and what
falls back to another language when Material or Mochila has no translation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ...domain.languages import Language
from ...domain.strings import Strings, load_strings
from ..cldr import describe


@dataclass(frozen=True)
class SiteLanguage:
    """One site language as a build uses it. ``material`` is the language whose Material UI
    translation the pages use: the language itself, or the fallback when Material lacks it."""

    language: Language
    strings: Strings
    material: str

    def fallback_note(self, total: int) -> str | None:
        """One sentence saying what of this language's interface is shown in the fallback
        language and how to translate it, or None when nothing falls back."""
        lang = self.language.code
        gaps = []
        if self.strings.missing:
            gaps.append(f"{len(self.strings.missing)} of {total} Mochila interface texts")
        if self.material != lang:
            gaps.append("Material's own interface (search box, navigation, footer)")
        if not gaps:
            return None
        return (
            f"site language '{lang}' ({self.language.menu_name}) has no translation of "
            f"{' and '.join(gaps)}: shown in '{self.strings.fallback}' instead. To translate "
            f"Mochila's texts, copy plugins/mochila/locales/en.yml to _locales/{lang}.yml in the "
            "content folder."
        )


def site_languages(
    config: MkDocsConfig, codes: tuple[str, ...], locales: Path, fallback: str
) -> dict[str, SiteLanguage]:
    """Every site language, with its UI strings read from the built-in and project locales."""
    material_fallback = fallback if has_material_translation(config, fallback) else "en"
    result = {}
    for code in codes:
        strings = load_strings(code, locales, fallback)
        language = describe(code, strings.get("language_name"), strings.get("direction"))
        material = code if has_material_translation(config, code) else material_fallback
        result[code] = SiteLanguage(language, strings, material)
    return result


def has_material_translation(config: MkDocsConfig, code: str) -> bool:
    """Whether the theme (Material or an override) has ``partials/languages/<code>.html``."""
    return any(
        (Path(folder) / "partials" / "languages" / f"{code}.html").is_file()
        for folder in config.theme.dirs
    )
