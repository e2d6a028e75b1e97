"""Which activities an edition (the public site or a bundle) contains."""

from __future__ import annotations

from dataclasses import dataclass

from .activity import Activity


@dataclass(frozen=True)
class Selection:
    """A filter over activities. Empty criteria match everything.

    Drafts are only ever included for the author's preview; restricted activities only where
    an edition asks for them (a facilitators' bundle).
    """

    audience: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    age_min: int | None = None
    age_max: int | None = None
    include_restricted: bool = False
    include_drafts: bool = False

    def matches(self, activity: Activity) -> bool:
        if activity.is_draft and not self.include_drafts:
            return False
        if activity.is_restricted and not self.include_restricted:
            return False
        if self.audience and not set(self.audience) & set(activity.audience):
            return False
        if self.areas and not set(self.areas) & set(activity.areas):
            return False
        if self.tags and not set(self.tags) & set(activity.tags):
            return False
        if self.age_min is not None and activity.age_max < self.age_min:
            return False
        return not (self.age_max is not None and activity.age_min > self.age_max)

    def select(self, activities: list[Activity]) -> list[Activity]:
        return [a for a in activities if self.matches(a)]

    def describe(self) -> dict[str, object]:
        """Return the criteria as plain data (for manifests)."""
        return {
            "audience": list(self.audience),
            "areas": list(self.areas),
            "tags": list(self.tags),
            "age": {"min": self.age_min, "max": self.age_max},
            "include_restricted": self.include_restricted,
        }
