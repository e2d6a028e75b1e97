"""The names mkdocs.yml lists Mochila's plugins by (registered in pyproject.toml's
``mkdocs.plugins`` entry points)."""

ACTIVITIES = "mochila/activities"
REFLECTION = "mochila/reflection"
FACETS = "mochila/facets"
BUNDLES = "mochila/bundles"
SEARCH = "mochila/search"
