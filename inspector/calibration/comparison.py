"""The comparison of a revealed session: a grid call × item × scorer, the deviations from the benchmark,
each inspector's bias (lenient or strict) apart from their noise, and agreement statistics.

Deviations are taken from the benchmark when the session has one, otherwise from the participants' mean,
so a session without a benchmark still shows who scores high and who scores low.

The calls' automatic scores (scoring.auto) may take part as one more rater, AUTO_RATER: they get a column in
the grid, a bias and a row in the heat map like an inspector, and an ICC against the inspectors' mean; the
reference, the agreement shares and the other statistics stay the inspectors' own.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import numpy as np

from inspector.calibration import stats
from inspector.scoring.auto import AUTO_RATER
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation
from inspector.scoring.score import score
from inspector.domain.calibration import CalibrationSession

TOTAL = "总分"
MIN_CALLS_FOR_ICC = 5   # below it ICC over totals swings wildly (−4.8 with an interval of [−302, −3] from 3 calls)
ROUGH_BELOW = 10        # with fewer calls a bootstrap over calls has too few distinct resamples to mean much


@dataclass(frozen=True)
class Tolerance:
    total_points: float = 3.0          # a total further than this from the benchmark is out of tolerance
    item_agreement: float = 0.90       # share of inspectors who must give an item exactly the benchmark
    fatal_agreement: float = 1.00      # fatal items: everyone must agree


@dataclass(frozen=True)
class GridRow:
    call_id: int
    call_ref: str
    item: str                          # item id, fatal item id, or TOTAL
    item_name: str
    kind: str                          # "item", "fatal" (1 = confirmed fatal, 0 = not) or "total"
    scores: dict[str, float | None]    # participant → score (None: not scored)
    benchmark: float | None
    mean: float | None
    sd: float | None
    spread: float | None               # max − min
    agreement: float | None            # share of participants equal to the benchmark (or to the mode)
    deviations: dict[str, float]       # participant → score − reference
    outside: tuple[str, ...] = ()      # participants beyond tolerance on this row
    flagged: bool = False              # the row as a whole misses its tolerance


@dataclass(frozen=True)
class InspectorDrift:
    inspector: str
    bias: float          # mean signed deviation of totals: > 0 lenient, < 0 strict
    noise: float         # SD of those deviations around the inspector's own bias
    calls: int


@dataclass(frozen=True)
class Statistic:
    name: str
    value: float | None
    low: float | None = None
    high: float | None = None
    note: str = ""       # why there is no value, or what the figure was computed on


@dataclass(frozen=True)
class Comparison:
    session: CalibrationSession
    participants: list[str]
    items: list[tuple[str, str]]                  # (id, name) of card items then fatal items: the heat map's columns
    rows: list[GridRow]
    drift: list[InspectorDrift]
    heat: np.ndarray                              # participants × items: mean signed deviation in points
    statistics: list[Statistic]
    missing: list[tuple[str, str]]                # (participant, call_ref) not submitted


def compare(session: CalibrationSession, card: Scorecard, evaluations: list[Evaluation],
            call_refs: dict[int, str], tolerance: Tolerance = Tolerance(),
            auto: dict[int, Evaluation] | None = None) -> Comparison:
    """Only submitted evaluations count: a draft is an unfinished opinion. ``auto``: call id → the call's
    automatic score as an evaluation (scoring.auto.as_evaluation), to compare it as one more rater."""
    submitted = {(e.inspector, e.call_id): e for e in evaluations if e.status == "submitted"}
    humans = [p for p in session.participants if p != session.benchmark and p != AUTO_RATER]
    submitted.update({(AUTO_RATER, call_id): e for call_id, e in (auto or {}).items() if call_id in session.call_ids})
    participants = humans + ([AUTO_RATER] if auto else [])
    scored = {key: score(card, e) for key, e in submitted.items()}
    rows: list[GridRow] = []
    for call_id in session.call_ids:
        ref = call_refs.get(call_id, str(call_id))

        def values(pick) -> tuple[dict[str, float | None], float | None]:
            def of(who: str | None) -> float | None:
                key = (who, call_id)
                return pick(submitted[key], scored[key]) if key in scored else None

            return {p: of(p) for p in participants}, of(session.benchmark) if session.benchmark else None

        for item in card.items:
            mine, bench = values(lambda _e, s, i=item.id: s.items[i])
            rows.append(_row(call_id, ref, item.id, item.name, "item", mine, bench, tolerance, humans))
        for fatal in card.fatal:
            mine, bench = values(lambda e, _s, f=fatal.id: float(any(
                x.item == f and x.status == "confirmed" for x in e.fatal)))
            rows.append(_row(call_id, ref, fatal.id, fatal.name, "fatal", mine, bench, tolerance, humans))
        mine, bench = values(lambda _e, s: s.total)
        rows.append(_row(call_id, ref, TOTAL, TOTAL, "total", mine, bench, tolerance, humans))
    items = [(i.id, i.name) for i in card.items] + [(f.id, f.name) for f in card.fatal]
    missing = [(p, call_refs.get(c, str(c))) for c in session.call_ids for p in humans if (p, c) not in submitted]
    figures = _statistics(rows, humans, {i.id: i.points for i in card.items})
    if auto:
        figures.append(_automatic_icc(rows, humans))
    return Comparison(session, participants, items, rows, _drift(rows, participants), _heat(rows, participants, items),
                      figures, missing)


def _automatic_icc(rows: list[GridRow], humans: list[str]) -> Statistic:
    """The automatic score against the inspectors' mean total, call by call: ICC(2,1), absolute agreement."""
    pairs = [(r.scores[AUTO_RATER], statistics.fmean(v for p in humans if (v := r.scores.get(p)) is not None))
             for r in rows if r.kind == "total" and r.scores.get(AUTO_RATER) is not None
             and any(r.scores.get(p) is not None for p in humans)]
    name = "ICC(2,1) 自动评分 vs 质检员均值"
    if len(pairs) < MIN_CALLS_FOR_ICC:
        return Statistic(name, None, note=f"通话太少（{len(pairs)} 通，至少需 {MIN_CALLS_FOR_ICC} 通）")
    try:
        estimate = stats.icc(np.array(pairs, dtype=float))["ICC(2,1)"]
    except stats.StatisticsError as exc:
        return Statistic(name, None, note=str(exc))
    return Statistic(name, estimate.value, estimate.low, estimate.high, f"总分（{len(pairs)} 通通话）")


def _row(call_id: int, ref: str, item: str, name: str, kind: str, scores: dict[str, float | None],
         benchmark: float | None, tolerance: Tolerance, humans: list[str]) -> GridRow:
    """Mean, reference, agreement and flag are the inspectors' (``humans``); deviations are everyone's."""
    given = [v for p, v in scores.items() if v is not None and p in humans]
    if not given:
        deviations = {p: round(v - benchmark, 2) for p, v in scores.items() if v is not None and benchmark is not None}
        return GridRow(call_id, ref, item, name, kind, scores, benchmark, None, None, None, None, deviations)
    if not given:
        return GridRow(call_id, ref, item, name, kind, scores, benchmark, None, None, None, None, {})
    mean = statistics.fmean(given)
    reference = benchmark if benchmark is not None else mean
    target = benchmark if benchmark is not None else Counter(given).most_common(1)[0][0]
    agreement = sum(1 for v in given if v == target) / len(given)
    deviations = {p: round(v - reference, 2) for p, v in scores.items() if v is not None}
    if kind == "total":
        outside = tuple(p for p, d in deviations.items() if abs(d) > tolerance.total_points)
        flagged = any(p in humans for p in outside)
    else:
        outside = tuple(p for p, v in scores.items() if v is not None and v != target)
        flagged = agreement < (tolerance.fatal_agreement if kind == "fatal" else tolerance.item_agreement)
    return GridRow(call_id, ref, item, name, kind, scores, benchmark, round(mean, 2),
                   round(statistics.stdev(given), 2) if len(given) > 1 else None, max(given) - min(given),
                   agreement, deviations, outside, flagged)


def _drift(rows: list[GridRow], participants: list[str]) -> list[InspectorDrift]:
    drift = []
    for p in participants:
        deviations = [r.deviations[p] for r in rows if r.kind == "total" and p in r.deviations]
        if deviations:
            drift.append(InspectorDrift(p, round(statistics.fmean(deviations), 2),
                                        round(statistics.stdev(deviations), 2) if len(deviations) > 1 else 0.0,
                                        len(deviations)))
    return drift


def _heat(rows: list[GridRow], participants: list[str], items: list[tuple[str, str]]) -> np.ndarray:
    """An item's cell is its mean deviation in points; a fatal item's is the points of total its disagreement
    cost (the call's total deviation where the inspector and the reference differ on it, else 0), so that a
    lenient bias coming from one missed fatal item shows where it comes from."""
    totals = {(r.call_id, p): d for r in rows if r.kind == "total" for p, d in r.deviations.items()}
    heat = np.full((len(participants), len(items)), np.nan)
    for col, (item, _name) in enumerate(items):
        for row_index, p in enumerate(participants):
            found = [(totals.get((r.call_id, p), 0.0) if r.deviations[p] else 0.0) if r.kind == "fatal"
                     else r.deviations[p] for r in rows if r.item == item and p in r.deviations]
            if found:
                heat[row_index, col] = statistics.fmean(found)
    return heat


def _statistics(rows: list[GridRow], participants: list[str], points: dict[str, float]) -> list[Statistic]:
    def matrix(kind: str) -> np.ndarray:
        chosen = [r for r in rows if r.kind == kind]
        return np.array([[np.nan if r.scores[p] is None else r.scores[p] for p in participants] for r in chosen],
                        dtype=float).reshape(len(chosen), len(participants))

    results: list[Statistic] = []
    totals = matrix("total")
    calls = totals.shape[0]
    rough = f"（{calls} 通通话，区间仅供参考）" if calls < ROUGH_BELOW else f"（{calls} 通通话）"
    if calls < MIN_CALLS_FOR_ICC:
        results.append(Statistic("ICC", None, note=f"通话太少（{calls} 通，至少需 {MIN_CALLS_FOR_ICC} 通）"))
    else:
        try:
            for form, estimate in stats.icc(totals).items():
                results.append(Statistic(form, estimate.value, estimate.low, estimate.high, "总分" + rough))
        except stats.StatisticsError as exc:
            results.append(Statistic("ICC", None, note=str(exc)))
    items = matrix("item")
    for level in ("interval", "ordinal"):
        results.append(_guarded(f"Krippendorff α ({level})", lambda lv=level: stats.alpha(items, lv), "各项得分"))
    deducted = [[None if v is None else v < points[r.item] for v in r.scores.values()]
                for r in rows if r.kind == "item"]
    fatal = [[None if v is None else int(v) for v in r.scores.values()] for r in rows if r.kind == "fatal"]
    if len(participants) == 2:
        results.append(_guarded("Cohen κ", lambda: stats.cohen_kappa(*zip(*deducted, strict=True)), "是否扣分"))
        results.append(_guarded("Cohen κ (致命项)", lambda: stats.cohen_kappa(*zip(*fatal, strict=True)), "致命项"))
    else:
        results.append(_guarded("Fleiss κ", lambda: stats.fleiss_kappa(deducted), "是否扣分"))
        results.append(_guarded("Fleiss κ (致命项)", lambda: stats.fleiss_kappa(fatal), "致命项"))
    return results


def _guarded(name: str, compute, note: str) -> Statistic:
    try:
        estimate = compute()
    except (stats.StatisticsError, ValueError) as exc:
        return Statistic(name, None, note=str(exc))
    return Statistic(name, estimate.value, estimate.low, estimate.high, note)


def trend(comparisons: list[Comparison]) -> dict[str, list[tuple[str, float]]]:
    """Each inspector's bias session by session (oldest first): is someone drifting, or converging?"""
    series: dict[str, list[tuple[str, float]]] = {}
    for comparison in sorted(comparisons, key=lambda c: c.session.created_at):
        for drift in comparison.drift:
            series.setdefault(drift.inspector, []).append((comparison.session.title, drift.bias))
    return series
