"""Argument types shared by commands, so a bad value is refused the same way everywhere (exit 2, the value
named)."""

from __future__ import annotations

import argparse
import datetime


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc
