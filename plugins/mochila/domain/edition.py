"""An edition: one output of a build (a language of the website, an offline bundle, a preview)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .selection import Selection

SITE, BUNDLE, PREVIEW = "site", "bundle", "preview"


@dataclass(frozen=True)
class Edition:
    """What one site build contains and how it presents itself.

    ``languages`` lists the languages published side by side (website only; a bundle has one),
    the first at the site root and the others in a folder named after their code.
    """

    kind: str
    name: str
    lang: str
    selection: Selection = field(default_factory=Selection)
    label: str = ""
    title: str = ""
    languages: tuple[str, ...] = ()

    @property
    def offline(self) -> bool:
        return self.kind == BUNDLE

    @property
    def store(self) -> str:
        """Namespace for answers saved in the browser: one per bundle, one per site language.

        Every page opened from ``file://`` shares one storage area, so two bundles on one laptop
        must not see each other's answers; a newer edition of a bundle keeps them.
        """
        if self.kind == BUNDLE:
            return f"bundle-{self.name}"
        return f"{self.kind}-{self.lang}"

    def prefix(self, lang: str) -> str:
        """Folder of a language's site relative to the website root ('' for the first)."""
        if not self.languages or lang == self.languages[0]:
            return ""
        return f"{lang}/"
