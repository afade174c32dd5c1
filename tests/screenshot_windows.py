"""Run under Xvfb (any screen size) by test_screenshots.py: every window and dialog of the app as its people open
it on a working day, one screenshot of the whole screen each.

``python tests/screenshot_windows.py OUT DATA LANGUAGE [MODEL]`` (MODEL: the installed Mandarin model) saves ``windows/<nn>_<scene>_<lang>_<WxH>.png`` and prints
one JSON line: the scenes shot, the windows that reached past the screen, the words in the wrong language
(tests/ui_words.py), and the UI font and whether it has Chinese glyphs.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QToolTip

from inspector.jobs import Progress
from inspector.resources import demo_folder
from inspector.workspace import Workspace
from tests.screenshot_setup import (AGENT, INSPECTOR, LEAD, application, grab_screen, main_window, outside_screen,
                                    select_call, working_day)
from tests.ui_words import wrong_words

WAIT_S = 60                                        # only ends a hang: a scene that never gets ready fails the run
KEEP: set = set()                                  # dialogs that stay open over several scenes (a window's tabs)


def modal():
    return QApplication.activeModalWidget()


def modal_scene(scene: str, opens):
    """A dialog the window runs modally (exec): opened from the event loop, shot once it is up."""
    QTimer.singleShot(0, opens)
    yield modal
    yield scene


def tab_scenes(prefix: str, window, names: list[str], ready=lambda: True):
    """One scene per tab of ``window.tabs``; the window stays open until the last."""
    KEEP.add(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        yield ready
        yield f"{prefix}_{names[index]}"
    KEEP.discard(window)


def inspector_day(app, workspace, language):
    """What an inspector opens: the call with its hits, the scorecard, the review dialogs, the tools."""
    from inspector.ui.login_dialog import LoginDialog

    with_db = main_window(workspace, language, INSPECTOR, show=False)
    login = LoginDialog(with_db.desk, with_db.lane, offered=(LEAD, INSPECTOR, AGENT), offered_password="demo")
    with_db.close()
    login.show()
    yield lambda: login.isVisible()
    yield "login"
    window = main_window(workspace, language, INSPECTOR)
    yield lambda: window.state.recording is not None
    select_call(window, "S6")
    yield lambda: (window.state.call is not None and window.state.call.call_ref == "S6"
                   and window.state.recording is not None and window.hits_pane.table.rowCount() > 0)
    window.playback.seek(25.6)
    yield "main_call"
    table = window.hits_pane.table                     # how a hit was matched, in its tooltip
    cell = table.visualItemRect(table.item(1, 1))
    QToolTip.showText(table.viewport().mapToGlobal(cell.center()), table.item(1, 1).toolTip(), table)
    yield "main_hit_tooltip"
    QToolTip.hideText()
    window.side_tabs.setCurrentWidget(window.scorecard)
    yield lambda: window.scorecard.evaluation is not None
    yield "main_scorecard"
    window.progress_view.show(Progress(2, 6, "S3"), window.tr("Checking %1"))
    yield "main_progress"
    window.idle()
    for scene, opens in (("correct_sentence", window.transcripts_control.correct_sentence),
                         ("submit_question", window.scoring.confirm_and_submit),
                         ("shortcuts", lambda: window.tools.show_shortcuts(window.actions_by_key)), ("about", window.tools.show_about),
                         ("settings", window.tools.edit_settings), ("file_dialog", window.transcripts_control.import_transcript),
                         ("import_summary", lambda: window.importer.import_folder(demo_folder())),
                         ("speech_models", window.speech.show_models)):
        yield from modal_scene(scene, opens)
    queue = window.review.queue_dialog()
    queue.show()
    yield "my_queue"
    evaluations = window.tools.evaluations_dialog()
    evaluations.show()
    yield "my_evaluations"
    search = window.tools.show_search()
    search.query.setText("头诉")
    search.run()
    yield "search"
    search.close()
    voc = window.tools.show_voc()
    voc.week_ending.setDate(QDate(2026, 11, 7))        # the demo's week
    voc.result = None
    voc.refresh()
    yield lambda: voc.result is not None
    yield from tab_scenes("voice_of_customer", voc, ["reasons", "emerging_topics", "repeat_callers", "qa_satisfaction"])
    voc.close()
    select_call(window, "S5")                          # another call: its long silence, the scorecard beside
    yield lambda: window.state.call.call_ref == "S5" and window.state.recording is not None
    window.side_tabs.setCurrentWidget(window.scorecard)
    yield "main_other_call"
    window.close()


def lead_day(app, workspace, language):
    """What a team lead opens: Reports, sampling, calibration, appeals, red lines, users, upload, coaching."""
    from inspector.ui.calibration_dialog import NewSessionDialog
    from inspector.ui.coaching_dialog import SessionForm
    from inspector.ui.comparison_window import ComparisonWindow
    from inspector.ui.users_dialog import AccountDialog, UsersDialog
    from inspector.ui.sync_dialog import SyncSettingsDialog

    window = main_window(workspace, language, LEAD)
    yield lambda: window.state.recording is not None
    yield "lead_main"
    reports = window.tools.show_reports()
    yield lambda: reports.report is not None and reports._running is None
    yield from tab_scenes("reports", reports, list(reports.views), lambda: reports.report is not None and reports._running is None)
    reports.close()
    sampling = window.review.sampling_dialog()
    sampling.fatal.setChecked(False)
    sampling.share.setCurrentIndex(sampling.share.findData("per_agent"))
    sampling.amount.setValue(1)
    sampling.show()
    sampling.preview()
    yield "sampling_preview"
    sampling.close()
    calibration = window.tools.calibration_dialog()
    calibration.show()
    yield "calibration_sessions"
    session = calibration.sessions[0]
    result = calibration.comparison_of(session)
    comparison = ComparisonWindow(result, [result], window)
    comparison.show()
    yield "calibration_statistics"
    comparison.close()
    new_session = NewSessionDialog(window.desk, LEAD, calibration)
    new_session.show()
    yield "calibration_new_session"
    calibration.close()
    appeals = window.review.appeals_dialog()
    appeals.show()
    yield "appeals_queue"
    redlines = window.review.redlines_dialog()
    redlines.show()
    yield "red_line_cases"
    users = UsersDialog(window.desk, LEAD, window, lane=window.lane)
    users.show()
    yield "users"
    AccountDialog(users).show()
    yield "users_add"
    upload = window.tools.upload_dialog()
    upload.show()
    yield "upload"
    SyncSettingsDialog(None, upload).show()
    yield "upload_settings"
    coaching = window.review.coaching_dialog()
    coaching.show()
    yield "coaching"
    SessionForm(coaching).show()
    yield "coaching_new_session"
    acknowledgements = window.review.acknowledgements_dialog()
    acknowledgements.waiting_only.setChecked(False)
    acknowledgements.show()
    yield "acknowledgements"
    yield from modal_scene("rule_accuracy", window.rules.show_accuracy)
    window.close()


def agent_day(app, workspace, language):
    """The agent's own window and the appeal form."""
    from inspector.settings import Settings
    from inspector.ui.agent_window import AgentWindow, AppealDialog

    window = AgentWindow(workspace, Settings(language=language), user=AGENT)
    window.show()
    yield lambda: window.table.rowCount() > 0
    window.table.setCurrentCell(0, 0)
    yield "agent_window"
    dialog = AppealDialog(window.card, window)
    dialog.item.setCurrentIndex(max(0, dialog.item.findData("F1")))
    dialog.reason.setPlainText("录音 00:40 客户说“好的，办吧”，属于明确同意，不应判定未经二次确认。")
    dialog.show()
    yield "agent_appeal"
    window.close()


def main(out: Path, data: Path, language: str, model: Path | None) -> None:
    app = application(language)
    workspace = Workspace(data)
    working_day(workspace, model)
    screen = app.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}"
    folder = out / "windows"
    folder.mkdir(parents=True, exist_ok=True)
    facts = {"shots": [], "outside": [], "wrong_language": [], "font": {}}
    steps = (step for day in (inspector_day, lead_day, agent_day) for step in day(app, workspace, language))

    def shoot(scene: str) -> None:
        name = f"{len(facts['shots']) + 1:02d}_{scene}_{language}_{size}.png"
        grab_screen(app, folder / name)
        facts["shots"].append(name)
        facts["outside"] += [f"{scene}: {w}" for w in outside_screen(app)]
        shown = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow() and w.windowTitle()]
        for window in shown:
            facts["wrong_language"] += wrong_words(scene, window, language)
        if not facts["font"] and shown:
            metrics = QFontMetrics(shown[0].font())
            facts["font"] = {"family": QFontInfo(shown[0].font()).family(),
                             "has_cjk": all(metrics.inFontUcs4(ord(c)) for c in "质检坐席客户通话")}
        for window in shown:                            # the scene's dialogs go; its main window stays
            if isinstance(window, QDialog) and window not in KEEP:
                window.reject()

    def advance(waiting=None, since: float = 0.0) -> None:
        import time
        if waiting is not None and not waiting():
            if time.monotonic() - since > WAIT_S:
                raise SystemExit(f"a scene never got ready after {facts['shots'][-1:]}")
            QTimer.singleShot(100, lambda: advance(waiting, since))
            return
        step = next(steps, None)
        if step is None:
            print(json.dumps(facts, ensure_ascii=False))
            app.quit()
        elif callable(step):
            QTimer.singleShot(50, lambda: advance(step, time.monotonic()))
        else:
            QTimer.singleShot(400, lambda: (shoot(step), advance(lambda: modal() is None, time.monotonic())))

    QTimer.singleShot(200, advance)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]) if len(sys.argv) > 4 else None)
