from __future__ import annotations

from ..config_types import Flag, StrictConfig, Text


class ReflectionConfig(StrictConfig):
    enabled = Flag(True)
    """Turn off to publish activities without reflection prompts."""

    journal_page = Text(default="my-reflections.md")
    """Where the "My reflections" page is generated (a virtual file)."""
