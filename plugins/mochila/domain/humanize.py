"""Ages and durations written for people ("6–18 months", "2–4 years", "30 min")."""

from __future__ import annotations

from .strings import Strings


def _in_years(months: int) -> bool:
    return months >= 24 and months % 12 == 0


def human_age(age_min: int, age_max: int, strings: Strings) -> str:
    """Return an age range in months for babies and in years for older children."""
    if age_min == age_max:
        if age_min == 1:
            return strings.format("month_one", n=1)
        if _in_years(age_min):
            return strings.format("years_single", n=age_min // 12)
        return strings.format("months_single", n=age_min)
    if age_max <= 24 or age_max % 12:
        return strings.format("months_range", min=age_min, max=age_max)
    if age_min % 12 == 0:
        return strings.format("years_range", min=age_min // 12, max=age_max // 12)
    return strings.format("months_to_years", min=age_min, max=age_max // 12)


def human_duration(minutes: int, strings: Strings) -> str:
    return strings.format("minutes", n=minutes)
