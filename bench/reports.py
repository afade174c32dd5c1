"""Reports over 100,000 evaluations × 30 items: on a workstation (SQLite) and at headquarters (SQLite and a
throwaway PostgreSQL cluster of Debian's server), the time to each report beside a plain SELECT COUNT(*) of
the same rows in the same run.

Goals: ≤ 1 s for a month of one centre; ≤ 3 s for a year of 31 centres at headquarters on PostgreSQL.
Usage: python bench/reports.py [--evaluations N] [--only workstation|sqlite|postgresql ...]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from inspector.hub.report_rows import report_rows  # noqa: E402
from inspector.hub.reports import hub_report  # noqa: E402
from inspector.hub.store import engine_for  # noqa: E402
from inspector.hub.tables import (report_call_categories, report_call_red_lines, report_call_rules,  # noqa: E402
                                  report_calls, report_evaluations, report_items)
from inspector.reports.filters import ReportFilter  # noqa: E402
from inspector.reports.tables import computed_for  # noqa: E402
from inspector.reports.workstation import workstation_report  # noqa: E402
from inspector.scoring.card import CardItem, FatalItem, Scorecard  # noqa: E402
from inspector.store.database import open_database  # noqa: E402
from tests.postgres_server import PostgresCluster, _bin_dir  # noqa: E402

CENTRES = 31
AGENTS_PER_CENTRE = 40
YEAR = 2026
RULES = [f"R{n:02d}" for n in range(1, 18)]
CARD = Scorecard("bench-card", "1.0", "30-item card",
                 tuple(CardItem(f"I{n:02d}", f"评分项{n:02d}", 10.0 / 3, (RULES[n % len(RULES)],), n % 5 == 0,
                                "ABCDE"[n % 5]) for n in range(1, 31)),
                 (FatalItem("F1", "未经二次确认办理收费业务", ("R04",)),))
MONTH = (f"{YEAR}-06-01", f"{YEAR}-06-30")
CATEGORIES = [f"{top} › {leaf}" for top in ("资费争议", "网络质量", "业务办理", "投诉", "账单查询")
              for leaf in ("扣费不明", "套餐变更", "信号差", "办理失败")]


def evaluations(count: int, seed: int = 7):
    """(centre, payload) for `count` evaluations spread over a year, 30 item states each."""
    rng = random.Random(seed)
    start = date(YEAR, 1, 1)
    for n in range(count):
        centre = n % CENTRES
        agent = f"{centre:02d}{rng.randrange(AGENTS_PER_CENTRE):03d}"
        day = start + timedelta(days=rng.randrange(365))
        items, total = [], 0.0
        for item in CARD.items:
            deductions = []
            if rng.random() < 0.2:
                rule = rng.choice(RULES)
                deductions.append({"points": float(rng.randint(1, 3)), "reason": f"{rule} 规则: 证据", "by": "i1",
                                   "hit_key": f"{rule}@{rng.randrange(300)}.0-{rng.randrange(300, 600)}.0"
                                   if rng.random() < 0.5 else None})
            items.append({"item": item.id, "na": False, "deductions": deductions})
            total += max(0.0, item.points - sum(d["points"] for d in deductions))
        fatal = rng.random() < 0.02
        yield f"C{centre:02d}", {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128))), "version": 1, "inspector": f"q{centre:02d}{n % 5}",
            "card_id": CARD.id, "card_version": CARD.version, "total": 0.0 if fatal else round(total, 1),
            "fatal": fatal, "submitted_at": f"{day + timedelta(days=2)}T03:00:00+00:00",
            "body": {"items": items, "comments": [], "fatal": [
                {"item": "F1", "status": "confirmed", "reason": "R04 二次确认: 证据", "by": "i1",
                 "hit_key": "R04@10.0-12.0"}] if fatal else []},
            "call": {"content_hash": uuid.UUID(int=rng.getrandbits(128)).hex, "call_ref": f"call-{n}",
                     "agent_id": agent, "agent_name": f"坐席{agent}", "team": f"{centre:02d}-{int(agent) % 4}组",
                     "business_type": rng.choice(["套餐", "流量", "宽带", "停复机", "资费", "投诉"]),
                     "started_at": f"{day} {rng.randrange(8, 20):02d}:00",
                     "categories": [{"path": path, "confidence": 0.9} for path in rng.sample(CATEGORIES, 2)],
                     "emotion": {"start": "calm", "end": "angry", "worsened": rng.random() < 0.2},
                     "satisfaction": float(rng.randint(1, 5)), "resolved": rng.random() < 0.7}, "audit": []}


def timed(work, repeat: int = 3) -> float:
    """Median wall time of `repeat` runs after one warm-up."""
    work()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def fill_workstation(path: Path, data: list) -> object:
    """All evaluations as one workstation's: calls, submitted evaluations, checks, hits and decisions."""
    db = open_database(path)
    conn = db.conn
    conn.execute("BEGIN")
    hits = []
    for n, (_centre, p) in enumerate(data, start=1):
        call = p["call"]
        conn.execute("INSERT INTO calls (id, content_hash, path, call_ref, agent_id, agent_name, team, started_at, "
                     "business_type, duration_s, sample_rate, channels, audio_format, imported_at) VALUES "
                     "(?, ?, '/x.wav', ?, ?, ?, ?, ?, ?, 300, 8000, 2, 'WAV', '2026-01-01')",
                     [n, call["content_hash"], call["call_ref"], call["agent_id"], call["agent_name"], call["team"],
                      call["started_at"], call["business_type"]])
        conn.execute("INSERT INTO evaluations (uuid, call_id, inspector, card_id, card_version, status, version, "
                     "total, fatal, body, created_at, updated_at, submitted_at) VALUES "
                     "(?, ?, ?, ?, ?, 'submitted', 1, ?, ?, ?, ?, ?, ?)",
                     [p["uuid"], n, p["inspector"], CARD.id, CARD.version, p["total"], int(p["fatal"]),
                      json.dumps(p["body"], ensure_ascii=False), p["submitted_at"], p["submitted_at"],
                      p["submitted_at"]])
        conn.execute("INSERT INTO checks (call_id, pack_id, pack_version, checked_at) VALUES (?, 'bench', '1', "
                     "'2026-01-01')", [n])
        conn.execute("INSERT INTO categorizations (call_id, pack_id, pack_version, categorized_at) VALUES (?, 'bench', "
                     "'1', '2026-01-01')", [n])
        conn.executemany("INSERT INTO call_categories (call_id, path, top, confidence, evidence) VALUES "
                         "(?, ?, ?, 0.9, '[]')", [(n, c["path"], c["path"].split(" › ")[0])
                                                  for c in call["categories"]])
        conn.execute("UPDATE calls SET satisfaction = ?, resolved = ? WHERE id = ?",
                     [call["satisfaction"], int(call["resolved"]), n])
        keys = {d["hit_key"] for s in p["body"]["items"] for d in s["deductions"] if d["hit_key"]}
        hits.extend((n, key) for key in keys)
    conn.executemany("INSERT INTO hits (call_id, hit_key, pack_id, pack_version, rule, name, start, end, speaker, "
                     "evidence, confidence, item, deduction, severity, flag_only, why, checked_at) VALUES "
                     "(?, ?, 'bench', '1', substr(?, 1, 3), '规则', 0, 1, 'agent', '证据', 0.9, NULL, 1, 'minor', "
                     "0, 'exact', '2026-01-01')", [(n, key, key) for n, key in hits])
    conn.executemany("INSERT INTO hit_decisions (call_id, hit_key, scope, rule, decision, decided_by, decided_at) "
                     "VALUES (?, ?, '', substr(?, 1, 3), 'confirmed', 'i1', '2026-01-01')",
                     [(n, key, key) for n, key in hits[::2]])
    conn.execute("COMMIT")
    return db


def fill_headquarters(db: str, data: list):
    engine = engine_for(db)
    batch: dict = {report_evaluations: [], report_items: [], report_calls: [], report_call_rules: [],
                   report_call_red_lines: [], report_call_categories: []}     # every call of the bench is its own

    def flush():
        with engine.begin() as conn:
            for table, values in batch.items():
                if values:
                    conn.execute(table.insert(), values)
                    values.clear()
    for n, (centre, p) in enumerate(data, start=1):
        rows = report_rows(centre, "ws", p, "2026-12-31T00:00:00+00:00")
        batch[report_evaluations].append(rows.evaluation)
        batch[report_items].extend(rows.items)
        batch[report_calls].append(rows.call)
        batch[report_call_rules].extend(rows.rules)
        batch[report_call_red_lines].extend(rows.red_lines)
        batch[report_call_categories].extend(rows.categories)
        if n % 5000 == 0:
            flush()
    flush()
    with engine.begin() as conn:      # what PostgreSQL's autovacuum does after a load (SQLite: the planner's stats)
        conn.exec_driver_sql("ANALYZE")
    return engine


def bench_workstation(data: list, folder: Path) -> None:
    began = time.perf_counter()
    db = fill_workstation(folder / "workstation.sqlite3", data)
    print(f"\nworkstation (SQLite): {len(data):,} evaluations × {len(CARD.items)} items loaded in "
          f"{time.perf_counter() - began:.0f} s")
    month = ReportFilter(*MONTH)
    count_all = timed(lambda: db.execute("SELECT count(*) FROM evaluations").fetchone())
    count_month = timed(lambda: db.execute(
        "SELECT count(*) FROM evaluations e JOIN calls c ON c.id = e.call_id WHERE c.started_at >= ? "
        "AND c.started_at < ?", [MONTH[0], MONTH[1] + "T99"]).fetchone())
    n_month = workstation_report(db, month, CARD).basis.evaluations
    _line("COUNT(*) of all evaluations", count_all, None)
    _line(f"COUNT(*) of a month ({n_month:,} evaluations)", count_month, None)
    _line("a month, every section (the window; goal ≤ 1 s)", timed(lambda: workstation_report(db, month, CARD)),
          count_month)
    for section in ("agent", "item", "rule", "inspector", "red_line", "category"):
        _line(f"a month, --by {section}{' (with the month before; goal ≤ 1 s)' if section == 'category' else ''}", timed(lambda: workstation_report(db, month, CARD,
                                                                           sections=computed_for(section))),
              count_month)
    agent = data[0][1]["call"]["agent_id"]
    _line("one agent's year, every section", timed(lambda: workstation_report(db, ReportFilter(agent_id=agent), CARD)),
          count_all)
    _line(f"the whole year ({len(data):,}), every section", timed(lambda: workstation_report(db, ReportFilter(), CARD),
                                                                  repeat=1), count_all)
    db.close()


def bench_headquarters(label: str, db: str, data: list) -> None:
    began = time.perf_counter()
    engine = fill_headquarters(db, data)
    print(f"\nheadquarters ({label}): {len(data):,} evaluations of {CENTRES} centres indexed in "
          f"{time.perf_counter() - began:.0f} s")
    e = report_evaluations.c
    one = ReportFilter(*MONTH, centre_id="C07")

    def count(where=None):
        with engine.connect() as conn:
            statement = select(func.count()).select_from(report_evaluations)
            return conn.execute(statement if where is None else statement.where(where)).scalar_one()
    count_all = timed(count)
    count_month = timed(lambda: count((e.call_date >= MONTH[0]) & (e.call_date <= MONTH[1]) & (e.centre_id == "C07")))
    n_month = hub_report(engine, one).basis.evaluations
    year = ReportFilter(f"{YEAR}-01-01", f"{YEAR}-12-31")
    _line("COUNT(*) of all evaluations", count_all, None)
    _line(f"COUNT(*) of a month of one centre ({n_month:,})", count_month, None)
    for section in ("centre", "agent", "item", "rule", "category"):
        _line(f"a month of one centre, by={section} (goal ≤ 1 s)",
              timed(lambda: hub_report(engine, one, sections=[section])), count_month)
    dashboard = 0.0
    for section in ("centre", "agent", "item", "rule", "category"):
        took = timed(lambda: hub_report(engine, year, sections=[section]), repeat=2)
        dashboard += took if section != "agent" else 0.0
        _line(f"a year of {CENTRES} centres, by={section} (goal ≤ 3 s)", took, count_all)
    _line("the dashboard's first view (centre+trend, item, rule)", dashboard, count_all)
    engine.dispose()


def _line(what: str, seconds: float, baseline: float | None) -> None:
    ratio = f"  ({seconds / baseline:,.0f} × the COUNT)" if baseline else ""
    print(f"  {what:<56} {seconds * 1000:9.1f} ms{ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--evaluations", type=int, default=100_000)
    parser.add_argument("--only", action="append", choices=("workstation", "sqlite", "postgresql"),
                        help="run only these parts (repeatable; default: all three)")
    args = parser.parse_args()
    parts = set(args.only or ("workstation", "sqlite", "postgresql"))
    began = time.perf_counter()
    data = list(evaluations(args.evaluations))
    gc.freeze()         # the generated payloads stay alive all run: keep the collector from walking them each time
    print(f"{len(data):,} evaluations generated in {time.perf_counter() - began:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "workstation" in parts:
            bench_workstation(data, folder)
        if "sqlite" in parts:
            bench_headquarters("SQLite", str(folder / "hub.sqlite3"), data)
        if "postgresql" not in parts:
            return
        bin_dir = _bin_dir()
        if bin_dir is None:
            print("\nheadquarters (PostgreSQL): skipped, Debian's postgresql is not installed")
            return
        cluster = PostgresCluster(bin_dir)
        try:
            bench_headquarters("PostgreSQL", cluster.new_database(), data)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
