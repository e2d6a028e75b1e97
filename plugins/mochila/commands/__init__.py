"""Orchestration: reads the project, checks content, runs one mkdocs build per edition variant,
packages bundles and swaps finished output into place."""
