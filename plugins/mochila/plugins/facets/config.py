from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FacetsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn off to publish without catalogue and facet pages."""

    catalogue_page = c.Type(str, default="catalogue.md")
    """Where the "All activities" page is generated."""

    browse_page = c.Type(str, default="browse.md")
    """Where the page listing every facet and value is generated."""

    catalogue_marker = c.Type(str, default="<!-- mochila:catalogue -->")
    """A line in any page that is replaced by the catalogue (the home page uses it)."""
