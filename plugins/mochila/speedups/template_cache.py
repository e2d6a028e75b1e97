"""Compiled theme templates shared by the mkdocs builds of one process.

Each mkdocs build makes a new Jinja environment and compiles Material's templates again; the
editions built one after another in a worker, and the preview's rebuilds, reuse them instead.
"""

from __future__ import annotations

import jinja2


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept between rebuilds (keyed by each template's source)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key + bucket.checksum)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key + bucket.checksum] = bucket.bytecode_to_string()
