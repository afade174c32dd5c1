"""The call list at a centre's size: 1,000, 5,000 and 20,000 calls, offscreen, medians and p95.

Each figure is printed beside the plain SQL that fetches the same rows in the same run, so what the list
adds on top of SQLite shows: sort (every sortable column, both directions), filter (agent, status),
refresh (the same filter read again), one search keystroke (what typing costs), the search once applied,
scroll to the last row (every sort order, page by page as a user dragging the scroll bar does), first paint
and re-checking one call (its row repainted, the rest left as it is). A repaint of the unchanged list is
printed too: on a loaded machine it is the floor every other figure stands on.

Goals (issue #20): sort, filter, refresh and a keystroke ≤ 50 ms p95 at 20k; scroll to the last row ≤ 1 s
at 20k in every sort order; first paint unchanged.
Usage: python bench/call_list.py [--sizes 1000,5000,20000] [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inspector.domain.calls import SORTABLE  # noqa: E402
from inspector.desk.desk import Desk  # noqa: E402
from inspector.store.database import open_database  # noqa: E402
from inspector.ui.call_list import PAGE, CallListPane  # noqa: E402

BUSINESS = ("话费查询", "套餐变更", "宽带报修", "投诉处理", "流量包办理", "国际漫游", "携号转网", "账单争议")


def fill(db, n: int) -> None:
    """Calls spread over 50 agents, a year of dates, 30 s-15 min, some with hits and some reviewed."""
    rows = [(f"h{i}", f"/x/{i}.wav", f"C{i:06d}", f"{1000 + i % 50}", f"坐席{i % 50}",
             f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{8 + i % 10:02d}:{i % 60:02d}:00", 30.0 + (i * 7) % 900,
             8000, 2, "WAV/PCM_16", BUSINESS[i % len(BUSINESS)],
             "reviewed" if i % 10 == 0 else "new", i % 5 if i % 4 == 0 else 0, "2026-11-01T00:00:00")
            for i in range(n)]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO calls (content_hash, path, call_ref, agent_id, agent_name, started_at, duration_s, "
            "sample_rate, channels, audio_format, business_type, status, hit_count, imported_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 in ms of ``action`` (which includes letting Qt lay out and paint)."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def row(label: str, figures: tuple[float, float], sql: tuple[float, float]) -> None:
    print(f"  {label:<34} median {figures[0]:8.1f} ms  p95 {figures[1]:8.1f} ms"
          f"   | plain SQL median {sql[0]:6.1f} ms  p95 {sql[1]:6.1f} ms")


def measure(size: int, runs: int) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "db.sqlite3")
        fill(db, size)
        conn = db.conn

        def painted() -> None:
            app.processEvents()
            pane.table.viewport().repaint()

        def plain(sql: str, params: list = (), count_sql: str | None = None) -> Callable[[], None]:
            def run() -> None:
                if count_sql:
                    conn.execute(count_sql, params).fetchone()
                conn.execute(sql, list(params)).fetchall()
            return run

        start = time.perf_counter()
        pane = CallListPane(Desk(db))
        pane.resize(900, 700)
        pane.show()
        painted()
        first = (time.perf_counter() - start) * 1000
        first_sql = timed(plain(f"SELECT * FROM calls ORDER BY started_at DESC, id DESC LIMIT {PAGE}",
                                count_sql="SELECT count(*) FROM calls"), runs)
        print(f"{size} calls")
        row("first paint", (first, first), first_sql)
        floor = timed(painted, runs)
        print(f"  {'repaint alone (the floor on this machine)':<34} median {floor[0]:8.1f} ms  p95 {floor[1]:8.1f} ms")

        model = pane.model
        header = pane.table.horizontalHeader()
        orders = (Qt.AscendingOrder, Qt.DescendingOrder)
        sortable = [c for c, key in enumerate(model.COLUMNS) if key in SORTABLE]
        sort_samples: list[float] = []
        for column in sortable:
            for order in orders:
                for _ in range(max(1, runs // 3)):
                    pane.table.sortByColumn(column, orders[1 - orders.index(order)])
                    painted()
                    start = time.perf_counter()
                    pane.table.sortByColumn(column, order)
                    painted()
                    sort_samples.append((time.perf_counter() - start) * 1000)
        sort_samples.sort()
        sql_sort = timed(plain(f"SELECT * FROM calls ORDER BY duration_s DESC, id DESC LIMIT {PAGE}",
                               count_sql="SELECT count(*) FROM calls"), runs)
        row("sort (every column, both ways)",
            (statistics.median(sort_samples), sort_samples[round(0.95 * (len(sort_samples) - 1))]), sql_sort)

        pane.table.sortByColumn(model.COLUMNS.index("started_at"), Qt.DescendingOrder)
        agents = [pane.agent.itemData(i) for i in range(1, min(pane.agent.count(), 12))]
        cycle = iter(agents * (runs + 2))

        def filter_agent() -> None:
            pane.agent.setCurrentIndex(pane.agent.findData(next(cycle)))
            painted()
        row("filter (agent)", timed(filter_agent, runs),
            timed(plain(f"SELECT * FROM calls WHERE agent_id = ? ORDER BY started_at DESC, id DESC LIMIT {PAGE}",
                        ["1003"], "SELECT count(*) FROM calls WHERE agent_id = ?"), runs))
        pane.agent.setCurrentIndex(0)
        statuses = iter([pane.status.findData("reviewed"), 0] * (runs + 2))

        def filter_status() -> None:
            pane.status.setCurrentIndex(next(statuses))
            painted()
        row("filter (status)", timed(filter_status, runs),
            timed(plain(f"SELECT * FROM calls WHERE status = ? ORDER BY started_at DESC, id DESC LIMIT {PAGE}",
                        ["reviewed"], "SELECT count(*) FROM calls WHERE status = ?"), runs))
        pane.status.setCurrentIndex(0)

        def refresh() -> None:
            pane.apply_filter()
            painted()
        row("refresh", timed(refresh, runs), first_sql)

        typed = iter("C0001234567890" * runs)

        def keystroke() -> None:
            if len(pane.search.text()) >= 6:
                pane.search.clear()
            QTest.keyClicks(pane.search, next(typed))
            painted()
        like = "(call_ref LIKE ? OR agent_name LIKE ? OR business_type LIKE ?)"
        search_sql = timed(plain(f"SELECT * FROM calls WHERE {like} ORDER BY started_at DESC, id DESC "
                                 f"LIMIT {PAGE}", ["%C001%"] * 3, f"SELECT count(*) FROM calls WHERE {like}"),
                           runs)
        row("search keystroke", timed(keystroke, runs * 2), search_sql)
        pane.search.setText("C001")

        def search_applied() -> None:
            pane.apply_filter()
            painted()
        row("search applied", timed(search_applied, runs), search_sql)
        pane.search.clear()
        pane.apply_filter()
        app.processEvents()

        scroll_samples: list[tuple[float, str]] = []
        for column in sortable:
            for order in orders:
                pane.table.sortByColumn(column, order)
                painted()
                start = time.perf_counter()
                while model.canFetchMore():
                    pane.table.scrollToBottom()
                    painted()
                pane.table.scrollToBottom()
                painted()
                elapsed = (time.perf_counter() - start) * 1000
                assert model.rowCount() == size, (model.rowCount(), size)
                direction = "desc" if order == Qt.DescendingOrder else "asc"
                scroll_samples.append((elapsed, f"{model.COLUMNS[column]} {direction}"))
        scroll_samples.sort()
        worst = scroll_samples[-1]
        scroll_sql = timed(plain(f"SELECT * FROM calls ORDER BY {worst[1].split()[0]} "
                                 f"{worst[1].split()[1].upper()}, id"), max(1, runs // 3))
        row("scroll to last row (median order)", (statistics.median(s for s, _ in scroll_samples),
                                                   statistics.median(s for s, _ in scroll_samples)), scroll_sql)
        row(f"scroll to last row (worst: {worst[1]})", (worst[0], worst[0]), scroll_sql)

        pane.table.sortByColumn(model.COLUMNS.index("started_at"), Qt.DescendingOrder)
        painted()
        call = model.call_at(5)
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))

        def recheck() -> None:
            conn.execute("UPDATE calls SET hit_count = hit_count + 1 WHERE id = ?", [call.id])
            pane.refresh_call(call.id)
            painted()
        row("re-check one call (row update)", timed(recheck, runs),
            timed(plain("SELECT * FROM calls WHERE id = ?", [call.id]), runs))
        print(f"  list resets during re-checks: {len(resets)}")
        pane.close()
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.runs)


if __name__ == "__main__":
    main()
