"""Run under Xvfb (any screen size): the windows of a working day as they open on that screen.

``python tests/screenshot_workday.py OUT DATA LANGUAGE SCENE...`` saves ``workday_<scene>_<lang>_<WxH>.png``
of the whole screen for each scene: main (the demo as it opens), reports.
"""

import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.resources import demo_folder
from inspector.review.checking import check_all
from inspector.scoring.defaults import default_pack
from inspector.settings import Settings
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.ui.i18n import install_translators
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from inspector.domain.people import User
from tests.ui_windows import INSPECTOR

LEAD = User("9001", "张组长", "lead")


def prepare(workspace: Workspace) -> None:
    db = open_database(workspace.database)
    run_import(demo_folder(), CallRepository(db), TranscriptRepository(db))
    drain(check_all(db, workspace, default_pack()))
    db.close()


def main(out: Path, data: Path, language: str, scenes: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    workspace = Workspace(data)
    if scenes[0] == "import":                     # a fresh workspace: S2 with its transcript, S5 without
        mixed = data / "mixed"
        mixed.mkdir(parents=True)
        for name in ("S2.flac", "S2.transcript.json", "S5.flac"):
            shutil.copy(demo_folder() / name, mixed / name)
        window = MainWindow(workspace, Settings(language=language), check_playback=False, user=INSPECTOR)
        window.show()
        QTimer.singleShot(0, lambda: window.importer.import_folder(mixed))
    else:
        prepare(workspace)
        window = MainWindow(workspace, Settings(language=language), check_playback=False, user=INSPECTOR)
        window.show()
        window.opener.open_first_call()
    screen = app.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}"
    todo = list(scenes)

    outside: list[str] = []                       # windows that reach past the screen, printed at the end

    def grab(scene: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(out / f"workday_{scene}_{language}_{size}.png"))
        area = app.primaryScreen().availableGeometry()
        outside.extend(f"{scene}: {type(w).__name__} {w.frameGeometry().getRect()}" for w in app.topLevelWidgets()
                       if w.isVisible() and w.isWindow() and not area.contains(w.frameGeometry()))

    def step() -> None:
        if window.state.recording is None and todo[:1] != ["import"]:
            QTimer.singleShot(100, step)
            return
        if not todo:
            print(json.dumps({"outside": outside}))
            window.close()
            app.quit()
            return
        scene = todo.pop(0)
        SCENES[scene](window)
        QTimer.singleShot(2500 if scene == "import" else 600, lambda: (grab(scene), CLOSE.get(scene, lambda _w: None)(window), step()))

    QTimer.singleShot(300, step)
    app.exec()


def correct(window) -> None:
    """F2 over the fourth sentence, as from the hit list."""
    window.playback.seek(window.state.transcript.segments[3].start + 0.2)
    window.hits_pane.table.setFocus()
    QTimer.singleShot(0, window.transcripts_control.correct_sentence)


def sampling(window) -> None:
    """The lead's sampling dialog showing a preview (one call per agent at random)."""
    from inspector.ui.review_controller import ReviewController
    from tests.ui_windows import _accounts
    _accounts(window.db)
    dialog = ReviewController(window, window.db, window.review.card, LEAD, window.opener.open_call_by_id,
                              lambda s: s, lambda: None, window.lane).sampling_dialog()
    dialog.fatal.setChecked(False)
    dialog.share.setCurrentIndex(dialog.share.findData("per_agent"))
    dialog.amount.setValue(1)
    dialog.show()
    dialog.preview()
    window.sampling = dialog


def close_modal(_window) -> None:
    QApplication.activeModalWidget().reject()


SCENES = {
    "main": lambda window: None,
    "reports": lambda window: window.tools.show_reports(),
    "correct": correct,
    "submit": lambda window: QTimer.singleShot(0, window.scoring.confirm_and_submit),
    "import": lambda window: None,                # the summary the import opened
    "sampling": sampling,
    "scorecard": lambda window: window.side_tabs.setCurrentWidget(window.scorecard),
    "filedialog": lambda window: QTimer.singleShot(0, window.transcripts_control.import_transcript),
    "listen": lambda window: (window.call_list.select_row(next(
        r for r in range(window.call_list.model.rowCount()) if window.call_list.model.call_at(r).call_ref == "S5")),
        window.side_tabs.setCurrentWidget(window.scorecard)),
}
CLOSE = {"reports": lambda window: window.tools.reports_window.close(), "correct": close_modal, "submit": close_modal, "import": close_modal, "filedialog": close_modal, "sampling": lambda window: window.sampling.close()}


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4:])
