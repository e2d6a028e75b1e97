from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ReflectionConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn off to publish activities without reflection prompts."""

    journal_page = c.Type(str, default="my-reflections.md")
    """Where the "My reflections" page is generated (a virtual file)."""
