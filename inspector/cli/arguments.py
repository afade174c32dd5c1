"""Argument types shared by commands, so a bad value is refused the same way everywhere (exit 2, the value
named)."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def count_between(low: int, high: int) -> Callable[[str], int]:
    """A whole number in [low, high]: a huge one would otherwise reach SQLite and overflow its integers."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from exc
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {value}")
        return number
    return parse
