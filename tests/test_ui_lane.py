"""The database lane: the UI's writes run on one worker thread with its own connection, one after another in
the order asked, and each publishes what it changed after it committed; a failure reaches whoever asked."""

from __future__ import annotations

import threading

import pytest

from inspector.store.database import open_database
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.workspace import Workspace


@pytest.fixture
def lane(qtbot, tmp_path):
    workspace = Workspace(tmp_path / "ws")
    gui_db = open_database(workspace.database)
    gui_db.execute("CREATE TABLE notes (n INTEGER, thread TEXT)")
    gui_db.conn.commit()
    made = DatabaseLane(workspace.database)
    yield made, gui_db
    made.shutdown()
    gui_db.close()


def _note(n: int):
    def operation(db):
        with db.atomic():
            db.execute("INSERT INTO notes VALUES (?, ?)", [n, threading.current_thread().name])
        return n, OpChanges(frozenset({n}))
    return operation


def test_writes_run_in_order_on_the_lane_and_publish_their_changes_after_commit(qtbot, lane):
    ops, gui_db = lane
    published, results, seen_by_gui = [], [], []

    def follow(changes):
        published.append(changes)
        seen_by_gui.append(gui_db.execute("SELECT count(*) FROM notes").fetchone()[0])   # visible: committed

    ops.changed.connect(follow)
    for n in range(1, 6):
        ops.run(_note(n), results.append)
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert results == [1, 2, 3, 4, 5]
    assert [c.calls for c in published] == [frozenset({n}) for n in range(1, 6)]
    assert all(seen >= n for n, seen in zip(range(1, 6), seen_by_gui))   # later ones may have committed too
    rows = gui_db.execute("SELECT n, thread FROM notes ORDER BY rowid").fetchall()
    assert [n for n, _ in rows] == [1, 2, 3, 4, 5]
    assert {thread for _, thread in rows} == {"inspector-db-lane"} != {threading.current_thread().name}


def test_a_failed_operation_reaches_its_caller_and_the_lane_goes_on(qtbot, lane):
    ops, gui_db = lane
    errors, results = [], []

    def broken(db):
        db.execute("INSERT INTO no_such_table VALUES (1)")
        return None, OpChanges()

    ops.run(broken, results.append, on_error=errors.append)
    ops.run(_note(7), results.append)
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert len(errors) == 1 and "no_such_table" in str(errors[0])
    assert results == [7]


def test_shutdown_finishes_what_was_queued_and_ends_the_thread(qtbot, tmp_path):
    workspace = Workspace(tmp_path / "ws")
    db = open_database(workspace.database)
    db.execute("CREATE TABLE notes (n INTEGER, thread TEXT)")
    db.conn.commit()
    ops = DatabaseLane(workspace.database)
    for n in range(3):
        ops.run(_note(n))
    ops.shutdown()
    assert not any(t.name == "inspector-db-lane" and t.is_alive() for t in threading.enumerate())
    assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == 3
    db.close()


def test_results_arriving_after_shutdown_are_not_delivered(qtbot, tmp_path):
    """A change made just before the window closes is stored; its callback, which would touch the closed
    window's panes and connection, is not run."""
    workspace = Workspace(tmp_path / "ws")
    db = open_database(workspace.database)
    db.execute("CREATE TABLE notes (n INTEGER, thread TEXT)")
    db.conn.commit()
    ops = DatabaseLane(workspace.database)
    delivered, published = [], []
    ops.changed.connect(published.append)
    ops.run(_note(7), delivered.append)
    ops.shutdown()
    qtbot.waitUntil(lambda: not ops.busy)            # the relayed result reached the GUI thread
    assert db.execute("SELECT n FROM notes").fetchall() == [(7,)]
    assert delivered == [] and published == []
    db.close()


class _Witness:
    """Stands for a dialog an operation's callbacks hold: says on which thread it was freed."""

    def __init__(self, freed_on: list[str]) -> None:
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


@pytest.mark.parametrize("fails", [False, True])
def test_what_an_operation_and_its_callbacks_hold_is_freed_on_the_gui_thread(qtbot, lane, fails):
    """A log-in dialog nobody kept was freed by the lane's thread when it dropped its last reference, and Qt
    crashed the process; one operation at a time, so the worker has every chance to be the last holder."""
    ops, _gui_db = lane
    freed_on: list[str] = []

    def operation(witness):
        def run(db):
            if fails:
                raise ValueError(f"refused {witness}")
            return witness, OpChanges()
        return run

    for _ in range(10):
        witness = _Witness(freed_on)
        ops.run(operation(witness), on_done=lambda result, w=witness: None,
                on_error=lambda exc, w=witness: None)
        del witness
        qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    ops.run(_note(1))                                   # the worker takes its next item: nothing of ours left
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert freed_on == [threading.current_thread().name] * 10
