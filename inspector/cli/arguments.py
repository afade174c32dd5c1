"""Argument types shared by commands, so a bad value is refused the same way everywhere (exit 2, the value
named): every number and date a command takes is range-checked here, before it reaches the core."""

from __future__ import annotations

import argparse
import datetime
import math
from collections.abc import Callable

from inspector.domain.calendar import day


def iso_date(value: str) -> datetime.date:
    """A day between the calendar's first and last (domain.calendar)."""
    try:
        return day(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def iso_day(value: str) -> str:
    """iso_date, kept as its ISO text for filters that compare text."""
    return iso_date(value).isoformat()


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


def number_between(low: float, high: float) -> Callable[[str], float]:
    """A finite number in [low, high]: float() also reads nan and inf, which compare false with everything."""
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
        if not math.isfinite(number) or not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:g} to {high:g}, not {value}")
        return number
    return parse
