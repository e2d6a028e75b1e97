from __future__ import annotations

from ..config_types import Flag, Items, Language, StrictConfig, Text


class ActivitiesConfig(StrictConfig):
    enabled = Flag(True)
    """Turn the plugin off to build the content as plain pages."""

    languages = Items(Language(), default=["en"], what="a list of language codes, e.g. [en, es]")
    """Site languages; the first is the default, whose files have no language suffix."""

    fallback_language = Language(default="en")
    """Language of the interface text a site language has no translation for (Material's and
    Mochila's own); English fills whatever that language lacks too."""

    license = Text(default="CC BY-SA 4.0")
    """Licence of activities that do not name their own."""

    edition = Text(default="")
    """Edition label shown in every footer; default: the date of the last content commit."""

    attribution = Text(default="")
    """A page of the content folder that names sources, authors and changes (e.g.
    ``ATTRIBUTION.md``): linked from every footer and from every activity's credit line."""

    def validate(self):
        failed, warnings = super().validate()
        if not failed:
            if not self.languages:
                failed.append(("languages", "expected at least one language code"))
            for index, lang in enumerate(self.languages):
                if lang in self.languages[:index]:
                    failed.append((f"languages[{index}]", f"'{lang}' is listed twice"))
        return failed, warnings
