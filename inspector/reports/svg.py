"""Charts as inline SVG for the self-contained HTML export: horizontal bars, a histogram and lines, each
mark carrying a <title> so hovering shows its value in any browser."""

from __future__ import annotations

from html import escape

from inspector.reports.charts import Chart

WIDTH = 760
PALETTE = ("#3b6fb6", "#d9822b", "#3a9c5b", "#b33c3c", "#7b5aa6", "#8c6d3f", "#c75c9a", "#5f6b73")


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _open(height: int, title: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-size="12" '
            f'font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif" role="img">',
            f'<text x="8" y="16" font-weight="bold">{escape(title)}</text>']


def _scale(chart: Chart) -> tuple[float, float]:
    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.reference is not None:
        values.append(chart.reference)
    return min([0.0, *values]), max([0.0, *values]) or 1.0


def bars(chart: Chart) -> str:
    row, left, top, right = 22, 200, 28, 60
    low, high = _scale(chart)
    span = (high - low) or 1.0
    x = lambda v: left + (v - low) / span * (WIDTH - left - right)    # noqa: E731
    parts = _open(top + row * len(chart.labels) + 20, chart.title)
    values = chart.series[0].values if chart.series else ()
    for n, (label, value) in enumerate(zip(chart.labels, values)):
        y = top + n * row
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{escape(label[:24])}</text>')
        if value is None:
            continue
        start, end = sorted((x(0.0), x(value)))
        parts.append(f'<rect class="mark" x="{start:.1f}" y="{y + 3}" width="{max(1.0, end - start):.1f}" '
                     f'height="{row - 6}" fill="{PALETTE[0] if value >= 0 else PALETTE[3]}">'
                     f'<title>{escape(label)}: {_number(value)} {escape(chart.unit)}</title></rect>')
        parts.append(f'<text x="{end + 4:.1f}" y="{y + 15}">{_number(value)}</text>')
    if chart.reference is not None:
        parts.append(_reference_line(x(chart.reference), top, top + row * len(chart.labels), chart))
    parts.append("</svg>")
    return "".join(parts)


def _reference_line(at: float, y0: float, y1: float, chart: Chart) -> str:
    return (f'<line x1="{at:.1f}" y1="{y0}" x2="{at:.1f}" y2="{y1}" stroke="#b33c3c" stroke-dasharray="4 3">'
            f'<title>{escape(chart.reference_label)}</title></line>'
            f'<text x="{at + 3:.1f}" y="{y1 + 14}" fill="#b33c3c">{escape(chart.reference_label)}</text>')


def columns(chart: Chart) -> str:
    left, top, bottom, height = 50, 28, 40, 260
    n = max(1, len(chart.labels))
    width = (WIDTH - left - 10) / n
    values = chart.series[0].values if chart.series else ()
    high = max([1.0, *(v for v in values if v is not None)])
    y = lambda v: top + (1 - v / high) * (height - top - bottom)    # noqa: E731
    parts = _open(height, chart.title)
    for i, (label, value) in enumerate(zip(chart.labels, values)):
        x0 = left + i * width
        parts.append(f'<rect class="mark" x="{x0 + 1:.1f}" y="{y(value or 0):.1f}" width="{width - 2:.1f}" '
                     f'height="{y(0) - y(value or 0):.1f}" fill="{PALETTE[0]}"><title>{escape(label)}: '
                     f'{_number(value or 0)} {escape(chart.unit)}</title></rect>')
        if i % 2 == 0:
            parts.append(f'<text x="{x0 + width / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
                         f'font-size="10">{escape(label.split("–")[0])}</text>')
    parts.append(f'<text x="{left - 6}" y="{y(high) + 4:.1f}" text-anchor="end">{_number(high)}</text>')
    if chart.reference is not None and chart.labels:
        lows = [float(label.split("–")[0]) for label in chart.labels]
        top_value = float(chart.labels[-1].split("–")[1])
        at = left + (chart.reference - lows[0]) / ((top_value - lows[0]) or 1) * (WIDTH - left - 10)
        parts.append(_reference_line(at, top, y(0), chart))
    parts.append("</svg>")
    return "".join(parts)


def lines(chart: Chart) -> str:
    left, top, bottom, height, legend = 50, 28, 40, 280, 150
    n = len(chart.labels)
    values = [v for s in chart.series for v in s.values if v is not None]
    low, high = max(0.0, min(values, default=0.0) - 5), max(values, default=1.0)    # scores sit near the top
    span = (high - low) or 1.0
    x = lambda i: left + i * (WIDTH - left - legend) / max(1, n - 1)       # noqa: E731
    y = lambda v: top + (1 - (v - low) / span) * (height - top - bottom)   # noqa: E731
    parts = _open(height, chart.title)
    for i, label in enumerate(chart.labels):
        if i % max(1, n // 8) == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{height - bottom + 14}" text-anchor="middle" font-size="10">'
                         f'{escape(label[5:])}</text>')
    for value in (low, high):
        parts.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{_number(value)}</text>')
    for k, series in enumerate(chart.series):
        colour = PALETTE[k % len(PALETTE)]
        points = [(x(i), y(v), chart.labels[i], v) for i, v in enumerate(series.values) if v is not None]
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                     + " ".join(f"{px:.1f},{py:.1f}" for px, py, _l, _v in points) + '"/>')
        parts.extend(f'<circle class="mark" cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"><title>'
                     f'{escape(series.name)} {escape(label)}: {_number(v)} {escape(chart.unit)}</title></circle>'
                     for px, py, label, v in points)
        parts.append(f'<text x="{WIDTH - legend + 10}" y="{top + 16 * k + 10}" fill="{colour}">'
                     f'{escape(series.name[:16])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render(chart: Chart) -> str:
    return {"bars": bars, "columns": columns, "lines": lines}[chart.kind](chart)
