import threading

import pytest
from PySide6.QtCore import QThread

from inspector.jobs import Cancelled
from inspector.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    """Lives until every queued result has been delivered, like the window's runner in the app."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()
    qtbot.wait(50)


def _counting(n, gate=None):
    def factory(cancel: threading.Event):
        for i in range(n):
            if gate is not None:
                gate.wait(2)
            if cancel.is_set():
                raise Cancelled
            yield i
        return n * 10
    return factory


def test_progress_and_result_arrive_on_the_gui_thread(qtbot, runner):
    seen, threads, results = [], [], []
    runner.submit("count", _counting(5), lambda r: (results.append(r), threads.append(QThread.currentThread())),
                  on_progress=seen.append)
    qtbot.waitUntil(lambda: results == [50], timeout=3000)
    assert seen == [0, 1, 2, 3, 4]
    assert threads[0] is QThread.currentThread()
    assert runner.active() == []
    assert runner.wait_idle(2000)


def test_errors_are_reported_not_lost(qtbot, runner):
    errors = []

    def failing(_cancel):
        raise OSError(28, "No space left on device")
        yield

    runner.submit("fail", failing, lambda r: pytest.fail("no result expected"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert "No space left" in str(errors[0])
    assert runner.wait_idle(2000)


def test_cancel_stops_the_job_and_drops_its_result(qtbot, runner):
    gate = threading.Event()
    cancelled, results = [], []
    handle = runner.submit("slow", _counting(1000, gate), results.append, on_cancelled=lambda: cancelled.append(1))
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=3000)
    assert results == []
    assert handle.finished.wait(2)
    assert runner.wait_idle(2000)
