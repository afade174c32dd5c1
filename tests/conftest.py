"""Test session set-up: offscreen Qt, private data folders, and the real sound server on demand."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests import sound_server  # noqa: E402
from tests.speech_models import MANDARIN, MISSING  # noqa: E402  (found before any test hides the data folder)

pytest_plugins = ["tests.hub_server", "tests.postgres_server"]   # a real receiver process; its PostgreSQL

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"
ARTIFACTS = ROOT / "artifacts"


def pytest_runtest_setup(item):
    """A test marked ``mandarin`` needs the real Mandarin model: skipped without one, failed in CI."""
    if item.get_closest_marker("mandarin") and MANDARIN is None:
        if os.environ.get("CI"):
            pytest.fail(f"the Mandarin tests must run in CI: {MISSING}")
        pytest.skip(MISSING)


def pytest_collection_modifyitems(items):
    """The files with a ``slow`` test run first, each file's tests in their order. scripts/test.sh hands whole
    files to its workers in this order, each worker taking the next when it is done: the long files are shared
    out while the many short ones are left to even up the end, rather than one long file running alone last."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Never read or write the user's real settings or data."""
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INSPECTOR_CONFIG_DIR", str(tmp_path / "config"))
    yield


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """A test that leaves a worker or playback thread running fails, like napari's QThread check."""
    before = set(threading.enumerate())
    yield
    leftovers = [t for t in threading.enumerate()
                 if t not in before and t.is_alive() and t.name.startswith("inspector")]
    for thread in leftovers:
        thread.join(timeout=3)
    assert not [t for t in leftovers if t.is_alive()], f"threads left running: {leftovers}"


class QtLeftovers:
    """What a test started in Qt, to find what it left behind (napari's dangling_qtimers, dangling_qthreads,
    dangling_qthread_pool and leaked-widget checks): ``QTimer.start``, ``QTimer.singleShot``,
    ``QThread.start`` and ``QThreadPool.start`` are recorded while the test runs."""

    def __init__(self, monkeypatch) -> None:
        from PySide6.QtCore import QThread, QThreadPool, QTimer
        from PySide6.QtWidgets import QApplication

        self.timers: list = []
        self.threads: list = []
        self.pools: list = []
        app = QApplication.instance()
        self.windows_before = set(app.topLevelWidgets()) if isinstance(app, QApplication) else set()
        start, single_shot = QTimer.start, QTimer.singleShot
        thread_start, pool_start = QThread.start, QThreadPool.start

        def recording_start(timer, *args):
            """A signal connected to ``timer.start`` (a filter box's textChanged, a date box's dateChanged)
            passes its own arguments; Qt calls the no-argument overload then, and so does this."""
            self.timers.append(timer)
            if args and not isinstance(args[0], int):
                args = ()
            return start(timer, *args)

        def recording_single_shot(msec, *args):
            """The forms Inspector uses, (msec, callable) and (msec, context, callable), through a timer we
            can see; anything else goes to Qt as it is."""
            if len(args) == 1 and callable(args[0]) or len(args) == 2 and callable(args[1]):
                context = args[0] if len(args) == 2 else None
                timer = QTimer(context)
                timer.setSingleShot(True)
                timer.timeout.connect(args[-1])
                self.timers.append(timer)
                start(timer, msec)
                return None
            return single_shot(msec, *args)

        def recording_thread_start(thread, *args):
            self.threads.append(thread)
            return thread_start(thread, *args)

        def recording_pool_start(pool, *args):
            self.pools.append(pool)
            return pool_start(pool, *args)

        monkeypatch.setattr(QTimer, "start", recording_start)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(recording_single_shot))
        monkeypatch.setattr(QThread, "start", recording_thread_start)
        monkeypatch.setattr(QThreadPool, "start", recording_pool_start)

    def left(self) -> list[str]:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication
        from shiboken6 import isValid

        app = QApplication.instance()
        if app is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # what deleteLater promised
            app.processEvents()
        found = [f"a running QTimer ({t.interval()} ms, parent {type(t.parent()).__name__})"
                 for t in self.timers if isValid(t) and t.isActive()]
        found += [f"a running QThread {t!r}" for t in self.threads if isValid(t) and t.isRunning()]
        found += [f"a QThreadPool with {p.activeThreadCount()} busy threads" for p in self.pools
                  if isValid(p) and p.activeThreadCount()]
        if isinstance(app, QApplication):
            found += [f"an open window {type(w).__name__} {w.windowTitle()!r}" for w in app.topLevelWidgets()
                      if w not in self.windows_before and isValid(w) and w.isVisible()]
        return found


@pytest.fixture(autouse=True)
def no_leftover_qt(monkeypatch):
    """A test that leaves a Qt timer running, a thread working or a window open fails: whatever it left
    would fire or paint during the next tests. Runs after pytest-qt has closed the qtbot's widgets."""
    watch = QtLeftovers(monkeypatch)
    yield
    left = watch.left()
    assert not left, f"the test left Qt objects behind: {left}"


@pytest.fixture(autouse=True)
def no_modal_message_boxes(monkeypatch):
    """A message box a test did not expect would wait for a click that never comes: the test hangs until the
    suite's time limit, and the stack shows only the dialog. Unexpected boxes are answered at once (No,
    Cancel: nothing destructive follows) and fail the test with their text. A test that expects one patches
    the same function itself."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def unexpected(kind: str, default):
        def box(_parent, title="", text="", *_args, **_kwargs):
            shown.append(f"{kind} {title!r}: {text}")
            return default
        return box

    for kind, default in (("information", QMessageBox.Ok), ("warning", QMessageBox.Ok),
                          ("critical", QMessageBox.Ok), ("question", QMessageBox.No)):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(unexpected(kind, default)))
    yield
    assert not shown, f"the test opened message boxes it did not expect: {shown}"


WAIT_LIMIT_MS = 120_000


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's qtbot whose waits for an event give up only after WAIT_LIMIT_MS: a test's time limit ends
    a hang, it is no claim about speed, and on a loaded machine a window's background work takes its time."""
    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback"):
        wait = getattr(qtbot, name)

        def patient(*args, _wait=wait, **kwargs):
            if kwargs.get("timeout") is not None:
                kwargs["timeout"] = max(kwargs["timeout"], WAIT_LIMIT_MS)
            else:
                kwargs["timeout"] = WAIT_LIMIT_MS
            return _wait(*args, **kwargs)

        setattr(qtbot, name, patient)
    return qtbot


@pytest.fixture(scope="session")
def null_sink():
    reason = sound_server.available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the audio tests must run in CI: {reason}")
        pytest.skip(reason)
    sink = sound_server.NullSink()
    previous = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = sink.server
    yield sink
    if previous is None:
        os.environ.pop("PULSE_SERVER", None)
    else:
        os.environ["PULSE_SERVER"] = previous
    sink.close()


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    """The demo workspace copied, so a test may add or break files without touching resources/."""
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    return target
