"""The call list pages and filters in SQL, so 100,000 calls behave like 100."""


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from inspector.desk.desk import Desk
from inspector.store.database import open_database
from inspector.ui.call_list import PAGE, CallListPane


def _fill(db, n):
    rows = [(f"h{i}", f"/x/{i}.wav", f"C{i:06d}", f"{1000 + i % 50}", f"坐席{i % 50}",
             f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00", 30.0 + i % 900, 8000, 2, "WAV/PCM_16",
             "reviewed" if i % 10 == 0 else "new", 1 if i % 4 == 0 else 0, "2026-11-01T00:00:00")
            for i in range(n)]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO calls (content_hash, path, call_ref, agent_id, agent_name, started_at, duration_s, "
            "sample_rate, channels, audio_format, status, hit_count, imported_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def test_hundred_thousand_calls_page_sort_and_filter(qtbot, tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    _fill(db, 100_000)
    pane = CallListPane(Desk(db))
    qtbot.addWidget(pane)
    model = pane.model
    assert model.total == 100_000
    assert model.rowCount() == PAGE
    assert "100000" in pane.count_label.text()
    model.fetchMore()
    assert model.rowCount() == 3 * PAGE          # each fetch doubles: the end of a big list comes sooner
    model.sort(model.COLUMNS.index("duration_s"), Qt.DescendingOrder)
    assert model.rowCount() == PAGE
    assert model.call_at(0).duration_s == 929.0
    pane.agent.setCurrentIndex(pane.agent.findData("1007"))
    assert model.total == 2000
    assert {model.call_at(r).agent_id for r in range(model.rowCount())} == {"1007"}
    pane.hits_only.setChecked(True)
    assert model.total == 0                      # agent 1007 has odd i, hits are on i % 4 == 0
    pane.agent.setCurrentIndex(0)
    assert model.total == 25_000
    pane.hits_only.setChecked(False)
    pane.status.setCurrentIndex(pane.status.findData("reviewed"))
    assert model.total == 10_000
    pane.status.setCurrentIndex(0)
    pane.search.setText("C00001")
    assert model.total == 100_000                # typing never waits for the database ...
    qtbot.waitUntil(lambda: model.total == 10)   # ... the list follows once the typing pauses
    pane.use_dates.setChecked(True)
    pane.date_from.setDate(pane.date_from.date().fromString("2026-03-01", "yyyy-MM-dd"))
    pane.date_to.setDate(pane.date_to.date().fromString("2026-03-31", "yyyy-MM-dd"))
    assert {model.call_at(r).started_at[:7] for r in range(model.rowCount())} == {"2026-03"}


def test_scrolling_to_the_end_follows_the_sort_and_a_recheck_repaints_one_row(qtbot, tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    _fill(db, 2_000)
    pane = CallListPane(Desk(db))
    qtbot.addWidget(pane)
    model = pane.model
    header = pane.table.horizontalHeader()
    assert {header.sectionResizeMode(c) for c in range(model.columnCount())} <= {
        QHeaderView.Interactive, QHeaderView.Stretch}          # no column re-measures the rows
    pane.table.sortByColumn(model.COLUMNS.index("duration_s"), Qt.AscendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    durations = [(model.call_at(r).duration_s, model.call_at(r).id) for r in range(model.rowCount())]
    assert len(durations) == 2_000 and durations == sorted(durations)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    changed = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    call = model.call_at(1500)
    db.execute("UPDATE calls SET hit_count = 7 WHERE id = ?", [call.id])     # what a recheck writes
    db.execute("INSERT INTO checks (call_id, pack_id, pack_version, checked_at) VALUES (?, 'p', '1', '2026')",
               [call.id])
    pane.refresh_call(call.id)
    assert changed == [(1500, 1500)] and not resets
    assert model.data(model.index(1500, model.COLUMNS.index("hit_count"))) == "7"
    assert model.rowCount() == 2_000
