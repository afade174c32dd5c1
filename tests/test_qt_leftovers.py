"""The suite-wide check for Qt objects a test leaves behind (conftest.QtLeftovers) sees each kind."""

import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

from tests.conftest import QtLeftovers


class _Blocked(QRunnable):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release

    def run(self) -> None:
        self.release.wait()


def test_a_running_timer_and_a_pending_single_shot_are_found(qtbot, monkeypatch):
    watch = QtLeftovers(monkeypatch)
    timer = QTimer()
    timer.start(60_000)
    context = QObject()
    QTimer.singleShot(60_000, context, lambda: None)
    left = watch.left()
    assert len([item for item in left if "QTimer" in item]) == 2, left
    timer.stop()
    context.deleteLater()                    # a single shot dies with its context object, as in Qt
    assert watch.left() == []


def test_an_open_window_is_found_and_a_closed_one_is_not(qtbot, monkeypatch):
    watch = QtLeftovers(monkeypatch)
    window = QWidget()
    window.setWindowTitle("left open")
    window.show()
    assert watch.left() == ["an open window QWidget 'left open'"]
    window.close()
    assert watch.left() == []


def test_a_busy_thread_pool_is_found(qtbot, monkeypatch):
    watch = QtLeftovers(monkeypatch)
    release = threading.Event()
    pool = QThreadPool()
    pool.start(_Blocked(release))
    assert any("QThreadPool" in item for item in watch.left())
    release.set()
    assert pool.waitForDone(60_000)
    assert watch.left() == []
