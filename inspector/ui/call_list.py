"""The call list: a table model that pages through the database, with a filter bar above it.

Rows are fetched 200 at a time as the view scrolls (canFetchMore/fetchMore), each page continuing after the
previous one's last row through an index, so 20,000 calls scroll to the end as fast as 1,000. Columns get
their width once from a sample text, never by measuring rows: ResizeToContents re-read every loaded row on
each sort, filter and keystroke. Search waits for a pause in typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QDate, QEvent, QModelIndex,
                            QObject, QSignalBlocker, Qt, QTimer, Signal)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QSpinBox, QStyle, QStyleOptionHeader, QTableView, QVBoxLayout, QWidget)

from inspector.ui.category_names import category_text
from inspector.categories.pack import SEPARATOR
from inspector.domain.calls import SORTABLE
from inspector.desk.desk import Desk
from inspector.domain.calls import CALL_STATUSES, Call, CallFilter

PAGE = 200
MAX_PAGE = 6400           # each fetch doubles, up to this: dragging to the end of 20,000 calls is 7 fetches
_DISPLAY, _ALIGNMENT, _TOOLTIP = int(Qt.DisplayRole), int(Qt.TextAlignmentRole), int(Qt.ToolTipRole)
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
SEARCH_PAUSE_MS = 250     # typing faster than this reads the list once, after the last key


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes:d}:{rest:02d}"


def _plain(value: object) -> str:
    return "—" if value in (None, "") else str(value)


@dataclass(frozen=True)
class CallColumn:
    """One column of the call list. A new column is one more entry in COLUMNS (sortable when its key is
    in the store's SORT_KEYS)."""

    key: str                                 # the Call field it shows and sorts by
    title: str                               # source text, translated in the "CallTableModel" context
    sample: str                              # a typical widest cell: the column's width without reading rows
    text: Callable[[Call], str] | None = None   # None: the field as it is, "—" when empty
    right: bool = False                      # numbers align right
    stretch: bool = False                    # takes the width the window has to spare

    def display(self, call: Call) -> str:
        return self.text(call) if self.text is not None else _plain(getattr(call, self.key))


# the status and the hit count follow the call id: in a narrow list they are what must stay in view
COLUMNS: tuple[CallColumn, ...] = (
    CallColumn("call_ref", QT_TRANSLATE_NOOP("CallTableModel", "Call"), "CALL-000000"),
    CallColumn("status", QT_TRANSLATE_NOOP("CallTableModel", "Status"), ""),     # widest status, translated
    CallColumn("hit_count", QT_TRANSLATE_NOOP("CallTableModel", "Hits"), "000", right=True),
    # the automatic score: a suggestion from the hits alone (scoring.auto), never an inspector's evaluation
    CallColumn("auto_score", QT_TRANSLATE_NOOP("CallTableModel", "Auto score"), "100.0",
               lambda c: "—" if c.auto_score is None else f"{c.auto_score:g}", right=True),
    CallColumn("agent_id", QT_TRANSLATE_NOOP("CallTableModel", "Agent"), "100000 坐席姓名",
               lambda c: " ".join(x for x in (c.agent_id, c.agent_name) if x) or "—"),
    CallColumn("started_at", QT_TRANSLATE_NOOP("CallTableModel", "Time"), "2026-00-00 00:00",
               lambda c: (c.started_at or "—").replace("T", " ")[:16]),
    CallColumn("duration_s", QT_TRANSLATE_NOOP("CallTableModel", "Duration"), "00:00",
               lambda c: _duration(c.duration_s), right=True),
    CallColumn("business_type", QT_TRANSLATE_NOOP("CallTableModel", "Business"), "流量包办理"),
    # the voice of the customer, read from their own tables a page at a time (see CallTableModel._cell)
    CallColumn("emotion", QT_TRANSLATE_NOOP("CallTableModel", "Customer emotion"), "平静 → 激动 ↑"),
    CallColumn("categories", QT_TRANSLATE_NOOP("CallTableModel", "Categories"), "资费争议›扣费不明", stretch=True),
)


class CallTableModel(QAbstractTableModel):
    COLUMNS = tuple(column.key for column in COLUMNS)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repository = desk.calls
        self._category_repository = desk.categories
        self._categories: dict[int, list[str]] = {}     # call id → labels, read a page at a time
        self._emotion_repository = desk.emotions
        self._emotions: dict[int, tuple[str, str, bool]] = {}
        self._checked: set[int] = set()                 # calls the rules have checked (else hits show "—")
        self._filter = CallFilter()
        self._sort = "started_at"
        self._descending = True
        self._rows: list[Call] = []
        self._cells: dict[int, tuple[str, ...]] = {}     # row → its texts, made when first painted
        self._next_page = PAGE
        self._total = 0
        self._statuses = {status: self._status_text(status) for status in CALL_STATUSES}
        self._alignment = tuple(_RIGHT if column.right else None for column in COLUMNS)
        self.refresh()

    def headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate("CallTableModel", column.title) for column in COLUMNS)

    def status_text(self, status: str) -> str:
        return self._statuses.get(status, status)

    def emotion_text(self, label: str) -> str:
        return {"calm": self.tr("calm"), "tense": self.tr("tense"), "upset": self.tr("upset")}.get(label, label)

    def _status_text(self, status: str) -> str:
        return {"new": self.tr("New"), "assigned": self.tr("Assigned"), "in_review": self.tr("In review"),
                "reviewed": self.tr("Reviewed"), "reopened": self.tr("Reopened"),
                "appealed": self.tr("Appealed")}.get(status, status)

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: CallFilter, total: int | None = None) -> None:
        """``total``: how many calls match, when the caller counted them already (a text search scans)."""
        self._filter = flt
        self.refresh(total)

    def refresh(self, total: int | None = None) -> None:
        repo = self._repository
        self.beginResetModel()
        self._total = repo.count(self._filter) if total is None else total
        self._rows = repo.page(self._filter, self._sort, self._descending, limit=PAGE)
        self._cells.clear()
        self._categories, self._emotions, self._checked = {}, {}, set()
        self._read_side_tables(self._rows)
        self._next_page = PAGE
        self.endResetModel()

    def _read_side_tables(self, calls: list[Call]) -> None:
        """Categories and emotion of these rows, one query each (they live in their own tables)."""
        if calls:
            self._categories.update(self._category_repository.labels_for([c.id for c in calls]))
        if calls:
            self._emotions.update(self._emotion_repository.summaries_for([c.id for c in calls]))
        self._checked.update(self._repository.checked([c.id for c in calls]))

    def replace_row(self, call: Call) -> None:
        """One call changed (checked, scored): its row is repainted, the rest of the list stays as it is."""
        row = self.row_of(call.id)
        if row is not None:
            self._rows[row] = call
            self._cells.pop(row, None)
            self._categories.pop(call.id, None)
            self._emotions.pop(call.id, None)
            self._checked.discard(call.id)
            self._read_side_tables([call])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

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
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        self._next_page = min(2 * self._next_page, MAX_PAGE)
        more = self._repository.page(self._filter, self._sort, self._descending, limit=self._next_page,
                                     after=self._rows[-1] if self._rows else None)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self._read_side_tables(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Vertical and role == Qt.DisplayRole:     # the call id, fixed while scrolling sideways
            call = self.call_at(section)
            return None if call is None else call.call_ref
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        """Called for every role of every visible cell on each paint: answers from the row's cached texts."""
        if role == _DISPLAY:
            row = index.row()
            cells = self._cells.get(row)
            if cells is None:
                call = self.call_at(row)
                if call is None:
                    return None
                cells = self._cells[row] = tuple(self._cell(column, call) for column in COLUMNS)
            return cells[index.column()]
        if role == _ALIGNMENT:
            return self._alignment[index.column()]
        if role == _TOOLTIP:
            call = self.call_at(index.row())
            return None if call is None else call.title or call.path
        return None

    def _cell(self, column: CallColumn, call: Call) -> str:
        if column.key == "status":
            return self.status_text(call.status)
        if column.key == "categories":
            return "；".join(category_text(c) for c in self._categories.get(call.id, [])) or "—"
        if column.key == "emotion":
            return self._emotion_cell(call.id)
        if column.key == "hit_count" and call.id not in self._checked:
            return "—"
        return column.display(call)

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


class IdCorner(QObject):
    """The table's top-left corner, over the call ids that head the rows: it is their column head, named and
    sorting by the id (click again for the other way), as the id's column did before it became the rows' head."""

    def __init__(self, table: QTableView, title: str) -> None:
        super().__init__(table)
        self.table, self.title = table, title
        self.button = next(b for b in table.findChildren(QAbstractButton) if b.parent() is table)
        self.button.installEventFilter(self)
        self.button.clicked.connect(self.sort)
        self.button.setToolTip(self.tr("Sort by call id"))
        header = table.verticalHeader()
        header.setMinimumWidth(header.fontMetrics().horizontalAdvance(title) + 28)   # the name and its arrow

    def sorted_by_id(self) -> bool:
        return self.table.horizontalHeader().sortIndicatorSection() == CallTableModel.COLUMNS.index("call_ref")

    def sort(self) -> None:
        ascending = not self.sorted_by_id() or self.table.horizontalHeader().sortIndicatorOrder() == Qt.DescendingOrder
        self.table.sortByColumn(CallTableModel.COLUMNS.index("call_ref"),
                                Qt.AscendingOrder if ascending else Qt.DescendingOrder)
        self.button.update()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.button and event.type() == QEvent.Type.Paint:
            option = QStyleOptionHeader()
            option.initFrom(self.button)
            option.rect, option.text = self.button.rect(), self.title
            option.position = QStyleOptionHeader.SectionPosition.OnlyOneSection
            option.textAlignment = Qt.AlignLeft | Qt.AlignVCenter
            if self.sorted_by_id():
                option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown
                                        if self.table.horizontalHeader().sortIndicatorOrder() == Qt.AscendingOrder
                                        else QStyleOptionHeader.SortIndicator.SortUp)
            painter = QPainter(self.button)
            self.button.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self.button)
            painter.end()
            return True
        return False


class CallListPane(QWidget):
    """Filter bar + table; emits ``call_activated`` with the chosen Call."""

    call_activated = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository = desk.calls
        self._category_repository = desk.categories
        self.model = CallTableModel(desk, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search call, agent, business…"))
        self.agent = QComboBox(self)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), None)
        for key in CALL_STATUSES:
            self.status.addItem(self.model.status_text(key), key)
        for box in (self.agent, self.status):     # long agent names must not widen the whole window
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        self.hits_only = QCheckBox(self.tr("With hits"), self)
        self.auto_below = QSpinBox(self)           # 0: any automatic score
        self.auto_below.setRange(0, 100)
        self.auto_below.setPrefix(self.tr("Auto score < "))
        self.auto_below.setSpecialValueText(self.tr("Any auto score"))
        self.auto_below.setToolTip(self.tr("Only calls whose automatic score (from the rule hits) is below this"))
        self.category = QComboBox(self)
        self.category.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(8)
        self.worsened_only = QCheckBox(self.tr("Emotion worsened"), self)
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
        self.table.sortByColumn(CallTableModel.COLUMNS.index("started_at"), Qt.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        # the call id heads each row instead of filling the first column: scrolled sideways to the time, the
        # emotion and the categories, the list still says which call each row is
        self.table.setColumnHidden(CallTableModel.COLUMNS.index("call_ref"), True)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.id_corner = IdCorner(self.table, QCoreApplication.translate("CallTableModel", COLUMNS[0].title))
        self._size_columns()
        self.table.setAlternatingRowColors(True)

        # short rows rather than two long ones: the list stays usable in a third of a 1280-px screen
        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.hits_only)
        search.addWidget(self.auto_below)
        filters = QHBoxLayout()
        filters.addWidget(self.agent, 1)
        filters.addWidget(self.status, 1)
        voice = QHBoxLayout()                     # the voice of the customer: why they called, how they felt
        voice.addWidget(self.category, 1)
        voice.addWidget(self.worsened_only)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.count_label)         # where the row has room: "共 6 通" is never cut off
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addLayout(filters)
        layout.addLayout(voice)
        layout.addLayout(dates)
        layout.addWidget(self.table)

        self._search_pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_pause.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.agent.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.hits_only.toggled.connect(self.apply_filter)
        self.auto_below.valueChanged.connect(self.apply_filter)
        self.category.currentIndexChanged.connect(self.apply_filter)
        self.worsened_only.toggled.connect(self.apply_filter)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reload()

    def _size_columns(self) -> None:
        """Widths from each column's sample and title, once; the user may drag them, one column stretches."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header_metrics = header.fontMetrics()
        pad = 4 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_HeaderMargin) + 12
        header.setStretchLastSection(False)
        for section, (column, title) in enumerate(zip(COLUMNS, self.model.headers())):
            samples = [column.sample] + ([self.model.status_text(s) for s in CALL_STATUSES]
                                         if column.key == "status" else [])
            width = max(header_metrics.horizontalAdvance(title) + 16,
                        *(metrics.horizontalAdvance(sample) for sample in samples)) + pad
            header.resizeSection(section, width)
            header.setSectionResizeMode(section, QHeaderView.Stretch if column.stretch else QHeaderView.Interactive)

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
            for label, count in self._category_repository.in_use():
                shown = ("    " + category_text(label.split(SEPARATOR, 1)[1])) if SEPARATOR in label \
                    else category_text(label)
                self.category.addItem(f"{shown} ({count})", label)
            self.category.setCurrentIndex(max(0, self.category.findData(current)))

    def current_filter(self) -> CallFilter:
        use_dates = self.use_dates.isChecked()
        return CallFilter(
            agent_id=self.agent.currentData(), status=self.status.currentData(),
            has_hits=True if self.hits_only.isChecked() else None, text=self.search.text().strip(),
            category=self.category.currentData(), worsened=True if self.worsened_only.isChecked() else None,
            auto_below=float(self.auto_below.value()) or None,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if use_dates else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if use_dates else None)

    def apply_filter(self) -> None:
        """Rows are read again; the selected call and the scroll position stay where the user left them."""
        self._search_pause.stop()
        selected = self.model.call_at(self.table.currentIndex().row())
        scroll = self.table.verticalScrollBar().value()
        flt = self.current_filter()
        counts = self._repository.status_counts(replace(flt, status=None))
        self.model.set_filter(flt, counts.get(flt.status, 0) if flt.status else sum(counts.values()))
        self.count_label.setText(self.tr("%n call(s)", "", self.model.total))
        self._show_status_counts(counts)
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            with QSignalBlocker(self.table.selectionModel()):      # the same call: nothing to open again
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
            self.table.viewport().update()
        self.table.verticalScrollBar().setValue(scroll)

    def _show_status_counts(self, counts: dict[str, int]) -> None:
        """Each status in the filter box says how many calls it holds under the other filters."""
        for index in range(self.status.count()):
            key = self.status.itemData(index)
            if key is not None:
                self.status.setItemText(index, f"{self.model.status_text(key)} ({counts.get(key, 0)})")

    def refresh_call(self, call_id: int) -> None:
        call = self._repository.get(call_id)
        if call is not None:
            self.model.replace_row(call)

    def follow(self, changes) -> None:
        """After an operation on the database lane (ui/operations.py): the rows of the calls it changed."""
        for call_id in changes.calls:
            self.refresh_call(call_id)

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
