"""Report numbers against values worked out by hand on a fixed set of evaluations (tests/report_fixtures.py),
and the exports (HTML, XLSX read back with openpyxl, CSV) holding the same numbers."""

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import openpyxl
import pytest

from inspector.reports.export import html_page, write_report
from inspector.reports.filters import ReportError, ReportFilter
from inspector.reports.tables import section_json, shown, tables_for
from inspector.reports.workstation import workstation_report
from inspector.scoring.defaults import default_card
from inspector.store.users import UserRepository
from tests.conftest import ROOT
from tests.report_fixtures import fixed_workspace

AS_OF = (date.today() + timedelta(days=3)).isoformat()


@pytest.fixture
def fixed(tmp_path):
    return fixed_workspace(tmp_path / "ws" / "inspector.sqlite3")


def _report(fixed, **filters):
    return workstation_report(fixed.db, ReportFilter(**filters), default_card(), as_of=AS_OF)


def test_agents_over_all_dates(fixed):
    report = _report(fixed)
    assert (report.basis.calls, report.basis.evaluations, report.basis.checked_calls) == (5, 6, 4)
    rows = {a.agent_id: a for a in report.agents}
    a = rows["1001"]                      # e1 93, e2 88, e7 100 over c1 (twice) and c2
    assert (a.calls, a.evaluations, a.mean, a.min, a.fatal, a.pass_rate) == (2, 3, 93.67, 88.0, 0, 1.0)
    assert a.worst_items == (("B1", 10.0), ("C2", 4.0), ("A1", 3.0))
    assert (a.agent_name, a.team) == ("张三", "一组")
    b = rows["1002"]                      # e3: fatal, 0
    assert (b.calls, b.evaluations, b.mean, b.min, b.fatal, b.pass_rate) == (1, 1, 0.0, 0.0, 1, 0.0)
    c = rows["2001"]                      # e4 80 (exactly the pass mark), e5 95 (A1 capped at its 5 points)
    assert (c.calls, c.evaluations, c.mean, c.min, c.fatal, c.pass_rate) == (2, 2, 87.5, 80.0, 0, 1.0)
    assert c.worst_items == (("C2", 12.0), ("C1", 8.0), ("A1", 5.0))
    assert [r.agent_id for r in report.agents] == ["1001", "2001", "1002"]        # ranked by mean


def test_a_date_range_and_an_agent_narrow_the_report(fixed):
    november = _report(fixed, date_from="2026-11-01", date_to="2026-11-30")
    assert (november.basis.calls, november.basis.evaluations) == (4, 5)           # e5 (12-01) left out
    assert {a.agent_id: a.mean for a in november.agents}["2001"] == 80.0
    one = _report(fixed, agent_id="1001")
    assert [(a.agent_id, a.evaluations) for a in one.agents] == [("1001", 3)]
    assert one.basis.checked_calls == 2                                            # c1 and c2
    by_inspector = _report(fixed, inspector="i2")
    assert (by_inspector.basis.calls, by_inspector.basis.evaluations) == (3, 3)
    assert by_inspector.basis.checked_calls == 3                                   # c1, c3, c4 were i2's
    assert _report(fixed, team="二组").basis.evaluations == 2
    assert _report(fixed, business_type="套餐").basis.evaluations == 4
    assert _report(fixed, card_version="9.9").basis.evaluations == 0
    today = date.today().isoformat()
    assert _report(fixed, date_basis="evaluation", date_from=today, date_to=today).basis.evaluations == 6
    assert _report(fixed, date_basis="evaluation", date_to="2020-01-01").basis.evaluations == 0


def test_items_teams_business_inspectors_distribution(fixed):
    report = _report(fixed)
    items = {i.item: i for i in report.items}
    assert (items["C2"].losing, items["C2"].total_lost, items["C2"].mean_deduction, items["C2"].loss_rate) == (
        3, 18.0, 3.0, 0.5)
    assert (items["A1"].losing, items["A1"].total_lost, items["A1"].mean_deduction) == (2, 8.0, 1.333)
    assert (items["B1"].mean_deduction, items["C1"].mean_deduction, items["D2"].mean_deduction) == (
        1.667, 1.333, 0.333)
    assert items["A2"].losing == 0                                                 # N/A keeps full marks
    assert (items["F1"].kind, items["F1"].losing) == ("fatal", 1)
    assert report.items[0].item == "C2"                                            # worst first
    teams = {t.team: t for t in report.teams}
    assert (teams["一组"].agents, teams["一组"].calls, teams["一组"].evaluations, teams["一组"].mean,
            teams["一组"].pass_rate) == (2, 3, 4, 70.25, 0.75)
    assert teams["二组"].mean == 87.5
    business = {b.business_type: b.mean for b in report.business}
    assert business == {"套餐": 72.0, "流量": 88.0, "宽带": 80.0}
    inspectors = {i.inspector: i for i in report.inspectors}
    assert (inspectors["i1"].mean, inspectors["i1"].leniency) == (92.0, 16.0)
    assert (inspectors["i2"].mean, inspectors["i2"].leniency) == (60.0, -16.0)
    assert (inspectors["i1"].days, inspectors["i1"].per_day) == (1, 3.0)
    groups = {(g.by, g.group, g.item): g for g in report.item_groups}
    assert (groups[("team", "一组", "C2")].losing, groups[("team", "一组", "C2")].mean_deduction) == (2, 1.5)
    counts = {b.low: b.count for b in report.distribution.bins if b.count}
    assert counts == {0.0: 1, 80.0: 1, 85.0: 1, 90.0: 1, 95.0: 2}
    assert (report.distribution.below, report.distribution.evaluations) == (1, 6)


def test_rules_and_red_lines(fixed):
    report = _report(fixed)
    rules = {r.rule: r for r in report.rules}
    r01 = rules["R01"]
    assert (r01.hits, r01.calls_with_hits, r01.per_100_calls, r01.confirmed, r01.rejected, r01.precision) == (
        3, 2, 75.0, 1, 0, 1.0)
    assert (rules["R06"].per_100_calls, rules["R06"].rejected, rules["R06"].precision) == (25.0, 1, 0.0)
    assert rules["R04"].red_line and not r01.red_line
    assert [r.rule for r in report.rules][-1] == "R04"                           # red lines listed apart, last
    (case,) = report.red_lines
    assert (case.call_ref, case.agent_id, case.rule, case.status, case.age_days) == ("c3", "1002", "R04", "open", 3)
    summary = {(s.by, s.key): s for s in report.red_line_summary}
    assert (summary[("rule", "R04")].open, summary[("agent", "1002")].oldest_open_days) == (1, 3)
    assert sum(t.hits for t in report.rule_trend if t.rule == "R01") == 3


def test_json_contracts(fixed):
    report = _report(fixed)
    rules = section_json(report, "rule")
    assert {"rule", "name", "hits", "calls_with_hits", "per_100_calls", "confirmed", "rejected"} <= set(rules[0])
    agents = section_json(report, "agent")
    assert {"agent_id", "calls", "evaluations", "mean", "min", "fatal"} <= set(agents[0])
    assert agents[0]["worst_items"][0] == {"item": "B1", "lost": 10.0}


def test_bad_filters_are_refused_with_the_reason(fixed):
    with pytest.raises(ReportError, match="not a date"):
        _report(fixed, date_from="2026-02-30")
    with pytest.raises(ReportError, match="ends before it starts"):
        _report(fixed, date_from="2026-12-01", date_to="2026-11-01")
    with pytest.raises(ReportError, match="no call categories"):
        _report(fixed, category="资费争议")


def test_the_category_filter_uses_call_categories_where_they_exist(fixed):
    from inspector.categories.match import CallCategory
    from inspector.categories.pack import default_category_pack
    from inspector.store.categories import CategoryRepository
    repo = CategoryRepository(fixed.db)
    repo.replace(fixed.call_ids["c1"], default_category_pack(), [CallCategory(("资费争议", "扣费不明"), 0.6, ())], None)
    repo.replace(fixed.call_ids["c4"], default_category_pack(), [CallCategory(("宽带",), 0.6, ())], None)
    assert _report(fixed, category="资费争议").basis.evaluations == 2               # e1 and e7 on c1
    assert _report(fixed, category="资费争议 › 扣费不明").basis.calls == 1
    assert _report(fixed, category="宽带").basis.evaluations == 1


def _html_numbers(page: str, key: str) -> list[list[str]]:
    """The cells of one table of the page, read with an XML parser (the page is well-formed)."""
    body = re.search(rf'<table data-table="{key}">.*?</table>', page, re.S).group(0)
    return [[(td.text or "") for td in tr.findall("td")] for tr in ET.fromstring(body).iter("tr")][1:]


def test_html_and_xlsx_hold_the_same_numbers(fixed, tmp_path):
    report = _report(fixed)
    html_path, xlsx_path = tmp_path / "r.html", tmp_path / "r.xlsx"
    write_report(report, html_path, "html")
    write_report(report, xlsx_path, "xlsx")
    page = html_path.read_text(encoding="utf-8")
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")          # self-contained
    assert page.count("<svg") >= 8 and "基于 5 通通话、6 份已提交评估" in page
    book = openpyxl.load_workbook(xlsx_path)
    assert "说明" in book.sheetnames and "坐席排名" in book.sheetnames
    for table in tables_for(report):
        sheet = book[table.title[:31]]
        values = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert len(values) == len(table.rows), table.key
        for got, want in zip(values, table.rows):
            assert [None if w in ("", None) else shown(c, w) for w, c in zip(want, table.columns)] == got, table.key
        html_rows = _html_numbers(page, table.key)
        for got, want in zip(html_rows, table.rows):
            for cell, value, column in zip(got, want, table.columns):
                if column.kind in ("int", "number") and value is not None:
                    assert float(cell) == pytest.approx(value), (table.key, column.key)
                elif column.kind == "percent" and value is not None:
                    assert float(cell.rstrip("%")) == pytest.approx(100 * value, abs=0.05)
    sheet = book["坐席排名"]
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]]))
    assert (first["工号"], first["平均分"], first["评估数"]) == ("1001", 93.67, 3)
    assert first["合格率"] == 1 and sheet.cell(row=2, column=header.index("合格率") + 1).number_format == "0.0%"


def test_svg_marks_carry_their_values_for_hover(fixed):
    page = html_page(_report(fixed), "agent")
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    titles = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}title")]
    assert "1001 张三: 93.67 分" in titles and "合格线 80" in titles


def _cli(tmp_path, *args, stdin=""):
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(tmp_path / "ws"), *args],
                          cwd=ROOT, capture_output=True, text=True, input=stdin)


def test_cli_report_formats(fixed, tmp_path):
    fixed.db.close()
    done = _cli(tmp_path, "report", "--by", "rule", "--format", "json")
    assert done.returncode == 0, done.stderr
    rules = {r["rule"]: r for r in json.loads(done.stdout)}
    assert (rules["R01"]["hits"], rules["R01"]["calls_with_hits"], rules["R01"]["per_100_calls"]) == (3, 2, 75.0)
    assert "基于 5 通通话、6 份已提交评估" in done.stderr
    done = _cli(tmp_path, "report", "--by", "agent", "--from", "2026-11-01", "--to", "2026-11-30",
                "--agent", "2001", "--format", "json")
    (row,) = json.loads(done.stdout)
    assert {k: row[k] for k in ("agent_id", "calls", "evaluations", "mean", "min", "fatal")} == {
        "agent_id": "2001", "calls": 1, "evaluations": 1, "mean": 80.0, "min": 80.0, "fatal": 0}
    done = _cli(tmp_path, "report", "--by", "team", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["team"]: float(r["mean"]) for r in rows} == {"一组": 70.25, "二组": 87.5}
    for fmt in ("html", "xlsx"):
        out = tmp_path / f"items.{fmt}"
        assert _cli(tmp_path, "report", "--by", "item", "--format", fmt, "--out", str(out)).returncode == 0
        assert out.stat().st_size > 1000
    assert openpyxl.load_workbook(tmp_path / "items.xlsx")["评分项"]["A2"].value == "C2"


def test_cli_report_bad_input_exits_2_without_a_traceback(fixed, tmp_path):
    fixed.db.close()
    for args, message in ((("--from", "yesterday"), "not a date"), (("--format", "xlsx"), "needs --out"),
                          (("--format", "html", "--out", str(tmp_path / "no" / "such" / "r.html")), "cannot write")):
        done = _cli(tmp_path, "report", "--by", "agent", *args)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_cli_evaluations_items_adds_a_column_per_card_item(fixed, tmp_path):
    UserRepository(fixed.db).create_first_lead("9001", "张组长", "lead-pass-1")
    fixed.db.close()
    as_lead = ("--user", "9001", "--password-stdin")
    done = _cli(tmp_path, "evaluations", "--items", "--status", "submitted", "--format", "json", *as_lead,
                stdin="lead-pass-1\n")
    rows = {r["uuid"]: r for r in json.loads(done.stdout)}
    e4 = rows[fixed.uuids["e4"]]
    assert (e4["C2"], e4["C1"], e4["A2"], e4["A1"], e4["F1"]) == (0.0, 0.0, 8.0, 5.0, "")
    assert rows[fixed.uuids["e3"]]["F1"] == "confirmed"
    card = default_card()
    done = _cli(tmp_path, "evaluations", "--items", *as_lead, stdin="lead-pass-1\n")
    header = next(csv.reader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert header[-len(card.items) - len(card.fatal):] == [i.id for i in card.items] + [f.id for f in card.fatal]
