"""Writing a report: a self-contained HTML page (charts inline as SVG, no external files), an XLSX workbook
(one sheet per table, numbers stored as numbers) or CSV (one table, UTF-8 with a BOM for Excel), each
written whole or not at all."""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from inspector.atomic_file import write_bytes_atomic, write_text_atomic
from inspector.reports.charts import charts_for
from inspector.reports.model import Report
from inspector.reports.svg import render
from inspector.reports.compute import SECTIONS
from inspector.reports.tables import Table, has_centres, shown, tables_for
from inspector.spreadsheet import set_cell, write_csv_rows

FORMATS = ("html", "xlsx", "csv")
SECTION_TITLES = {"agent": "坐席", "team": "班组", "item": "评分项", "rule": "规则", "inspector": "质检员",
                  "business": "业务类型", "distribution": "分数分布", "red_line": "红线", "agreement": "自动评分",
                  "centre": "中心", "category": "客户之声"}
EMPTY_ROW = '<tr><td colspan="{}">无数据</td></tr>'
RED_LINE_NOTE = "红线案例以红线台账为准；复核驳回而撤销的不计。"


def basis_line(report: Report) -> str:
    b = report.basis
    line = f"基于 {b.calls} 通通话、{b.evaluations} 份已提交评估"
    if b.checked_calls:
        line += f"；规则命中率基于 {b.checked_calls} 通已检查通话"
    return line


def _sections(report: Report, section: str | None) -> list[str]:
    if section is not None:
        return [section]
    return [s for s in SECTIONS if s != "centre" or has_centres(report)]


# -- CSV -----------------------------------------------------------------------------------------
def table_csv(table: Table) -> str:
    out = io.StringIO(newline="")
    write_csv_rows(out, [c.key for c in table.columns],
                   (["" if v is None else shown(c, v) for v, c in zip(row, table.columns)] for row in table.rows))
    return out.getvalue()


# -- XLSX ----------------------------------------------------------------------------------------
NUMBER_FORMATS = {"int": "0", "number": "0.00", "percent": "0.0%"}


def workbook(report: Report, section: str | None = None) -> Workbook:
    book = Workbook()
    about = book.active
    about.title = "说明"
    for number, row in enumerate((("报表", "、".join(SECTION_TITLES[s] for s in _sections(report, section))),
                                  ("筛选", report.filter.describe()), ("依据", basis_line(report)),
                                  ("合格线", report.threshold), ("生成日期", report.as_of), ("红线", RED_LINE_NOTE)),
                                 start=1):
        for column, value in enumerate(row, start=1):
            set_cell(about.cell(row=number, column=column), value)
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 12, 80
    for table in tables_for(report, section):
        sheet = book.create_sheet(table.title[:31])
        sheet.append([c.label for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(table.rows, start=2):
            for index, (value, column) in enumerate(zip(row, table.columns), start=1):
                set_cell(sheet.cell(row=number, column=index), shown(column, value))
        for index, column in enumerate(table.columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = max(10, min(40, 2 * len(column.label) + 4))
            number_format = NUMBER_FORMATS.get(column.kind)
            if number_format:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = number_format
        sheet.freeze_panes = "A2"
    return book


# -- HTML ----------------------------------------------------------------------------------------
def _cell(value: object, kind: str) -> str:
    if value is None or value == "":
        return "<td></td>"
    if kind == "percent":
        return f'<td class="n">{100 * float(value):.1f}%</td>'
    if kind in ("int", "number"):
        return f'<td class="n">{value:g}</td>' if isinstance(value, float) else f'<td class="n">{value}</td>'
    return f"<td>{escape(str(value))}</td>"


def table_html(table: Table) -> str:
    head = "".join(f"<th>{escape(c.label)}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(_cell(shown(c, v), c.kind) for v, c in zip(row, table.columns)) + "</tr>"
                   for row in table.rows)
    return (f'<h3>{escape(table.title)}</h3><table data-table="{table.key}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body or EMPTY_ROW.format(len(table.columns))}</tbody></table>")


def html_page(report: Report, section: str | None = None) -> str:
    parts = []
    shown: set[str] = set()
    for key in _sections(report, section):
        parts.append(f"<h2>{SECTION_TITLES[key]}</h2>")
        if key == "red_line":
            parts.append(f'<p class="note">{escape(RED_LINE_NOTE)}</p>')
        parts.extend(f'<figure>{render(chart)}</figure>' for chart in charts_for(report, key))
        for table in tables_for(report, key):
            if table.key not in shown:
                shown.add(table.key)
                parts.append(table_html(table))
    title = "质检报表" + (f"：{SECTION_TITLES[section]}" if section else "")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin-bottom: 1.5em; }}
td, th {{ border: 1px solid #bbb; padding: 2px 8px; }} th {{ background: #f0f0f0; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
figure {{ margin: 0.5em 0 1em 0; }} .mark:hover {{ opacity: 0.7; }} p.note {{ color: #666; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p>{escape(report.filter.describe())} · 合格线 {report.threshold:g} 分 · 生成于 {escape(report.as_of)}</p>
<p class="basis"><strong>{escape(basis_line(report))}</strong></p>
{"".join(parts)}
</body></html>
"""


def write_report(report: Report, path: Path, fmt: str, section: str | None = None) -> None:
    """CSV holds one table: the section's first (its ranking), so it needs a section."""
    path = Path(path)
    if fmt == "html":
        write_text_atomic(path, html_page(report, section))
    elif fmt == "xlsx":
        data = io.BytesIO()
        workbook(report, section).save(data)
        write_bytes_atomic(path, data.getvalue())
    elif fmt == "csv":
        write_text_atomic(path, table_csv(tables_for(report, section or "agent")[0]), "utf-8-sig")
    else:
        raise ValueError(f"unknown report format {fmt!r}")
