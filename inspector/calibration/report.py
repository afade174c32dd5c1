"""The calibration report: the grid as CSV for spreadsheets, and one self-contained HTML page (the heat map
drawn as inline SVG, no external files) to mail or archive with the session."""

from __future__ import annotations

import csv
import html
import io
import math
from pathlib import Path

import numpy as np

from inspector.atomic_file import write_text_atomic
from inspector.calibration.comparison import Comparison, GridRow
from inspector.spreadsheet import csv_text

KIND_NAMES = {"item": "评分项", "fatal": "致命项", "total": "总分"}


def format_number(value: float | None, digits: int = 2) -> str:
    """Blank for a missing value, and no trailing zeros: 8 rather than 8.00 in a grid of scores."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def grid_csv(comparison: Comparison) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    people = comparison.participants
    writer.writerow(["call", "item", "item_name", "kind", *people, "benchmark", "mean", "sd", "range",
                     "agreement_pct", *[f"dev_{p}" for p in people], "out_of_tolerance"])
    for r in comparison.rows:
        writer.writerow([csv_text(r.call_ref), r.item, csv_text(r.item_name), r.kind, *[format_number(r.scores[p]) for p in people],
                         format_number(r.benchmark), format_number(r.mean), format_number(r.sd),
                         format_number(r.spread),
                         format_number(None if r.agreement is None else 100 * r.agreement, 1),
                         *[format_number(r.deviations.get(p)) for p in people], " ".join(r.outside)])
    return out.getvalue()


def write_report(comparison: Comparison, html_path: Path | None = None, csv_path: Path | None = None) -> None:
    # the CSV gets a BOM so that Excel on a Chinese Windows reads it as UTF-8
    for path, render, encoding in ((html_path, html_report, "utf-8"), (csv_path, grid_csv, "utf-8-sig")):
        if path is not None:
            write_text_atomic(path, render(comparison), encoding)


def deviation_colour(value: float, limit: float) -> str:
    """Diverging: blue for strict (below the benchmark), red for lenient, white for agreement."""
    if math.isnan(value):
        return "#eeeeee"
    t = max(-1.0, min(1.0, value / limit)) if limit else 0.0
    fade = int(255 * (1 - abs(t)))
    return f"#ff{fade:02x}{fade:02x}" if t > 0 else f"#{fade:02x}{fade:02x}ff"


def text_colour(value: float, limit: float) -> str:
    """White on the dark end of either colour, near-black elsewhere: readable on every cell."""
    return "#ffffff" if limit and abs(value) > 0.5 * limit else "#222222"


def heat_limit(heat: np.ndarray) -> float:
    finite = np.abs(heat[np.isfinite(heat)])
    return float(max(1.0, finite.max())) if finite.size else 1.0


def _heat_svg(comparison: Comparison) -> str:
    people, items = comparison.participants, comparison.items
    # item names stand rotated by 60° above their column: room for the longest (CJK glyphs are ~12 px wide)
    label = max((len(f"{item} {name}") for item, name in items), default=4) * 12
    cell, left, top = 34, 90, 20 + math.ceil(label * math.sin(math.radians(60)))
    right = math.ceil(label * math.cos(math.radians(60)))
    limit = heat_limit(comparison.heat)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + cell * len(items) + right}" '
             f'height="{top + cell * len(people) + 10}" font-size="12" font-family="sans-serif">']
    for col, (item, name) in enumerate(items):
        x = left + col * cell + cell / 2
        parts.append(f'<text transform="translate({x},{top - 6}) rotate(-60)">{html.escape(item)} '
                     f'{html.escape(name)}</text>')
    for row, person in enumerate(people):
        y = top + row * cell
        parts.append(f'<text x="{left - 6}" y="{y + cell / 2 + 4}" text-anchor="end">{html.escape(person)}</text>')
        for col in range(len(items)):
            value = comparison.heat[row, col]
            parts.append(f'<rect x="{left + col * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" '
                         f'fill="{deviation_colour(value, limit)}"><title>{html.escape(person)} '
                         f'{html.escape(items[col][0])}: {format_number(value)}</title></rect>')
            if not math.isnan(value):
                parts.append(f'<text x="{left + col * cell + cell / 2}" y="{y + cell / 2 + 4}" '
                             f'text-anchor="middle" font-size="10" fill="{text_colour(value, limit)}">'
                             f'{format_number(value, 1)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _grid_table(comparison: Comparison) -> str:
    people = comparison.participants
    head = "".join(f"<th>{html.escape(h)}</th>" for h in
                   ["通话", "项目", *people, "基准", "均值", "标准差", "极差", "一致率"])
    lines = [f"<table><thead><tr>{head}</tr></thead><tbody>"]
    for r in comparison.rows:
        lines.append(_grid_line(r, people))
    lines.append("</tbody></table>")
    return "".join(lines)


def _grid_line(r: GridRow, people: list[str]) -> str:
    cells = [html.escape(r.call_ref), html.escape(f"{r.item} {r.item_name}" if r.kind != "total" else r.item_name)]
    scored = [f'<td class="{"out" if p in r.outside else ""}">{format_number(r.scores[p])}</td>' for p in people]
    tail = [format_number(r.benchmark), format_number(r.mean), format_number(r.sd), format_number(r.spread),
            "" if r.agreement is None else f"{100 * r.agreement:.0f}%"]
    style = ' class="flag"' if r.flagged else (' class="total"' if r.kind == "total" else "")
    return (f"<tr{style}>" + "".join(f"<td>{c}</td>" for c in cells) + "".join(scored)
            + "".join(f"<td>{c}</td>" for c in tail) + "</tr>")


def html_report(comparison: Comparison) -> str:
    session = comparison.session
    drift = "".join(f"<tr><td>{html.escape(d.inspector)}</td><td>{d.bias:+.2f}</td><td>{d.noise:.2f}</td>"
                    f"<td>{'偏松' if d.bias > 0.5 else '偏严' if d.bias < -0.5 else '适中'}</td></tr>"
                    for d in comparison.drift)
    stats = "".join(f"<tr><td>{html.escape(s.name)}</td><td>{format_number(s.value, 3)}</td>"
                    f"<td>{'' if s.low is None else f'[{s.low:.3f}, {s.high:.3f}]'}</td>"
                    f"<td>{html.escape(s.note)}</td></tr>" for s in comparison.statistics)
    missing = "".join(f"<li>{html.escape(p)}: {html.escape(c)}</li>" for p, c in comparison.missing)
    benchmark = html.escape(session.benchmark or "无（以参与者均值为参照）")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>校准报告 {html.escape(session.title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; margin-bottom: 1.5em; }}
td, th {{ border: 1px solid #bbb; padding: 2px 6px; text-align: right; }}
td:first-child, td:nth-child(2) {{ text-align: left; }}
tr.flag td {{ background: #fff3cd; }} tr.total td {{ font-weight: bold; }} td.out {{ color: #b00020; font-weight: bold; }}
</style></head><body>
<h1>校准报告：{html.escape(session.title)}</h1>
<p>评分表 {html.escape(session.card_id)} {html.escape(session.card_version)} · 组长 {html.escape(session.lead)} ·
基准 {benchmark} · 揭晓于 {html.escape(session.revealed_at or "未揭晓")}</p>
<h2>偏差热力图（质检员 × 评分项，平均偏差；致命项为其分歧造成的总分偏差：红=偏松，蓝=偏严）</h2>
{_heat_svg(comparison)}
<h2>质检员偏差</h2>
<table><thead><tr><th>质检员</th><th>平均偏差（总分）</th><th>离散度（标准差）</th><th>倾向</th></tr></thead>
<tbody>{drift}</tbody></table>
<h2>一致性统计（95% 自助法置信区间）</h2>
<table><thead><tr><th>统计量</th><th>值</th><th>95% CI</th><th>说明</th></tr></thead><tbody>{stats}</tbody></table>
{f"<h2>未提交</h2><ul>{missing}</ul>" if missing else ""}
<h2>评分明细</h2>
{_grid_table(comparison)}
</body></html>
"""
