"""No UI module writes to the database on the GUI thread: with the window's own connection made read-only
(``PRAGMA query_only``), and every connection the GUI thread opens from then on made read-only too, a lead's
and an inspector's writes through the real window — log-in, a hit decided, a deduction, a submission, an
account added and disabled, a calibration session created and its pack exported, the upload set up and a bundle
written, a transcript corrected, an agent's acknowledgement and appeal — are all stored, because they run as operations on the database lane's own
connection. A write left on the GUI thread would raise "attempt to write a readonly database"."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.domain.people import User
from inspector.settings import Settings
from inspector.store import database
from inspector.store.export_audit import ExportAudit
from inspector.sync import identity as sync_identity
from inspector.store.users import UserRepository
from inspector.domain.accounts import Refusal
from inspector.ui.account_texts import refusal_text
from inspector.desk.demo import DEMO_PASSWORD
from inspector.ui.session import SignInSession
from inspector.workspace import Workspace
from inspector.ui.users_dialog import AccountDialog, UsersDialog
from tests.conftest import DEMO
from tests.hub_server import CENTRE, KEY, TOKEN
from tests.test_agents_loop import checked  # noqa: F401 - the fixture workstation builds on
from tests.test_ui_agents import agent_window, workstation  # noqa: F401 - the fixture
from tests.ui_windows import choose_new_session, lead_window

LEAD = User("9001", "张组长", "lead")


@pytest.fixture
def gui_thread_reads_only(monkeypatch):
    """Call with a window: its connection refuses writes, and so does any connection the GUI thread opens
    from then on; the lane's and the background jobs' connections, on their own threads, still write."""
    opened = database.WorkstationDatabase.__init__

    def read_only_on_gui_thread(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        if threading.current_thread() is threading.main_thread():
            self.conn.execute("PRAGMA query_only=ON")

    def make(window=None):
        if window is not None:
            window.db.execute("PRAGMA query_only=ON")
        monkeypatch.setattr(database.WorkstationDatabase, "__init__", read_only_on_gui_thread)
    return make


def _stored(qtbot, window):
    qtbot.waitUntil(lambda: not window.lane.busy, timeout=15_000)


def test_the_gui_threads_connection_refuses_writes_and_that_holds_in_the_test(tmp_path, qtbot,
                                                                             gui_thread_reads_only):
    window = lead_window(qtbot, tmp_path, DEMO)
    gui_thread_reads_only(window)
    with pytest.raises(database.StorageError, match="read-only|readonly"):
        UserRepository(window.db).rename(LEAD, "9001", "改名")
    window.close()


def test_a_leads_writes_through_the_window_are_all_stored_off_the_gui_thread(tmp_path, qtbot, monkeypatch,
                                                                            gui_thread_reads_only):
    window = lead_window(qtbot, tmp_path, DEMO)
    gui_thread_reads_only(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))

    # a call's hits decided, a deduction and the submission
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S2"))
    qtbot.waitUntil(lambda: window.state.call is not None and window.state.call.call_ref == "S2"
                    and bool(window.state.hits) and window.scorecard.evaluation is not None, timeout=15_000)
    for hit in window.state.hits:
        window.rules.decide(hit, "confirmed")
    _stored(qtbot, window)
    window.scorecard.deduct("A6", 2, "语气生硬")
    _stored(qtbot, window)
    assert window.scoring.confirm_and_submit()
    _stored(qtbot, window)
    call_id = window.state.call.id
    assert window.scoring.repo.for_call(call_id, LEAD.id).status == "submitted", told
    assert window.db.execute("SELECT count(*) FROM evaluations WHERE call_id = ?", [call_id]).fetchone()[0] == 1
    assert len(window.rules.hits.decisions(call_id)) == len(window.state.hits)

    # a transcript corrected
    window.transcripts_control.correct_transcript(("text", 0, None, "您好，请问有什么可以帮您"))
    _stored(qtbot, window)
    assert window.transcripts.latest(call_id)[1].segments[0].text == "您好，请问有什么可以帮您"

    # an account added and disabled
    users = UsersDialog(window.desk, LEAD, window, lane=window.lane)
    qtbot.addWidget(users)
    add = AccountDialog(users)
    add.user_id.setText("1003")
    add.name.setText("赵质检")
    add.password.setText("start-1003x")
    add.try_accept()
    _stored(qtbot, window)
    users.select("1003")
    users.toggle_active()
    _stored(qtbot, window)
    assert UserRepository(window.db).account("1003").active is False

    # a calibration session created and its packs exported (the export audit is a write)
    call_ids = [c.id for c in window.calls.page(limit=2)]
    choose_new_session(monkeypatch, "十二月校准", call_ids, ["1001", "1002"])
    calibration = window.tools.calibration_dialog()
    qtbot.addWidget(calibration)
    calibration.create()
    _stored(qtbot, window)
    [session] = calibration.sessions
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *a, **k: str(tmp_path / "packs"))
    (tmp_path / "packs").mkdir()
    calibration.export_pack()
    _stored(qtbot, window)
    assert len(list((tmp_path / "packs").iterdir())) == 2
    assert told[-1].count("\n") == 1                        # the two packs' paths, said once written

    # the upload set up and a bundle written
    upload = window.tools.upload_dialog()
    qtbot.addWidget(upload)
    upload.configure(CENTRE, KEY, "https://hq.example/api", TOKEN)
    _stored(qtbot, window)
    assert sync_identity.load(window.db).centre_id == CENTRE
    upload.export_to(tmp_path / "b")
    _stored(qtbot, window)
    assert (tmp_path / "b.inspector-bundle").is_file()
    assert {row["what"] for row in ExportAudit(window.db).entries()} >= {"calibration pack", "bundle"}
    window.close()


def test_logging_in_and_the_demos_people_are_stored_off_the_gui_thread(tmp_path, qtbot, gui_thread_reads_only):
    """A wrong password is refused and said, the right one signs in; both attempts are written by the
    sign-in's lane, as are the demo's people on a new workspace."""
    workspace = Workspace(tmp_path / "ws")
    gui_thread_reads_only()
    made = []
    session = SignInSession(workspace, Settings(language="en"), demo=True,
                            make_window=lambda _ws, _settings, user: made.append(user))
    said = []

    def log_in():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, log_in)
            return
        dialog.user_id.setText("1002")
        dialog.password.setText("wrong-password")
        dialog.try_accept()                          # refused: the failed attempt is counted, on the lane
        retry(dialog)

    def retry(dialog):
        if dialog.lane.busy:
            QTimer.singleShot(20, lambda: retry(dialog))
            return
        said.append(dialog.message.text())
        dialog.password.setText(DEMO_PASSWORD)
        dialog.try_accept()

    QTimer.singleShot(0, log_in)
    assert session.ask(None) == User("1002", "王质检", "inspector")
    assert said == [refusal_text(Refusal.WRONG)]
    assert not any(t.name == "inspector-db-lane" and t.is_alive() for t in threading.enumerate())
    reading = database.open_database(workspace.database)
    rows = reading.execute("SELECT id, failed_logins FROM users ORDER BY id").fetchall()
    reading.close()
    assert rows == [("1001", 0), ("1002", 0), ("9001", 0)]           # seeded; the success cleared the count


def test_an_agents_acknowledgement_and_appeal_are_stored_off_the_gui_thread(qtbot, workstation, monkeypatch,
                                                                           gui_thread_reads_only):
    """The agent's window opens its own connection: read-only here, its answers still land through its lane."""
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    ws, _db, _mine = workstation
    gui_thread_reads_only()
    window = agent_window(qtbot, ws)
    window.acknowledge_current("已阅")
    window.appeal_current("F1", "客户回复“办吧”，已同意")
    qtbot.waitUntil(lambda: not window.lane.busy, timeout=15_000)
    assert window.table.item(0, 5).text() != "not yet" and window.table.item(0, 6).text() == "waiting for answer"
    window.close()


def test_the_first_team_lead_of_a_new_workspace_is_created_off_the_gui_thread(tmp_path, qtbot,
                                                                            gui_thread_reads_only):
    """Two different passwords are caught in the dialog, a short one is the core's refusal, said in the dialog;
    then the lead is created by the lane and signed in."""
    from inspector.desk.desk import Desk
    from inspector.domain.accounts import UserError
    from inspector.ui.account_texts import user_error_text
    from inspector.ui.login_dialog import LoginDialog
    from inspector.ui.operations import DatabaseLane
    from inspector.users.passwords import WORKSTATION

    path = tmp_path / "new.sqlite3"
    Desk.open(path).close()                         # a new workspace: migrated, nobody in it
    gui_thread_reads_only()
    desk, lane = Desk.open(path), DatabaseLane(path)
    dialog = LoginDialog(desk, lane)
    qtbot.addWidget(dialog)
    assert dialog.first_run
    dialog.user_id.setText("9001")
    dialog.name.setText("张组长")
    dialog.password.setText("lead-pass-1")
    dialog.repeat.setText("lead-pass-2")
    dialog.try_accept()
    assert dialog.message.text() == dialog.tr("The two passwords differ") and not lane.busy
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.try_accept()
    qtbot.waitUntil(lambda: not lane.busy, timeout=10_000)
    assert dialog.user is None and dialog.message.text() == user_error_text(UserError("short_password", n=WORKSTATION.min_length))
    dialog.password.setText("lead-pass-1")
    dialog.repeat.setText("lead-pass-1")
    dialog.try_accept()
    qtbot.waitUntil(lambda: not lane.busy, timeout=10_000)
    lane.shutdown()
    assert dialog.user == LEAD and desk.users.get("9001") == LEAD
    desk.close()
