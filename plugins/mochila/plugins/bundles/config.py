from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AgeRangeConfig(Config):
    min = c.Optional(c.Type(int))
    """Youngest age in months; activities for older children only are left out."""

    max = c.Optional(c.Type(int))
    """Oldest age in months; activities for younger children only are left out."""


class BundleConfig(Config):
    name = c.Type(str)
    """File-name-safe id of the bundle, e.g. ``families-es``."""

    language = c.Type(str)
    """The one language of the bundle."""

    title = c.Type(dict, default={})
    """The bundle's title per language, e.g. ``{es: Para las familias}``."""

    audience = c.ListOfItems(c.Type(str), default=[])
    """Keep activities for any of these audiences (empty: all)."""

    areas = c.ListOfItems(c.Type(str), default=[])
    """Keep activities in any of these areas (empty: all)."""

    tags = c.ListOfItems(c.Type(str), default=[])
    """Keep activities with any of these tags (empty: all)."""

    age = c.SubConfig(AgeRangeConfig)
    """Keep activities whose age range overlaps this one."""

    include_restricted = c.Type(bool, default=False)
    """Include facilitator-only (restricted) activities."""

    zim = c.Type(bool, default=False)
    """Also write the bundle as ``mochila-<name>-<edition>.zim`` for Kiwix (needs the extra
    ``mochila[zim]``)."""


class BundlesConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn off to build the website only."""

    bundles = c.ListOfItems(c.SubConfig(BundleConfig), default=[])
    """The offline bundles; empty means one ``full-<lang>`` bundle per site language."""
