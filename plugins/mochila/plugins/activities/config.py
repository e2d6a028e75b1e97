from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ActivitiesConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build the content as plain pages."""

    languages = c.ListOfItems(c.Type(str), default=["en"])
    """Site languages; the first is the default, whose files have no language suffix."""

    fallback_language = c.Type(str, default="en")
    """Language of the interface text a site language has no translation for (Material's and
    Mochila's own); English fills whatever that language lacks too."""

    license = c.Type(str, default="CC BY-SA 4.0")
    """Licence of activities that do not name their own."""

    edition = c.Type(str, default="")
    """Edition label shown in every footer; default: the date of the last content commit."""

    attribution = c.Type(str, default="")
    """A page of the content folder that names sources, authors and changes (e.g.
    ``ATTRIBUTION.md``): linked from every footer and from every activity's credit line."""
