from __future__ import annotations

from ..config_types import Flag, StrictConfig, Text


class FacetsConfig(StrictConfig):
    enabled = Flag(True)
    """Turn off to publish without catalogue and facet pages."""

    catalogue_page = Text(default="catalogue.md")
    """Where the "All activities" page is generated."""

    browse_page = Text(default="browse.md")
    """Where the page listing every facet and value is generated."""

    catalogue_marker = Text(default="<!-- mochila:catalogue -->")
    """A line in any page that is replaced by the catalogue (the home page uses it)."""
