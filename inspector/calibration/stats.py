"""Inter-rater agreement: ICC (the six Shrout & Fleiss forms), Krippendorff's alpha, Cohen's and Fleiss'
kappa, each with a percentile bootstrap interval over units.

A calibration session rates few calls, so a point value alone overstates what the lead knows; the
interval says how far the number could move with other calls. Units are resampled (not ratings), which
keeps each unit's raters together as the designs assume. The seed is fixed so that a report printed twice
shows the same interval.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import krippendorff
import numpy as np

ICC_FORMS = ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")
ALPHA_LEVELS = ("nominal", "ordinal", "interval", "ratio")
BOOTSTRAP_SAMPLES = 2000


class StatisticsError(ValueError):
    """The ratings cannot give this statistic (too few units or raters, no variation); the message says why."""


@dataclass(frozen=True)
class Estimate:
    value: float
    low: float | None = None     # 95 % bootstrap interval; None when too few resamples were defined
    high: float | None = None


def icc_forms(ratings: np.ndarray) -> dict[str, float]:
    """Shrout & Fleiss (1979) from the two-way ANOVA mean squares; `ratings` is targets × judges, complete."""
    x = np.asarray(ratings, dtype=float)
    n, k = x.shape
    if n < 2 or k < 2:
        raise StatisticsError(f"ICC needs at least 2 units and 2 raters with complete ratings (have {n}×{k})")
    grand = x.mean()
    ss_total = ((x - grand) ** 2).sum()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    bms = ss_rows / (n - 1)
    jms = ss_cols / (k - 1)
    wms = (ss_total - ss_rows) / (n * (k - 1))
    ems = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "ICC(1,1)": (bms - wms) / (bms + (k - 1) * wms),
            "ICC(2,1)": (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n),
            "ICC(3,1)": (bms - ems) / (bms + (k - 1) * ems),
            "ICC(1,k)": (bms - wms) / bms,
            "ICC(2,k)": (bms - ems) / (bms + (jms - ems) / n),
            "ICC(3,k)": (bms - ems) / bms,
        }


def complete_units(ratings: np.ndarray) -> np.ndarray:
    """ICC has no missing-data form: units lacking any rating are left out (listwise)."""
    x = np.asarray(ratings, dtype=float)
    return x[~np.isnan(x).any(axis=1)]


def icc(ratings: np.ndarray, seed: int = 0) -> dict[str, Estimate]:
    x = complete_units(ratings)
    point = icc_forms(x)
    if not all(np.isfinite(v) for v in point.values()):
        raise StatisticsError("ICC is undefined: the ratings do not vary between units")
    samples = _bootstrap(x.shape[0], lambda rows: icc_forms(x[rows]), seed)
    return {form: _estimate(point[form], [s[form] for s in samples]) for form in ICC_FORMS}


def alpha(ratings: np.ndarray, level: str, seed: int = 0) -> Estimate:
    """Krippendorff's alpha on units × raters (NaN = missing), via the `krippendorff` package."""
    if level not in ALPHA_LEVELS:
        raise StatisticsError(f"level must be one of {', '.join(ALPHA_LEVELS)}, not {level!r}")
    x = np.asarray(ratings, dtype=float)
    pairable = x[(~np.isnan(x)).sum(axis=1) >= 2]
    if pairable.shape[0] < 1 or len(np.unique(pairable[~np.isnan(pairable)])) < 2:
        raise StatisticsError("Krippendorff's alpha needs at least two different values in units rated twice")

    def compute(data: np.ndarray) -> float:
        return float(krippendorff.alpha(reliability_data=data.T, level_of_measurement=level))

    point = compute(pairable)
    samples = _bootstrap(pairable.shape[0], lambda rows: compute(pairable[rows]), seed)
    return _estimate(point, samples)


def cohen_kappa(first: list, second: list, seed: int = 0) -> Estimate:
    """Two raters, nominal categories; pairs with a missing rating (None) are left out."""
    pairs = [(a, b) for a, b in zip(first, second, strict=True) if a is not None and b is not None]
    if len(pairs) < 2:
        raise StatisticsError("Cohen's kappa needs at least two units rated by both raters")

    def compute(chosen: list[tuple]) -> float:
        categories = sorted({c for pair in chosen for c in pair}, key=str)
        index = {c: i for i, c in enumerate(categories)}
        table = np.zeros((len(categories), len(categories)))
        for a, b in chosen:
            table[index[a], index[b]] += 1
        table /= table.sum()
        observed = np.trace(table)
        expected = (table.sum(axis=1) * table.sum(axis=0)).sum()
        return (observed - expected) / (1 - expected) if expected < 1 else float("nan")

    point = compute(pairs)
    if not np.isfinite(point):
        raise StatisticsError("Cohen's kappa is undefined: both raters used a single category")
    samples = _bootstrap(len(pairs), lambda rows: compute([pairs[r] for r in rows]), seed)
    return _estimate(point, samples)


def fleiss_kappa_counts(counts: np.ndarray) -> float:
    """Fleiss (1971) from a units × categories table of how many raters chose each category."""
    table = np.asarray(counts, dtype=float)
    raters = table.sum(axis=1)
    if table.shape[0] < 2 or raters.min() < 2 or not np.allclose(raters, raters[0]):
        raise StatisticsError("Fleiss' kappa needs at least 2 units, each rated by the same number (≥ 2) of raters")
    m = raters[0]
    p_j = table.sum(axis=0) / table.sum()
    p_i = ((table ** 2).sum(axis=1) - m) / (m * (m - 1))
    expected = (p_j ** 2).sum()
    return float((p_i.mean() - expected) / (1 - expected)) if expected < 1 else float("nan")


def fleiss_kappa(labels: list[list], seed: int = 0) -> Estimate:
    """Many raters, nominal categories: one list of labels per unit; units with a missing label (None)
    are left out, since the statistic needs the same raters per unit."""
    units = [row for row in labels if all(v is not None for v in row)]
    categories = sorted({v for row in units for v in row}, key=str)
    index = {c: i for i, c in enumerate(categories)}
    counts = np.zeros((len(units), max(1, len(categories))))
    for u, row in enumerate(units):
        for v in row:
            counts[u, index[v]] += 1
    point = fleiss_kappa_counts(counts)
    if not np.isfinite(point):
        raise StatisticsError("Fleiss' kappa is undefined: every rater used the same single category")
    samples = _bootstrap(len(units), lambda rows: fleiss_kappa_counts(counts[rows]), seed)
    return _estimate(point, samples)


def _bootstrap(units: int, statistic: Callable[[np.ndarray], object], seed: int) -> list:
    rng = np.random.default_rng(seed)
    results = []
    for _ in range(BOOTSTRAP_SAMPLES):
        try:
            results.append(statistic(rng.integers(0, units, units)))
        except (StatisticsError, ValueError, ZeroDivisionError):
            continue      # a resample without variation has no value; it is not counted
    return results


def _estimate(point: float, samples: list[float]) -> Estimate:
    values = np.asarray([s for s in samples if np.isfinite(s)], dtype=float)
    if len(values) < BOOTSTRAP_SAMPLES // 2:
        return Estimate(float(point))
    low, high = np.percentile(values, [2.5, 97.5])
    return Estimate(float(point), float(low), float(high))
