"""The Reports window (Ctrl+R) over the fixed evaluations of tests/report_fixtures.py: numbers, plots whose
hover shows the value, filters recomputing in the background, exports, and an agent's calls one double-click
away; plus a screenshot under Xvfb, in Chinese."""

import csv
import json
import os
import subprocess
import sys

import openpyxl
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from inspector.ui.category_names import category_text
from inspector.settings import Settings
from inspector.ui.main_window import MainWindow
from inspector.ui.reports_window import ReportsWindow
from inspector.workspace import Workspace
from tests.conftest import ARTIFACTS, ROOT
from tests.report_fixtures import fixed_workspace
from tests.test_screenshots import display  # noqa: F401 - the Xvfb fixture
from tests.ui_windows import INSPECTOR


@pytest.fixture
def window(qtbot, tmp_path):
    workspace = Workspace(tmp_path / "ws")
    fixed_workspace(workspace.database).db.close()
    main = MainWindow(workspace, Settings(language="en"), check_playback=False, user=INSPECTOR)
    qtbot.addWidget(main)
    main.show()
    return main


def _opened(qtbot, main) -> ReportsWindow:
    QTest.keyClick(main, Qt.Key_R, Qt.ControlModifier)
    reports = main.tools.reports_window
    assert reports is not None and reports.isVisible()
    qtbot.waitUntil(lambda: reports.report is not None and reports._running is None, timeout=10_000)
    return reports


def _cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_ctrl_r_opens_the_reports_with_the_hand_computed_numbers(qtbot, window):
    assert window.actions_by_key["reports"].shortcut().toString() == "Ctrl+R"
    assert window.actions_by_key["check_call"].shortcut().toString() == "F5"
    reports = _opened(qtbot, window)
    assert "5 call(s) and 6 submitted evaluation(s)" in reports.basis.text()
    rows = _cells(reports.views["agent"].tables["agents"])
    assert rows[0][:10] == ["1001", "张三", "一组", "2", "3", "93.67", "88", "0", "100.0%", "B1 −10、C2 −4、A1 −3"]
    assert [r[0] for r in rows] == ["1001", "2001", "1002"]
    chart = reports.views["agent"].charts[0]
    assert chart.text_at(50, 0) == "1001 张三: 93.67 分"
    scene_point = chart.getPlotItem().vb.mapViewToScene(QPointF(40, 2))
    chart._moved(scene_point)                                                  # the mouse over the third bar
    assert chart.hover_text == "1002 李四: 0 分" and chart.toolTip() == chart.hover_text
    reports.tabs.setCurrentIndex(3)                                            # Rules: drawn when looked at
    rules = _cells(reports.views["rule"].tables["rules"])
    assert rules[0][:7] == ["R01", rules[0][1], "3", "2", "75", "1", "0"]
    assert _cells(reports.views["rule"].tables["red_line_rules"])[0][0] == "R04"
    reports.close()


def test_filters_recompute_and_a_double_click_lists_the_agents_calls(qtbot, window):
    reports = _opened(qtbot, window)
    reports.team.setCurrentIndex(reports.team.findData("二组"))
    qtbot.waitUntil(lambda: reports.report.filter.team == "二组" and reports._running is None, timeout=10_000)
    assert reports.report.basis.evaluations == 2
    assert [r[0] for r in _cells(reports.views["agent"].tables["agents"])] == ["2001"]
    reports.team.setCurrentIndex(0)
    reports.use_dates.setChecked(True)
    reports.date_from.setDate(reports.date_from.date().fromString("2026-11-01", "yyyy-MM-dd"))
    reports.date_to.setDate(reports.date_to.date().fromString("2026-11-30", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: reports.report.filter.date_to == "2026-11-30" and reports.report.filter.team is None
                    and reports._running is None, timeout=10_000)
    assert reports.report.basis.evaluations == 5
    assert not reports.category.isEnabled()                                    # no categories in this workspace
    table = reports.views["agent"].tables["agents"]
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "2001")
    table.cellDoubleClicked.emit(row, 0)
    assert window.call_list.agent.currentData() == "2001"
    listed = {window.call_list.model.call_at(r).call_ref for r in range(window.call_list.model.rowCount())}
    assert listed == {"c4", "c5"}
    reports.close()


def test_exports_from_the_window(qtbot, window, tmp_path):
    reports = _opened(qtbot, window)
    reports.tabs.setCurrentIndex(2)                                            # Items
    assert reports.export_to(tmp_path / "items.csv", "csv")
    assert str(tmp_path / "items.csv") in reports.exported.text()             # it says where it wrote
    rows = list(csv.DictReader((tmp_path / "items.csv").open(encoding="utf-8-sig")))
    assert (rows[0]["item"], float(rows[0]["mean_deduction"])) == ("C2", 3.0)
    assert reports.export_to(tmp_path / "all.xlsx", "xlsx", whole=True)
    assert {"坐席排名", "评分项", "规则命中", "红线案例"} <= set(openpyxl.load_workbook(tmp_path / "all.xlsx").sheetnames)
    assert reports.export_to(tmp_path / "items.html", "html")
    assert "评分项平均扣分" in (tmp_path / "items.html").read_text(encoding="utf-8")
    reports.close()


def test_a_bad_export_path_is_reported_and_nothing_half_written(qtbot, window, tmp_path, monkeypatch):
    reports = _opened(qtbot, window)
    warnings = []
    monkeypatch.setattr("inspector.ui.reports_window.QMessageBox.warning", lambda *args: warnings.append(args[2]))
    target = tmp_path / "missing-folder" / "r.xlsx"
    assert not reports.export_to(target, "xlsx")
    assert str(target) in warnings[0] and not target.exists()
    reports.close()


def test_reports_window_screenshot_in_chinese(display, tmp_path):  # noqa: F811 - the fixture
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_reports.py"), str(shots),
                           str(tmp_path / "ws")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["title"] == "报表" and facts["first_tab"] == "坐席"
    for name in ("reports_agents_zh_CN.png", "reports_distribution_zh_CN.png"):
        assert (shots / name).stat().st_size > 20_000


def test_the_voice_of_the_customer_tab_shows_the_period_and_its_change(qtbot, tmp_path):
    """The contract workspace's categorised calls: the tab's rows are the report's, with the previous period."""
    from PySide6.QtCore import QDate

    from inspector.reports.filters import ReportFilter
    from inspector.reports.workstation import workstation_report
    from inspector.scoring.defaults import default_card
    from tests.calibration_fixtures import LEAD
    from tests.contract_workspace import contract_workspace

    workspace = Workspace(tmp_path / "ws")
    contract_workspace(workspace.database).db.close()
    main = MainWindow(workspace, Settings(language="en"), check_playback=False, user=LEAD)
    qtbot.addWidget(main)
    main.show()
    reports = main.tools.show_reports()
    qtbot.waitUntil(lambda: reports.report is not None and reports._running is None, timeout=10_000)
    reports.tabs.setCurrentIndex([key for key, _title in reports.views.items()].index("category"))
    reports.use_dates.setChecked(True)
    reports.date_from.setDate(QDate(2026, 11, 16))
    reports.date_to.setDate(QDate(2026, 11, 29))
    qtbot.waitUntil(lambda: reports.report is not None and reports._running is None
                    and reports.report.filter.date_from == "2026-11-16"
                    and reports.report.filter.date_to == "2026-11-29", timeout=10_000)
    qtbot.waitUntil(lambda: "categories" in reports.views["category"].tables, timeout=10_000)
    rows = _cells(reports.views["category"].tables["categories"])
    expected = workstation_report(workspace_db(workspace), ReportFilter("2026-11-16", "2026-11-29"), default_card(),
                                  sections={"category"}).categories
    assert [r[0] for r in rows] == [category_text(c.category) for c in expected]        # a workstation names no centre
    first = dict(zip(["category", "calls", "previous", "change"], [rows[0][0], rows[0][2], rows[0][4], rows[0][5]]))
    assert first == {"category": "Tariff disputes", "calls": "2", "previous": "1", "change": "1"}
    assert reports.tabs.tabText(reports.tabs.currentIndex()) == "Voice of the customer"
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    reports.resize(1300, 800)
    assert reports.grab().save(str(ARTIFACTS / "screenshots" / "reports_voice_of_the_customer_en.png"))


def workspace_db(workspace):
    from inspector.store.database import open_database
    return open_database(workspace.database)
