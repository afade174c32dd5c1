"""Days as reports count them: calls by the day they took place, evaluations by the local day they were
submitted (stored as UTC, so an evaluation submitted at 07:00 in Beijing still counts on that day)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def iso_day(text: str | None) -> str:
    """YYYY-MM-DD of a sidecar's call time ('2026-11-01 09:00', '2026/11/01 …'); '' when it has none."""
    if not text:
        return ""
    head = text[:10].replace("/", "-")
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        return ""


def local_day(utc_text: str | None) -> str:
    """The local calendar day of a stored UTC timestamp; '' when there is none."""
    if not utc_text:
        return ""
    moment = datetime.fromisoformat(utc_text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date().isoformat()


def utc_bounds(day_from: str | None, day_to: str | None) -> tuple[str | None, str | None]:
    """The UTC timestamps (ISO text, comparable with stored ones) at which the local days begin and after
    which they end: [start, end)."""
    def start_of(day: date) -> str:
        return datetime.combine(day, time()).astimezone().astimezone(UTC).isoformat()
    return (start_of(date.fromisoformat(day_from)) if day_from else None,
            start_of(date.fromisoformat(day_to) + timedelta(days=1)) if day_to else None)


def days_between(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days
