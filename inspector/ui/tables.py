"""Read-only tables, set up the one way every dialog shows them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget


LONG_TEXT = 30


def read_only_table(parent: QWidget, headers: Sequence[str], rows: Sequence[Sequence[str]] = ()) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    fill(table, rows)
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if len(text) > LONG_TEXT:
                item.setToolTip(text)        # long evidence or reasons are cut in the cell, whole on hover
            table.setItem(r, c, item)
