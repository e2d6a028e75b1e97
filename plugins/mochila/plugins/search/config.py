from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn off to publish without search (the header then has no search box)."""
