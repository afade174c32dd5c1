"""Run under Xvfb by test_screenshots.py: the voice-of-the-customer views of the demo — the call list's
category and emotion columns with the emotion lane of S6, a hit's tooltip (how it was matched), the search window, and the VoC window."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QToolTip

from inspector.categories.pack import default_category_pack
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.resources import demo_folder
from inspector.review.categorizing import categorize_all
from inspector.review.checking import check_all
from inspector.review.emotions import measure_all
from inspector.scoring.defaults import default_pack
from inspector.settings import Settings
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.ui.i18n import install_translators
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.ui_windows import INSPECTOR


def main(out: Path, data: Path, language: str) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    workspace = Workspace(data)
    db = open_database(workspace.database)
    run_import(demo_folder(), CallRepository(db), TranscriptRepository(db))
    drain(check_all(db, workspace, default_pack()))
    drain(categorize_all(db, default_category_pack()))
    drain(measure_all(db))
    db.close()
    window = MainWindow(workspace, Settings(language=language), check_playback=False, user=INSPECTOR)
    window.resize(1400, 880)
    window.show()
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S6"))

    def shoot():
        if window.state.recording is None or window.emotion_lane.emotion is None:
            QTimer.singleShot(100, shoot)
            return
        app.processEvents()
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"voc_call_{language}.png"))
        table = window.hits_pane.table                     # how a hit was matched, in its tooltip
        cell = table.visualItemRect(table.item(1, 1))
        QToolTip.showText(table.viewport().mapToGlobal(cell.center()), table.item(1, 1).toolTip(), table)
        QTimer.singleShot(400, tooltip_shown)

    def tooltip_shown():
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"voc_hit_tooltip_{language}.png"))
        QToolTip.hideText()
        search = window.tools.show_search()
        search.move(380, 220)
        search.resize(900, 420)
        search.query.setText("头诉")
        search.run()
        app.processEvents()
        QTimer.singleShot(300, lambda: searched(search))

    def searched(search):
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"voc_search_{language}.png"))
        search.close()
        voc = window.tools.show_voc()
        voc.move(300, 120)
        voc.resize(1000, 600)
        voc.week_ending.setDate(QDate(2026, 11, 7))
        voc.result = None
        voc.refresh()
        QTimer.singleShot(100, lambda: computed(voc))

    def computed(voc):
        if voc.result is None:
            QTimer.singleShot(100, lambda: computed(voc))
            return
        voc.tabs.setCurrentIndex(3)
        app.processEvents()
        QTimer.singleShot(300, lambda: finish(voc))

    def finish(voc):
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"voc_agents_{language}.png"))
        voc.tabs.setCurrentIndex(0)
        app.processEvents()
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"voc_reasons_{language}.png"))
        voc.close()
        window.close()
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
