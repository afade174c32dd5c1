"""Qt's own file dialog in the UI's language and readable: sizes and dates in the chosen locale, the sidebar wide
enough for its place names.

Qt's file-system model formats a file's size ("4 bytes") and date through the *system* locale, which is the
machine's (often C) and not the language chosen in Inspector's settings; and the dialog's sidebar opens narrower
than "计算机". Every file dialog the app opens (QFileDialog's static functions included) gets a proxy model that
formats both in the default locale (set from the UI language), a sidebar as wide as its longest name, and a width
that shows the files' columns whole where the screen allows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QIdentityProxyModel, QLocale, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QListView, QTreeView

SIZE, DATE = 1, 3                                  # QFileSystemModel's columns: name, size, type, date modified


class LocaleFileModel(QIdentityProxyModel):
    """The file-system model with its Size and Date modified columns in QLocale()'s language."""

    def data(self, index, role=Qt.DisplayRole):
        source = self.sourceModel()
        if role == Qt.DisplayRole and isinstance(source, QFileSystemModel) and index.column() in (SIZE, DATE):
            where = self.mapToSource(index)
            if index.column() == SIZE:
                return "" if source.isDir(where) else QLocale().formattedDataSize(source.size(where))
            return QLocale().toString(source.lastModified(where), QLocale.FormatType.ShortFormat)
        return super().data(index, role)


def fit_file_dialog(dialog: QFileDialog) -> None:
    """Locale sizes and dates, and a sidebar that shows its names whole."""
    if not isinstance(dialog.proxyModel(), LocaleFileModel):
        dialog.setProxyModel(LocaleFileModel(dialog))
    sidebar = dialog.findChild(QListView, "sidebar")
    if sidebar is not None and sidebar.model() is not None:
        model, metrics = sidebar.model(), sidebar.fontMetrics()
        names = [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]
        wanted = max((metrics.horizontalAdvance(name) for name in names), default=0) + sidebar.iconSize().width() + 56
        sidebar.setMinimumWidth(min(wanted, 240))
    files = dialog.findChild(QTreeView, "treeView")
    if sidebar is not None and files is not None:           # wide enough for name, size, type and date
        wanted = sidebar.minimumWidth() + files.header().length() + 64
        room = dialog.screen().availableGeometry().width() - 16
        if dialog.width() < wanted:
            dialog.resize(min(wanted, room), dialog.height())


class _FileDialogFitter(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            fit_file_dialog(watched)
        return False


def fit_every_file_dialog(app: QApplication) -> None:
    """Once per application: each file dialog is fitted as it shows."""
    if app.findChild(_FileDialogFitter) is None:
        app.installEventFilter(_FileDialogFitter(app))
