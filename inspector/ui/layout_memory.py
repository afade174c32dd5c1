"""The main window's splitters as the user left them, restored without squeezing a pane below its minimum.

A layout saved on a big screen and restored on a small one (or dragged until a pane vanished) would hide
the call list's columns or the transcript's search box; each restored pane gets at least what it needs to
show its controls, the rest shared out as saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter


def saved_sizes(splitters: dict[str, QSplitter]) -> dict[str, list[int]]:
    return {name: splitter.sizes() for name, splitter in splitters.items()}


def minimum_sizes(splitter: QSplitter) -> list[int]:
    horizontal = splitter.orientation() == Qt.Horizontal
    hints = [splitter.widget(i).minimumSizeHint() for i in range(splitter.count())]
    return [max(0, hint.width() if horizontal else hint.height()) for hint in hints]


def restore_sizes(splitters: dict[str, QSplitter], saved: dict) -> None:
    """Sizes scaled to the splitter's length now, each raised to its pane's minimum (taken from the others)."""
    for name, splitter in splitters.items():
        sizes = saved.get(name)
        if not isinstance(sizes, list) or len(sizes) != splitter.count() or sum(sizes) <= 0:
            continue
        length = splitter.width() if splitter.orientation() == Qt.Horizontal else splitter.height()
        total = length if length > 0 else sum(sizes)
        scaled = [max(0, int(s)) * total / sum(sizes) for s in sizes]
        minimums = minimum_sizes(splitter)
        wanting = [max(m - s, 0) for s, m in zip(scaled, minimums)]
        spare = [max(s - m, 0) for s, m in zip(scaled, minimums)]
        need, room = sum(wanting), sum(spare)
        fitted = [max(s, m) - (need * sp / room if room else 0) for s, m, sp in zip(scaled, minimums, spare)]
        splitter.setSizes([round(f) for f in fitted])
