"""Run under Xvfb by test_screenshots.py: the automatic score in the window.

A demo workstation checked and scored automatically; the lead's window with the call list sorted by the
automatic score and S2's scorecard showing the suggestion beside the inspector's own (autoscore_<lang>.png),
then the sampling dialog with the new strata and a drawn sample (sampling_<lang>.png).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from inspector.domain.people import User
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.resources import demo_folder
from inspector.review.autoscoring import autoscore_all
from inspector.review.checking import check_all
from inspector.scoring.defaults import default_card, default_pack
from inspector.settings import Settings
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.ui.i18n import install_translators
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace

LEAD = User("9001", "张组长", "lead")


def prepare(workspace: Workspace) -> Path:
    db = open_database(workspace.database)
    run_import(demo_folder(), CallRepository(db), TranscriptRepository(db))
    drain(check_all(db, workspace, default_pack()))
    drain(autoscore_all(db, default_card(), default_pack()))
    db.close()
    listed = workspace.root / "complaints-10080.csv"
    listed.write_text("工单号,通话编号\nT1,S5\nT2,S9\n", encoding="utf-8")
    return listed


def main(out: Path, data: Path, language: str) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    workspace = Workspace(data)
    listed = prepare(workspace)
    window = MainWindow(workspace, Settings(language=language), check_playback=False, user=LEAD)
    window.resize(1400, 880)
    window.show()
    model = window.call_list.model
    window.call_list.table.sortByColumn(model.COLUMNS.index("auto_score"), Qt.AscendingOrder)
    window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S2"))

    def shoot_scorecard():
        if window.scorecard.evaluation is None or window.scorecard.suggestion is None:
            QTimer.singleShot(100, shoot_scorecard)
            return
        window.side_tabs.setCurrentWidget(window.scorecard)
        app.processEvents()
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"autoscore_{language}.png"))
        dialog = window.review.sampling_dialog()
        dialog.fatal.setChecked(False)
        dialog.auto_below.setValue(90)
        dialog.worsened.setChecked(True)
        dialog.listen.setChecked(True)
        dialog.use_calls(listed)
        dialog.move(20, 40)
        dialog.resize(1360, 640)
        dialog.show()
        dialog.draw()
        while window.lane.busy:                    # assigned on the database lane, then shown
            app.processEvents()
        QTimer.singleShot(300, lambda: shoot_sampling(dialog))

    def shoot_sampling(dialog):
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"sampling_{language}.png"))
        dialog.close()
        window.close()
        app.quit()

    QTimer.singleShot(500, shoot_scorecard)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
