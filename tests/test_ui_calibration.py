"""The calibration dialog, scoring in calibration mode, the comparison grid and heat map, and the upload
dialog against a real receiver (pytest-qt, offscreen)."""

import pyqtgraph as pg

from inspector.calibration.comparison import compare
from inspector.store.evaluations import EvaluationRepository
from inspector.scoring.defaults import default_card
from inspector.rules.hits import hit_key
from inspector.store.hits import calibration_scope
from inspector.store.outbox import OutboxRepository
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import read_bundle
from inspector.ui.comparison_window import OUTSIDE, ComparisonWindow
from tests.calibration_fixtures import LEAD, Workstation, lead_session, score_call, submitted
from tests.conftest import DEMO
from tests.hub_server import CENTRE, KEY, TOKEN
from tests.ui_windows import choose_new_session, demo_window, lead_window


def _station(window) -> Workstation:
    return Workstation(window.workspace.root, window.db)


def test_calibration_mode_scores_into_the_session_and_stays_blind(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path, DEMO)
    station = _station(window)
    session = lead_session(station, participants=("1001", "1002"))
    score_call(station, session, session.call_ids[0], "1002", {"A1": 5})    # a colleague's score, hidden
    dialog = window.tools.calibration_dialog()
    assert [s.id for s in dialog.sessions] == [session.id]
    assert not dialog.buttons["compare"].isEnabled() and not dialog.buttons["reveal"].isVisible()
    dialog.buttons["score"].click()
    qtbot.waitUntil(lambda: window.scorecard.evaluation is not None
                    and window.state.call.id == session.call_ids[0], timeout=15_000)
    shown = window.scorecard.evaluation
    assert shown.session_id == session.id and shown.inspector == "1001"
    assert shown.item("A1").deductions == ()                                  # not the colleague's 5 points
    assert "十一月校准" in window.calibration_label.text()
    repo = EvaluationRepository(window.db, default_card())
    assert repo.for_call(session.call_ids[0], "1001") is None                # production score untouched
    window.actions_by_key["stop_calibration"].trigger()
    qtbot.waitUntil(lambda: window.scorecard.evaluation is not None
                    and window.scorecard.evaluation.session_id is None, timeout=5000)


def test_lead_reveals_and_the_comparison_grid_highlights_disagreement(qtbot, tmp_path, monkeypatch):
    window = lead_window(qtbot, tmp_path, DEMO)
    station = _station(window)
    session = lead_session(station)
    for call, plan in zip(session.call_ids, ({"A1": 2}, {}, {"C2": 3}), strict=True):
        score_call(station, session, call, LEAD.id, plan)
        score_call(station, session, call, "1001", plan)
        score_call(station, session, call, "1002", {})
        score_call(station, session, call, "1003", {"A1": 5, "C2": 8})
    shown = []
    dialog = window.tools.calibration_dialog()
    dialog.show_comparison = lambda comparison, history: shown.append((comparison, history))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question", lambda *a, **k: 0x00004000)   # Yes
    dialog.buttons["reveal"].click()
    qtbot.waitUntil(lambda: not window.lane.busy)              # revealed on the database lane
    assert dialog.sessions[0].revealed and dialog.buttons["compare"].isEnabled()
    dialog.buttons["compare"].click()
    comparison, history = shown[0]
    view = ComparisonWindow(comparison, history)
    qtbot.addWidget(view)
    grid = view.grid
    assert grid.rowCount() == len(comparison.rows)
    headers = [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())]
    assert headers[2:5] == ["1001", "1002", "1003"]
    total_row = next(r for r in range(grid.rowCount()) if grid.item(r, 1).text() == "Total")   # the English UI
    assert grid.item(total_row, 4).background().color() == OUTSIDE           # 1003: far below the benchmark
    assert grid.item(total_row, 2).background().color() != OUTSIDE           # 1001 matches it
    images = [i for i in view.heat_plot.getPlotItem().items if isinstance(i, pg.ImageItem)]
    card = default_card()
    raters = comparison.participants      # the three, and the automatic score once checking ahead scored the calls
    assert raters[:3] == ["1001", "1002", "1003"] and raters[3:] in ([], ["auto"])
    assert images and images[0].image.shape[:2] == (len(card.items) + len(card.fatal), len(raters))
    assert view.summary.rowCount() == len(comparison.drift) + len(comparison.statistics)
    lines = view.trend_plot.getPlotItem().listDataItems()
    assert lines and all(pg.mkBrush(line.opts["symbolBrush"]).color() == pg.mkPen(line.opts["pen"]).color()
                         for line in lines)                 # the dots are the colour the legend shows


def _without_benchmark(qtbot, tmp_path):
    """A revealed session of three inspectors and no benchmark: the lead's window and its comparison."""
    window = lead_window(qtbot, tmp_path, DEMO)
    station = _station(window)
    session = lead_session(station, benchmark=None)
    for call in session.call_ids:
        for who, plan in (("1001", {"A1": 1}), ("1002", {}), ("1003", {"B1": 4})):
            score_call(station, session, call, who, plan)
    session = station.service.reveal(session, LEAD)
    return window, compare(session, default_card(), station.service.visible_evaluations(session, LEAD.id),
                           station.refs())


def test_comparison_of_a_session_without_benchmark_opens(qtbot, tmp_path):
    _window, comparison = _without_benchmark(qtbot, tmp_path)
    view = ComparisonWindow(comparison, [comparison])
    qtbot.addWidget(view)
    assert view.grid.rowCount() == len(comparison.rows) and comparison.missing == []


def test_upload_dialog_sends_the_outbox_and_shows_each_item_acknowledged(qtbot, tmp_path, hub):
    url, store, _port = hub
    window = lead_window(qtbot, tmp_path, DEMO)           # the bundle carries every inspector's scores: a lead's
    repo = EvaluationRepository(window.db, default_card())
    submitted(_station(window), 12)
    sync_identity.set_up(window.db, LEAD, CENTRE, KEY, endpoint=url, token=TOKEN)
    dialog = window.tools.upload_dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 12 and "12" in dialog.counts.text()
    reports = []
    dialog._done = lambda report: (reports.append(report), dialog._finish())     # no message box in a test
    assert dialog.start_upload() is not None
    qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
    assert reports[0].acknowledged == 12 and reports[0].reconciled
    assert OutboxRepository(window.db).counts()["acknowledged"] == 12 and store.count() == 12
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers[:7] == ["Call", "What", "Agent", "By", "Score", "Version", "Status"]
    rows = [[dialog.table.item(r, c).text() for c in range(7)] for r in range(dialog.table.rowCount())]
    assert {r[6] for r in rows} == {"acknowledged"} and {r[1] for r in rows} == {"Evaluation"}
    refs = {c.call_ref for c in window.calls.page(limit=100)}
    assert all(r[0] in refs and r[2] and r[3] and float(r[4]) >= 0 and r[5].isdigit() for r in rows)
    assert repo.search(LEAD)[0].status == "submitted"
    dialog.export_to(tmp_path / "b")                              # typed bare: the extension is added
    qtbot.waitUntil(lambda: not window.lane.busy)                 # written by an operation on the lane
    archive, items = read_bundle(tmp_path / "b.inspector-bundle", lambda centre: KEY if centre == CENTRE else None)
    assert len(items) == 12 and archive.manifest["masked"]
    assert (tmp_path / "b.inspector-bundle").is_file() and not (tmp_path / "b").exists()
    assert str(tmp_path / "b.inspector-bundle") in dialog.message.text()   # and it says where it wrote
    assert dialog.upload_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_an_inspector_is_told_in_advance_that_a_lead_exports_the_bundle(qtbot, tmp_path, monkeypatch):
    """The button is greyed out with the reason; reached anyway, the core refuses and nothing is written."""
    window = demo_window(qtbot, tmp_path, DEMO)
    submitted(_station(window), 2)
    sync_identity.set_up(window.db, LEAD, CENTRE, KEY)
    dialog = window.tools.upload_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.bundle_button.isEnabled() and "team lead" in dialog.bundle_button.toolTip()
    told = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: told.append(args[2]))
    dialog.export_to(tmp_path / "b")
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert "may not" in told[0] and not (tmp_path / "b.inspector-bundle").exists()


def test_hit_decisions_in_a_blind_session_are_the_participants_own(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path, DEMO)
    station = _station(window)
    session = lead_session(station, participants=("1001", "1002"))
    call = window.calls.get(session.call_ids[1])                 # S2: has hits
    window.opener.open_call(call)
    qtbot.waitUntil(lambda: bool(window.state.hits), timeout=15_000)
    hit = window.state.hits[0]
    hits = window.rules.hits
    hits.decide(call.id, hit, "rejected", "", "1002", calibration_scope(session.id, "1002"))   # colleague, blind
    hits.decide(call.id, hit, "confirmed", "", "9001")                                       # production review
    window.tools.start_calibration(window.tools.calibration_dialog().service, session)
    window.opener.open_call(call)
    qtbot.waitUntil(lambda: window.scorecard.evaluation is not None and window.state.call.id == call.id
                    and window.scorecard.evaluation.call_id == call.id, timeout=15_000)
    assert window.state.decisions == {}                       # neither the colleague's nor production's
    window.rules.decide(hit, "confirmed")
    qtbot.waitUntil(lambda: not window.lane.busy)              # stored on the database lane
    assert hits.decisions(call.id, calibration_scope(session.id, "1002"))[hit_key(hit)].decision == "rejected"
    assert hits.decisions(call.id, calibration_scope(session.id, "1001"))[hit_key(hit)].decision == "confirmed"
    assert hits.decisions(call.id)[hit_key(hit)].decided_by == "9001"                  # production untouched
    window.tools.stop_calibration()
    assert window.state.decisions[hit_key(hit)].decided_by == "9001"


def test_a_new_session_is_created_on_the_database_lane(qtbot, tmp_path, monkeypatch):
    """Created by an operation on the lane; the dialog lists it once it is stored."""
    window = lead_window(qtbot, tmp_path, DEMO)
    call_ids = [c.id for c in window.calls.page(limit=3)]
    choose_new_session(monkeypatch, "十二月校准", call_ids, ["1001", "1002"])
    dialog = window.tools.calibration_dialog()
    qtbot.addWidget(dialog)
    before = len(dialog.sessions)
    dialog.create()
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert len(dialog.sessions) == before + 1 and any(s.title == "十二月校准" for s in dialog.sessions)


def test_the_upload_settings_are_written_on_the_database_lane(qtbot, tmp_path, monkeypatch):
    """A lead's set-up is stored by the lane and shown; an inspector's is refused by the core, said in the
    dialog, and nothing is stored."""
    lead = lead_window(qtbot, tmp_path / "lead", DEMO)
    dialog = lead.tools.upload_dialog()
    qtbot.addWidget(dialog)
    dialog.configure(CENTRE, KEY, "https://hq.example/api", TOKEN)
    qtbot.waitUntil(lambda: not lead.lane.busy)
    assert sync_identity.load(lead.db).centre_id == CENTRE and CENTRE in dialog.identity_label.text()
    inspector = demo_window(qtbot, tmp_path / "inspector", DEMO)
    told = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: told.append(args[2]))
    refused = inspector.tools.upload_dialog()
    qtbot.addWidget(refused)
    refused.configure(CENTRE, KEY, "https://evil.example", TOKEN)
    qtbot.waitUntil(lambda: not inspector.lane.busy)
    assert "may not" in told[0] and sync_identity.load(inspector.db) is None


def test_the_statistics_notes_wrap_inside_the_summary(qtbot, tmp_path):
    """At 1280×800 the summary's notes ran off its right edge ("lenie…", "too f…"): they wrap in the width the
    numbers leave; the automatic score (stored as the rater 'auto') and the grid's items ("A1 开头语与工号") are
    named in the window's language."""
    from inspector.scoring.auto import AUTO_RATER

    window, comparison = _without_benchmark(qtbot, tmp_path)
    view = ComparisonWindow(comparison, [comparison])
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    header = view.summary.horizontalHeader()
    assert header.sectionViewportPosition(3) + header.sectionSize(3) <= view.summary.viewport().width()
    assert header.sectionSize(3) >= 80                               # room for a note, not a word per line
    items = [view.grid.item(r, 1).text() for r in range(view.grid.rowCount())]
    assert items and not any("\u4e00" <= ch <= "\u9fff" for text in items for ch in text), items[:3]  # English UI
    assert view.person(AUTO_RATER) == "Auto score" and view.person("1001") == "1001"
    view.close()
    window.close()
