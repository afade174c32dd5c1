"""A centre's people in the real dialogs: a lead adds an inspector, the inspector logs in and scores, the lead
opens that evaluation read-only and reopens it; disabled users are refused; switching user changes what the
scorecard shows; merely opening a call leaves no evaluation behind."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from inspector.audio.player import Player
from inspector.desk.desk import Desk
from inspector.domain.people import User
from inspector.settings import Settings
from inspector.store.database import open_database
from inspector.store.users import UserRepository
from inspector.domain.accounts import Refusal, UserError
from inspector.ui.account_texts import refusal_text, user_error_text
from inspector.ui.login_dialog import ChangePasswordDialog, LoginDialog
from inspector.ui.main_window import MainWindow
from inspector.ui.operations import DatabaseLane
from inspector.desk.demo import DEMO_PASSWORD, ensure_demo_users
from inspector.ui.session import SignInSession
from inspector.ui.users_dialog import AccountDialog, ResetPasswordDialog, UsersDialog
from inspector.workspace import Workspace
from tests.capturing_output import CapturingOutput

LEAD = User("9001", "张组长", "lead")


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(tmp_path / "ws")
    UserRepository(open_database(ws.database)).create_first_lead(LEAD.id, LEAD.name, "lead-pass-1")
    return ws


@pytest.fixture
def users(workspace):
    db = open_database(workspace.database)
    yield UserRepository(db)
    db.close()


@pytest.fixture
def lane(workspace):
    """The database lane the dialogs' writes run on, as a window's or the sign-in's."""
    made = DatabaseLane(workspace.database)
    yield made
    made.shutdown()


def _stored(qtbot, lane) -> None:
    qtbot.waitUntil(lambda: not lane.busy, timeout=10_000)


def _window(qtbot, workspace, user) -> MainWindow:
    window = MainWindow(workspace, Settings(language="en"), Player(lambda rate: CapturingOutput(rate, speedup=1.0)),
                        check_playback=False, user=user)
    qtbot.addWidget(window)
    window.show()
    return window


def _when_modal(fill):
    """Answer the next modal dialog (exec() blocks the test) once it is up."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        fill(dialog)
    QTimer.singleShot(0, answer)


def _switch(window, user_id, password):
    """File → Switch user, answered with this account."""
    def answer(dialog):
        dialog.user_id.setText(user_id)
        dialog.password.setText(password)
        dialog.try_accept()
    _when_modal(answer)
    window.actions_by_key["switch_user"].trigger()


def _log_in(qtbot, users, lane, user_id, password, new_password=None):
    dialog = LoginDialog(Desk(users._db), lane)
    qtbot.addWidget(dialog)
    dialog.user_id.setText(user_id)
    dialog.password.setText(password)
    if new_password is not None:
        def choose(change):
            assert isinstance(change, ChangePasswordDialog)
            change.new.setText(new_password)
            change.repeat.setText(new_password)
            change.try_accept()
        _when_modal(choose)
    dialog.try_accept()
    _stored(qtbot, lane)
    return dialog


def _open(qtbot, window, ref):
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == ref))
    qtbot.waitUntil(lambda: window.state.call is not None and window.state.call.call_ref == ref
                    and window.scorecard.evaluation is not None, timeout=10_000)


def _import(qtbot, window, folder):
    window.importer.import_folder(folder, show_report=False)
    qtbot.waitUntil(lambda: window.call_list.model.total == 6, timeout=10_000)


def test_a_lead_adds_an_inspector_who_scores_and_the_lead_reopens_it(qtbot, workspace, users, lane, demo_copy,
                                                                      monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    lead = _log_in(qtbot, users, lane, "9001", "lead-pass-1").user
    assert lead == LEAD
    lead_window = _window(qtbot, workspace, lead)
    _import(qtbot, lead_window, demo_copy)
    assert lead_window.actions_by_key["users"].isVisible()
    assert "张组长 (9001)" in lead_window.user_label.text()

    manage = UsersDialog(lead_window.desk, lead, lead_window, lane=lead_window.lane)
    qtbot.addWidget(manage)
    add = AccountDialog(manage)
    add.user_id.setText("1002")
    add.name.setText("王质检")
    add.password.setText("short")
    add.try_accept()
    _stored(qtbot, lead_window.lane)
    assert add.result() != add.DialogCode.Accepted and "8" in add.message.text()
    add.password.setText("start-1002")
    add.try_accept()
    _stored(qtbot, lead_window.lane)
    assert add.result() == add.DialogCode.Accepted
    assert [a.id for a in manage.accounts] == ["1002", "9001"]
    assert manage.accounts[0].role == "inspector" and manage.accounts[0].must_change_password

    inspector = _log_in(qtbot, users, lane, "1002", "start-1002", new_password="mine-1002x").user
    assert inspector == User("1002", "王质检", "inspector")
    window = _window(qtbot, workspace, inspector)
    assert not window.actions_by_key["users"].isVisible()
    _open(qtbot, window, "S6")
    window.scorecard.deduct("A6", 2, "语气生硬")
    qtbot.waitUntil(lambda: not window.lane.busy)
    window.scoring.confirm_and_submit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    submitted = window.scoring.repo.for_call(window.state.call.id, "1002")
    assert submitted.status == "submitted"

    evaluations = lead_window.tools.evaluations_dialog()
    qtbot.addWidget(evaluations)
    row = next(i for i, r in enumerate(evaluations.rows) if r.uuid == submitted.uuid)
    assert evaluations.table.item(row, 3).text() == evaluations.tr("Submitted")      # in the UI's language
    evaluations.table.cellDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: lead_window.scorecard.evaluation is not None
                    and lead_window.scorecard.evaluation.uuid == submitted.uuid, timeout=10_000)
    pane = lead_window.scorecard
    assert pane.read_only and "1002" in pane.status.text()
    assert not pane.deduct_button.isEnabled() and not pane.submit_button.isEnabled()
    assert pane.reopen_button.isVisible() and pane.reopen_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("扣分依据不足", True))
    pane._reopen()
    qtbot.waitUntil(lambda: not lead_window.lane.busy)
    assert lead_window.scoring.repo.get(submitted.uuid).status == "reopened"
    assert pane.read_only and pane.evaluation.status == "reopened"
    assert lead_window.scoring.repo.for_call(submitted.call_id, LEAD.id) is None     # no lead draft was made
    window.close()
    lead_window.close()


def test_disabled_and_locked_users_are_refused_and_a_reset_must_be_changed(qtbot, users, lane):
    users.add(LEAD, "1001", "李质检", "inspector", "start-1001", must_change_password=False)
    manage = UsersDialog(Desk(users._db), LEAD, lane=lane)
    qtbot.addWidget(manage)
    manage.select("1001")
    manage.toggle_active()
    _stored(qtbot, lane)
    assert not users.account("1001").active and manage.active_button.text() == manage.tr("Enable")
    refused = _log_in(qtbot, users, lane, "1001", "start-1001")
    assert refused.user is None and refused.message.text() == refusal_text(Refusal.DISABLED)
    manage.select("9001")
    manage.toggle_active()                                   # one's own account: refused, shown, nothing changed
    _stored(qtbot, lane)
    assert users.account("9001").active and manage.message.text() == user_error_text(UserError("own_account"))
    manage.select("1001")
    manage.toggle_active()
    _stored(qtbot, lane)
    reset = ResetPasswordDialog(manage)
    reset.password.setText("temp-1001x")
    reset.try_accept()
    _stored(qtbot, lane)
    assert reset.result() == reset.DialogCode.Accepted
    assert users.account("1001").must_change_password
    for _ in range(5):
        _log_in(qtbot, users, lane, "1001", "guess-wrong1")
    locked = _log_in(qtbot, users, lane, "1001", "temp-1001x")
    assert locked.user is None
    assert locked.message.text() == refusal_text(Refusal.LOCKED, users.account("1001").locked_until)


def test_the_users_dialog_of_a_lead_demoted_meanwhile_changes_nothing_and_says_why(qtbot, users, lane):
    users.add(LEAD, "9002", "刘组长", "lead", "secret-9002", must_change_password=False)
    users.add(LEAD, "1001", "李质检", "inspector", "start-1001", must_change_password=False)
    manage = UsersDialog(Desk(users._db), User("9002", "刘组长", "lead"), lane=lane)
    qtbot.addWidget(manage)
    users.set_role(LEAD, "9002", "inspector")                  # by the other lead, while the dialog is open
    manage.select("1001")
    manage.toggle_active()
    _stored(qtbot, lane)
    assert users.account("1001").active
    assert manage.message.text() == manage.tr("Your account may no longer manage users: ask a team lead.")


def test_a_lead_first_sees_the_appealed_evaluation_and_the_chooser_follows_reopen_and_answer(
        qtbot, workspace, users, demo_copy, monkeypatch):
    from inspector.review import appeals
    from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
    lead_window = _window(qtbot, workspace, LEAD)
    _import(qtbot, lead_window, demo_copy)
    repo, card = lead_window.scoring.repo, lead_window.scoring.card
    s6 = next(c for c in lead_window.calls.page() if c.call_ref == "S6")
    scored = {}
    for who, points in (("1001", 2), ("1002", 4)):              # 1002's draft is the most recent change
        evaluation = Evaluation(f"e-{who}", s6.id, who, card.id, card.version)
        scored[who] = repo.save(evaluation.with_item(ItemState("A6", (Deduction(points, "语气生硬", who),))), who)
        if who == "1001":
            repo.submit(scored[who].uuid, who)
            appeals.file_appeal(repo, scored[who].uuid, "3071", "不同意扣分")
    _open(qtbot, lead_window, "S6")
    pane = lead_window.scorecard
    assert pane.read_only and pane.evaluation.uuid == "e-1001"          # the open appeal, not 1002's draft
    assert pane.resolve_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (pane.tr("Rejected"), True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("扣分有据", True))
    pane._resolve()
    qtbot.waitUntil(lambda: not lead_window.lane.busy)
    assert repo.appeals("e-1001")[0]["status"] == "rejected" and pane.evaluation.uuid == "e-1001"
    pane._reopen()
    qtbot.waitUntil(lambda: not lead_window.lane.busy)
    assert pane.read_only and pane.evaluation.status == "reopened"
    label = pane.whose.itemText(pane.whose.findData("e-1001"))
    assert lead_window.scoring.tr("reopened") in label and pane.whose.currentData() == "e-1001"
    assert repo.for_call(s6.id, LEAD.id) is None


def test_the_users_list_shows_a_lock_only_while_it_lasts(qtbot, users, lane):
    from datetime import datetime, timedelta, timezone
    users.add(LEAD, "1001", "李质检", "inspector", "start-1001", must_change_password=False)
    users.add(LEAD, "1002", "王质检", "inspector", "start-1002", must_change_password=False)
    long_ago = datetime.now(timezone.utc) - timedelta(days=1)
    for _ in range(5):
        users.log_in("1001", "guess-wrong1", now=long_ago)        # locked yesterday, for a quarter of an hour
        users.log_in("1002", "guess-wrong1")                      # locked now
    manage = UsersDialog(Desk(users._db), LEAD, lane=lane)
    qtbot.addWidget(manage)
    status = {manage.table.item(r, 0).text(): manage.table.item(r, 3).text() for r in range(manage.table.rowCount())}
    assert status["1001"] == manage.tr("Active")
    assert status["1002"].startswith(manage.tr("Active") + " · ")


def test_opening_a_call_leaves_no_evaluation_and_switching_user_changes_the_scorecard(qtbot, workspace, users,
                                                                                     demo_copy):
    for who in ("1001", "1002"):
        users.add(LEAD, who, f"质检{who}", "inspector", f"pass-{who}x", must_change_password=False)
    made = []

    def make_window(ws, settings, user):
        made.append(_window(qtbot, ws, user))
        return made[-1]

    session = SignInSession(workspace, Settings(language="en"), make_window=make_window)
    session.open(User("1001", "质检1001", "inspector"))
    first = session.window
    _import(qtbot, first, demo_copy)
    _open(qtbot, first, "S1")
    _open(qtbot, first, "S6")
    assert users._db.execute("SELECT count(*) FROM evaluations").fetchone()[0] == 0
    assert first.scorecard.status.text() == first.scorecard.tr("Not started: saved at your first change")
    first.scorecard.deduct("A6", 3, "语气生硬")
    qtbot.waitUntil(lambda: not first.lane.busy)
    assert first.scorecard.evaluation.inspector == "1001"

    _switch(first, "1002", "pass-1002x")
    second = session.window
    assert second is not first and second.user.id == "1002" and "1002" in second.user_label.text()
    qtbot.waitUntil(lambda: second.call_list.model.total == 6, timeout=10_000)
    _open(qtbot, second, "S6")
    assert second.scorecard.evaluation.inspector == "1002"      # not 1001's draft: an inspector sees their own
    assert not second.scorecard.whose.isVisible()
    assert second.scorecard.status.text() == second.scorecard.tr("Not started: saved at your first change")

    def cancel(dialog):
        dialog.reject()
    _when_modal(cancel)
    second.actions_by_key["switch_user"].trigger()               # cancelled: the same window and user stay
    assert session.window is second and second.isVisible()

    def lead_logs_in(dialog):
        assert not second.isVisible()                              # logged out: nothing shows behind the log-in
        dialog.user_id.setText("9001")
        dialog.password.setText("lead-pass-1")
        dialog.try_accept()
    _when_modal(lead_logs_in)
    second.actions_by_key["log_out"].trigger()
    third = session.window
    assert third.user == LEAD and third.isVisible() and third.actions_by_key["users"].isVisible()
    third.close()


def test_the_demo_offers_its_users(qtbot, tmp_path):
    desk = Desk.open(tmp_path / "demo.sqlite3")
    ensure_demo_users(desk)
    lane = DatabaseLane(tmp_path / "demo.sqlite3")
    dialog = LoginDialog(desk, lane, offered=tuple(u.user for u in desk.users.accounts()),
                         offered_password=DEMO_PASSWORD)
    qtbot.addWidget(dialog)
    assert [dialog.offered.itemData(i) for i in range(dialog.offered.count())] == ["1001", "1002", "9001"]
    dialog.offered.setCurrentIndex(2)
    assert dialog.user_id.text() == "9001"
    dialog.try_accept()
    _stored(qtbot, lane)
    lane.shutdown()
    desk.close()
    assert dialog.user.id == "9001" and dialog.user.is_lead


def test_switching_user_or_logging_out_closes_the_last_users_tool_windows(qtbot, workspace, users, demo_copy):
    users.add(LEAD, "1002", "王质检", "inspector", "pass-1002x", must_change_password=False)
    made = []

    def make_window(ws, settings, user):
        made.append(_window(qtbot, ws, user))
        return made[-1]

    session = SignInSession(workspace, Settings(language="en"), make_window=make_window)
    session.open(LEAD)
    first = session.window
    _import(qtbot, first, demo_copy)
    tools = [first.tools.show_search(), first.tools.show_reports(), first.tools.show_voc()]
    assert all(t.isVisible() for t in tools)

    _switch(first, "1002", "pass-1002x")
    assert session.window.user.id == "1002"
    assert not any(t.isVisible() for t in tools)          # nothing of the lead's session stays on screen

    second = session.window
    search = second.tools.show_search()
    seen_while_logged_out = []

    def lead_logs_in(dialog):
        seen_while_logged_out.append(search.isVisible())
        dialog.user_id.setText("9001")
        dialog.password.setText("lead-pass-1")
        dialog.try_accept()
    _when_modal(lead_logs_in)
    second.actions_by_key["log_out"].trigger()
    assert seen_while_logged_out == [False]
    session.window.close()


def test_an_agent_signs_in_to_their_own_window_and_logs_out(qtbot, workspace, users):
    from inspector.ui.agent_window import AgentWindow
    users.add(LEAD, "2639", "陈静", "agent", "agent-pass-1", must_change_password=False)

    def make_window(ws, settings, user):
        if user.is_agent:
            window = AgentWindow(ws, settings, Player(lambda rate: CapturingOutput(rate, speedup=1.0)), user=user)
            qtbot.addWidget(window)
            window.show()
            return window
        return _window(qtbot, ws, user)

    session = SignInSession(workspace, Settings(language="en"), make_window=make_window)

    def agent_logs_in(dialog):
        dialog.user_id.setText("2639")
        dialog.password.setText("agent-pass-1")
        dialog.try_accept()
    _when_modal(agent_logs_in)
    assert session.start()
    agent = session.window
    assert isinstance(agent, AgentWindow) and agent.user.is_agent
    assert agent.table.rowCount() == 0 and "2639" in agent.heading.text()

    def lead_logs_in(dialog):
        assert not agent.isVisible()                       # logged out: the agent's list is not left on screen
        dialog.user_id.setText("9001")
        dialog.password.setText("lead-pass-1")
        dialog.try_accept()
    _when_modal(lead_logs_in)
    agent.sign_out_requested.emit(True)
    assert isinstance(session.window, MainWindow) and session.window.user == LEAD
    session.window.close()
