"""``inspector stats icc|alpha FILE.csv``: agreement statistics other tools can call (the JSON keys are a
contract: ``ICC(1,1)`` … ``ICC(3,k)`` and ``alpha``; intervals and counts come under other keys)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from inspector.calibration.ratings_csv import RatingsFileError, read_ratings
from inspector.cli.context import CliContext
from inspector.calibration.stats import ALPHA_LEVELS, StatisticsError, alpha, complete_units, icc


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("stats", help="inter-rater agreement of a ratings CSV (unit, rater1, rater2, …)")
    kinds = parser.add_subparsers(dest="statistic", required=True)
    icc_parser = kinds.add_parser("icc", help="the six Shrout & Fleiss ICC forms (units with a gap are left out)")
    icc_parser.add_argument("file", type=Path)
    icc_parser.add_argument("--format", choices=("json", "text"), default="json")
    alpha_parser = kinds.add_parser("alpha", help="Krippendorff's alpha (missing ratings allowed)")
    alpha_parser.add_argument("file", type=Path)
    alpha_parser.add_argument("--level", choices=ALPHA_LEVELS, default="interval")
    alpha_parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        result = _icc(args.file) if args.statistic == "icc" else _alpha(args.file, args.level)
    except (RatingsFileError, StatisticsError) as exc:
        print(f"inspector stats: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key}\t{value}")
    return 0


def _icc(path: Path) -> dict:
    table = read_ratings(path)
    estimates = icc(table.values)
    result: dict = {form: e.value for form, e in estimates.items()}
    result["ci95"] = {form: [e.low, e.high] for form, e in estimates.items()}
    result["units"] = int(complete_units(table.values).shape[0])
    result["units_left_out"] = len(table.units) - result["units"]
    result["raters"] = len(table.raters)
    return result


def _alpha(path: Path, level: str) -> dict:
    table = read_ratings(path, allow_text=level == "nominal")
    estimate = alpha(table.values, level)
    return {"alpha": estimate.value, "ci95": [estimate.low, estimate.high], "level": level,
            "units": len(table.units), "raters": len(table.raters),
            "ratings": int((~np.isnan(table.values)).sum())}
