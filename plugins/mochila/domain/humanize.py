"""Ages and durations written for people ("6–18 months", "5–7 years", "30 min").

This is the one place an age range becomes words: the activity card, the catalogue cards, the
filter and browse labels of age bands, search entries and the printed page all show what
``human_age`` returns (the browser scripts only show text rendered here).
"""

from __future__ import annotations

from .rules import MAX_AGE_MONTHS as AGE_CAP
from .strings import Strings


def _ends_a_year(months: int) -> bool:
    """True when a range ending at ``months`` reads as ending at a whole year.

    Authors write the upper end two ways: up to a birthday (24–36, "2–3 years") or through the
    last month of a year (60–95, "5–7 years": a child of 7 years and 11 months is still 7).
    A range that ends by the second birthday is said in months.
    """
    return months > 24 and months % 12 in (0, 11)


def human_age(age_min: int, age_max: int, strings: Strings) -> str:
    """Return an age range in months for babies and in whole years when it covers whole years.

    Examples (English): 6–18 → "6–18 months", 60–95 → "5–7 years", 24–36 → "2–3 years",
    60–71 → "5 years", 6–36 → "6 months – 3 years", 72–216 → "6 years and older".
    """
    if age_min == age_max:
        if age_min == 1:
            return strings.format("month_one", n=1)
        if age_min >= 24 and age_min % 12 == 0:
            return strings.format("years_single", n=age_min // 12)
        return strings.format("months_single", n=age_min)
    if age_max == AGE_CAP:
        if age_min >= 12 and age_min % 12 == 0:
            return strings.format("years_and_older", n=age_min // 12)
        return strings.format("months_and_older", n=age_min)
    if not _ends_a_year(age_max):
        return strings.format("months_range", min=age_min, max=age_max)
    if age_min % 12:
        return strings.format("months_to_years", min=age_min, max=age_max // 12)
    if age_min // 12 == age_max // 12:
        return strings.format("years_single", n=age_min // 12)
    return strings.format("years_range", min=age_min // 12, max=age_max // 12)


def human_duration(minutes: int, strings: Strings) -> str:
    return strings.format("minutes", n=minutes)
