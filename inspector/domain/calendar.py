"""The days Inspector works with: calls, evaluations, reports and due dates fall between FIRST_DAY and
LAST_DAY. A date outside (0001-01-01, 9999-12-31) is refused where it comes in, because a week before or a
day after it overflows Python's dates deep inside a report."""

from __future__ import annotations

from datetime import date

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
MAX_DUE_DAYS = 366


def day(value: str | date) -> date:
    """The ISO date as a date; ValueError with a message naming the value when it is not one we work with."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"{value.isoformat()} is outside {FIRST_DAY.isoformat()} … {LAST_DAY.isoformat()}")
    return value
