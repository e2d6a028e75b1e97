"""The offline bundles a project declares: the one typed source the build reads them from."""

from __future__ import annotations

from ..config_types import Flag, Id, Items, Language, Months, Section, StrictConfig, Texts


class AgeRangeConfig(StrictConfig):
    min = Months()
    """Youngest age in months; activities for older children only are left out."""

    max = Months()
    """Oldest age in months; activities for younger children only are left out."""

    def validate(self):
        failed, warnings = super().validate()
        if not failed and self.min is not None and self.max is not None and self.min > self.max:
            failed.append(("min", f"'min' ({self.min}) is greater than 'max' ({self.max})"))
        return failed, warnings


class BundleConfig(StrictConfig):
    name = Id()
    """File-name-safe id of the bundle, e.g. ``families-es``."""

    language = Language()
    """The one language of the bundle (one of the site languages)."""

    title = Texts()
    """The bundle's title per language, e.g. ``{es: Para las familias}``."""

    audience = Items(Id(), default=[], what="a list of audience ids")
    """Keep activities for any of these audiences (empty: all)."""

    areas = Items(Id(), default=[], what="a list of area ids")
    """Keep activities in any of these areas (empty: all)."""

    tags = Items(Id(), default=[], what="a list of tag ids")
    """Keep activities with any of these tags (empty: all)."""

    age = Section(AgeRangeConfig)
    """Keep activities whose age range overlaps this one."""

    include_restricted = Flag(False)
    """Include facilitator-only (restricted) activities."""

    zim = Flag(False)
    """Also write the bundle as ``mochila-<name>-<edition>.zim`` for Kiwix (needs the extra
    ``mochila[zim]``)."""

    zim_compressed = Flag(False)
    """Compress the ZIM's pages: a file about 10× smaller for sending over mobile data, but
    written about 5× slower (libzim compresses at its fixed, strongest zstd level). Off, the
    pages are stored as they are, which Kiwix also opens fastest."""


class BundlesConfig(StrictConfig):
    enabled = Flag(True)
    """Turn off to build the website only."""

    bundles = Items(Section(BundleConfig), default=[], what="a list of bundles")
    """The offline bundles; empty means one ``full-<lang>`` bundle per site language."""

    def validate(self):
        failed, warnings = super().validate()
        if not failed:
            seen: dict[str, int] = {}
            for index, bundle in enumerate(self.bundles):
                if bundle.name in seen:
                    failed.append(
                        (
                            f"bundles[{index}].name",
                            f"'{bundle.name}' is already the name of bundles[{seen[bundle.name]}]",
                        )
                    )
                seen.setdefault(bundle.name, index)
        return failed, warnings
