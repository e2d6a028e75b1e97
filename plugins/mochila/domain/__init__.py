"""The pure domain model: activities, vocabulary, catalogue, facets and bundle selection.

Nothing in here imports mkdocs or click, so the rules can be tested without a build and the
site engine can be replaced without touching them.
"""
