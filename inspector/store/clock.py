"""Timestamps stored in the database: UTC, ISO 8601 text, so they sort and compare as strings."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now(precise: bool = False) -> str:
    """Seconds for what people read; microseconds where rows saved within one second must still order."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds" if precise else "seconds")
