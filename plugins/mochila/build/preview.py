"""``mochila serve``: live preview (placeholder until the preview issue lands)."""

from __future__ import annotations
