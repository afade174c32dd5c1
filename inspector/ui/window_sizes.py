"""Every window opens within the screen it appears on and comes back at the size the user left it.

A size fixed in code (the main window's 1360×860, Reports' 1280×860) put Submit, Export and Close below the
edge of a 1280×800 laptop. The wanted size is now only a wish: it is bounded by the screen's available area
(less the frame the window manager adds), and the size the user leaves a window at is kept in the settings
(``Settings.window_sizes``) for the next time it opens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 48)        # the window manager's border and title bar, not part of the widget's size


def fit_size(wanted: QSize, available: QRect) -> QSize:
    """The wanted size, no larger than the available area less the frame."""
    room = QSize(max(200, available.width() - FRAME.width()), max(150, available.height() - FRAME.height()))
    return wanted.boundedTo(room)


def available_area(widget: QWidget) -> QRect:
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen() \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def remembered_sizes(widget: QWidget) -> dict | None:
    """The settings' ``window_sizes`` of the main window this widget belongs to, if any."""
    node = widget
    while node is not None:
        sizes = getattr(getattr(node, "settings", None), "window_sizes", None)
        if isinstance(sizes, dict):
            return sizes
        node = node.parentWidget()
    return None


class _Remember(QObject):
    """Writes the window's size into the settings whenever it is hidden (closed, or its dialog ends)."""

    def __init__(self, widget: QWidget, key: str, sizes: dict) -> None:
        super().__init__(widget)
        self.key, self.sizes = key, sizes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget):
            remember(watched, self.key, self.sizes)
        elif event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            keep_on_screen(watched)
        return False


def keep_on_screen(widget: QWidget) -> None:
    """A window centred over a wider parent, or wider than wished for by its contents, is moved (and if
    need be narrowed) so that its buttons are on the screen."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), max(area.x(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.y()), max(area.y(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def remember(widget: QWidget, key: str, sizes: dict) -> None:
    if not widget.windowState() & (Qt.WindowMaximized | Qt.WindowFullScreen):
        sizes[key] = [widget.width(), widget.height()]


def open_within_screen(widget: QWidget, key: str, wanted: QSize, sizes: dict | None = None) -> None:
    """Size ``widget`` as last left (else ``wanted``), within the screen; remember it when it is hidden.
    ``sizes`` defaults to the settings of the main window the widget belongs to."""
    sizes = remembered_sizes(widget) if sizes is None else sizes
    saved = sizes.get(key) if sizes is not None else None
    if isinstance(saved, list) and len(saved) == 2 and all(isinstance(v, int) and v > 0 for v in saved):
        wanted = QSize(*saved)
    widget.resize(fit_size(wanted, available_area(widget)))
    widget.installEventFilter(_Remember(widget, key, sizes if sizes is not None else {}))
