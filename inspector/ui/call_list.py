"""The call list: a table model that pages through the database, with a filter bar above it.

Rows are fetched 200 at a time as the view scrolls (canFetchMore/fetchMore), so 100,000 calls open as
fast as 100; sorting and filtering are done by SQL on indexed columns.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from inspector.categories.pack import SEPARATOR
from inspector.store.calls import CALL_STATUSES, SORTABLE, Call, CallFilter, CallRepository
from inspector.store.categories import CategoryRepository
from inspector.store.emotion import EmotionRepository

PAGE = 200


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes:d}:{rest:02d}"


class CallTableModel(QAbstractTableModel):
    COLUMNS = ("call_ref", "agent_id", "started_at", "duration_s", "business_type", "status", "hit_count",
               "categories", "emotion")

    def __init__(self, repository: CallRepository, parent: QObject | None = None,
                 categories: CategoryRepository | None = None, emotions: EmotionRepository | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._category_repository = categories
        self._categories: dict[int, list[str]] = {}     # call id → labels, read a page at a time
        self._emotion_repository = emotions
        self._emotions: dict[int, tuple[str, str, bool]] = {}
        self._filter = CallFilter()
        self._sort = "started_at"
        self._descending = True
        self._rows: list[Call] = []
        self._total = 0
        self.refresh()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Call"), self.tr("Agent"), self.tr("Time"), self.tr("Duration"),
                self.tr("Business"), self.tr("Status"), self.tr("Hits"), self.tr("Categories"),
                self.tr("Customer emotion"))

    def emotion_text(self, label: str) -> str:
        return {"calm": self.tr("calm"), "tense": self.tr("tense"), "upset": self.tr("upset")}.get(label, label)

    def status_text(self, status: str) -> str:
        return {"new": self.tr("New"), "assigned": self.tr("Assigned"), "in_review": self.tr("In review"),
                "reviewed": self.tr("Reviewed"), "reopened": self.tr("Reopened"),
                "appealed": self.tr("Appealed")}.get(status, status)

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: CallFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        repo = self._repository
        self.beginResetModel()
        self._total = repo.count(self._filter)
        self._rows = repo.page(self._filter, self._sort, self._descending, 0, PAGE)
        self._categories = {}
        self._emotions = {}
        self._read_side_tables(self._rows)
        self.endResetModel()

    def _read_side_tables(self, calls: list[Call]) -> None:
        """Categories and emotion of these rows, one query each (they live in their own tables)."""
        if self._category_repository is not None and calls:
            self._categories.update(self._category_repository.labels_for([c.id for c in calls]))
        if self._emotion_repository is not None and calls:
            self._emotions.update(self._emotion_repository.summaries_for([c.id for c in calls]))

    def replace_row(self, call: Call) -> None:
        """One call changed (checked, scored): its row is repainted, the rest of the list stays as it is."""
        row = self.row_of(call.id)
        if row is not None:
            self._rows[row] = call
            self._categories.pop(call.id, None)
            self._emotions.pop(call.id, None)
            self._read_side_tables([call])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def call_at(self, row: int) -> Call | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, call_id: int) -> int | None:
        for row, call in enumerate(self._rows):
            if call.id == call_id:
                return row
        return None

    # Qt model interface ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        more = self._repository.page(self._filter, self._sort, self._descending,
                                               len(self._rows), PAGE)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._read_side_tables(more)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        call = self.call_at(index.row())
        if call is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            if column == "agent_id":
                return " ".join(x for x in (call.agent_id, call.agent_name) if x) or "—"
            if column == "started_at":
                return (call.started_at or "—").replace("T", " ")[:16]
            if column == "duration_s":
                return _duration(call.duration_s)
            if column == "status":
                return self.status_text(call.status)
            if column == "categories":
                return "；".join(self._categories.get(call.id, [])) or "—"
            if column == "emotion":
                return self._emotion_cell(call.id)
            value = getattr(call, column)
            return "—" if value in (None, "") else str(value)
        if role == Qt.ToolTipRole:
            return call.title or call.path
        if role == Qt.TextAlignmentRole and column in ("duration_s", "hit_count"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _emotion_cell(self, call_id: int) -> str:
        """Like "calm → upset ↑": the start, the end, and an arrow when it worsened."""
        if call_id not in self._emotions:
            return "—"
        start, end, worsened = self._emotions[call_id]
        text = self.emotion_text(start) if start == end else f"{self.emotion_text(start)} → {self.emotion_text(end)}"
        return text + (" ↑" if worsened else "")

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        key = self.COLUMNS[column]
        if key not in SORTABLE:
            return
        self._sort = key
        self._descending = order == Qt.DescendingOrder
        self.refresh()


class CallListPane(QWidget):
    """Filter bar + table; emits ``call_activated`` with the chosen Call."""

    call_activated = Signal(object)

    def __init__(self, repository: CallRepository, parent: QWidget | None = None,
                 categories: CategoryRepository | None = None, emotions: EmotionRepository | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._category_repository = categories
        self.model = CallTableModel(repository, self, categories, emotions)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search call, agent, business…"))
        self.agent = QComboBox(self)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), None)
        for key in CALL_STATUSES:
            self.status.addItem(self.model.status_text(key), key)
        self.hits_only = QCheckBox(self.tr("With hits"), self)
        self.category = QComboBox(self)
        self.category.setVisible(categories is not None)
        self.worsened_only = QCheckBox(self.tr("Emotion worsened"), self)
        self.worsened_only.setVisible(emotions is not None)
        self.use_dates = QCheckBox(self.tr("Dates"), self)
        self.date_from = QDateEdit(self, calendarPopup=True)
        self.date_to = QDateEdit(self, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        self.count_label = QLabel(self)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setAlternatingRowColors(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.agent, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.hits_only)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.worsened_only)
        dates.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self.apply_filter)
        self.agent.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.hits_only.toggled.connect(self.apply_filter)
        self.category.currentIndexChanged.connect(self.apply_filter)
        self.worsened_only.toggled.connect(self.apply_filter)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reload()

    def reload(self) -> None:
        """After an import: new agents in the filter box and new rows in the table."""
        current = self.agent.currentData()
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItem(self.tr("All agents"), None)
        for agent_id, name in self._repository.agents():
            self.agent.addItem(f"{agent_id} {name}".strip(), agent_id)
        index = self.agent.findData(current)
        self.agent.setCurrentIndex(max(0, index))
        self.agent.blockSignals(False)
        self._list_categories()
        self.apply_filter()

    def _list_categories(self) -> None:
        """The categories some call has, level 1 then its level 2 indented, each with its number of calls."""
        current = self.category.currentData()
        with QSignalBlocker(self.category):
            self.category.clear()
            self.category.addItem(self.tr("All categories"), None)
            for label, count in self._category_repository.in_use() if self._category_repository else []:
                shown = ("    " + label.split(SEPARATOR, 1)[1]) if SEPARATOR in label else label
                self.category.addItem(f"{shown} ({count})", label)
            self.category.setCurrentIndex(max(0, self.category.findData(current)))

    def current_filter(self) -> CallFilter:
        use_dates = self.use_dates.isChecked()
        return CallFilter(
            agent_id=self.agent.currentData(), status=self.status.currentData(),
            has_hits=True if self.hits_only.isChecked() else None, text=self.search.text().strip(),
            category=self.category.currentData(), worsened=True if self.worsened_only.isChecked() else None,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if use_dates else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if use_dates else None)

    def apply_filter(self) -> None:
        """Rows are read again; the selected call and the scroll position stay where the user left them."""
        selected = self.model.call_at(self.table.currentIndex().row())
        scroll = self.table.verticalScrollBar().value()
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("%n call(s)", "", self.model.total))
        self._show_status_counts()
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            with QSignalBlocker(self.table.selectionModel()):      # the same call: nothing to open again
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
            self.table.viewport().update()
        self.table.verticalScrollBar().setValue(scroll)

    def _show_status_counts(self) -> None:
        """Each status in the filter box says how many calls it holds under the other filters."""
        counts = self._repository.status_counts(replace(self.current_filter(), status=None))
        for index in range(self.status.count()):
            key = self.status.itemData(index)
            if key is not None:
                self.status.setItemText(index, f"{self.model.status_text(key)} ({counts.get(key, 0)})")

    def refresh_call(self, call_id: int) -> None:
        call = self._repository.get(call_id)
        if call is not None:
            self.model.replace_row(call)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _dates_toggled(self, enabled: bool) -> None:
        self.date_from.setEnabled(enabled)
        self.date_to.setEnabled(enabled)
        self.apply_filter()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        call = self.model.call_at(current.row())
        if call is not None:
            self.call_activated.emit(call)
