from __future__ import annotations

from mkdocs.config.base import BaseConfigOption, ValidationError

from ...domain import facets
from ...domain.facets import FacetSettings
from ..config_types import Flag, StrictConfig, Text


class _Read(BaseConfigOption):
    """An option read by a domain function, which says in plain words what is wrong."""

    def __init__(self, read, default) -> None:
        super().__init__()
        self._read = read
        self.default = default

    def run_validation(self, value):
        if value is None or value is self.default:
            return self.default
        try:
            return self._read(value)
        except facets.BandError as error:
            raise ValidationError(str(error)) from None


class FacetsConfig(StrictConfig):
    enabled = Flag(True)
    """Turn off to publish without catalogue and facet pages."""

    catalogue_page = Text(default="catalogue.md")
    """Where the "All activities" page is generated."""

    browse_page = Text(default="browse.md")
    """Where the page listing every facet and value is generated."""

    catalogue_marker = Text(default="<!-- mochila:catalogue -->")
    """A line in any page that is replaced by the catalogue (the home page uses it)."""

    age_bands = _Read(facets.age_bands_from, facets.DEFAULT_AGE_BANDS)
    """Age bands of the filter and browse pages, in months, both ends included:
    ``[{min: 60, max: 95}, {min: 96, max: 131, label: {en: ..., es: ...}}]``. Labels default
    to the age written for people ("5–7 years"). Default: one band per year up to 6 years."""

    duration_bands = _Read(facets.duration_limits_from, facets.DEFAULT_DURATION_LIMITS)
    """Upper limits of the duration bands in minutes: ``[15, 30, 60]`` gives up to 15,
    15–30, 30–60 and more than 60 minutes."""

    facet_names = _Read(facets.facet_names_from, {})
    """Names of the facets per language, e.g. ``{areas: {en: Subject, es: Materia}}``;
    facets and languages left out keep the UI strings ("Development area", "For")."""


def facet_settings(config: FacetsConfig) -> FacetSettings:
    """The domain's view of the validated options: bands and facet names."""
    return FacetSettings(
        age_bands=config.age_bands,
        duration_limits=config.duration_bands,
        names=config.facet_names,
    )
