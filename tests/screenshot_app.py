"""Run under Xvfb by test_screenshots.py: open the demo in the real (xcb) window and save screenshots.

Prints one JSON line with what the test checks: the UI font and whether it has Chinese glyphs.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication

from inspector.calibration.comparison import compare
from inspector.intake.importer import run_import
from inspector.scoring.defaults import default_card
from inspector.resources import demo_folder
from inspector.settings import Settings
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.ui.comparison_window import ComparisonWindow
from inspector.ui.dialogs import ShortcutsDialog
from inspector.ui.i18n import install_translators
from inspector.ui.main_window import MainWindow
from tests.ui_windows import INSPECTOR
from inspector.workspace import Workspace
from tests.calibration_fixtures import LEAD, Workstation, lead_session, score_call


SIZES = ((1280, 800), (1920, 1080))


def main(out: Path, data: Path, language: str) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    workspace = Workspace(data)
    db = open_database(workspace.database)
    run_import(demo_folder(), CallRepository(db), TranscriptRepository(db))
    db.close()
    window = MainWindow(workspace, Settings(language=language), check_playback=False, user=INSPECTOR)
    window.resize(1400, 880)
    window.move(0, 0)
    window.show()
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S6"))

    def grab_screen(name):
        """The 1400×880 corner of the (bigger) screen where the window and its dialogs sit."""
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / name))

    def shoot():
        if window.state.recording is None or not window.hits_pane.table.rowCount():
            QTimer.singleShot(100, shoot)            # the whole window once the hit list is filled
            return
        window.playback.seek(25.6)
        window.state.set_selection(24.0, 28.0)
        app.processEvents()
        window.grab().save(str(out / f"main_{language}.png"))
        for width, height in SIZES:                  # a laptop and a full-HD screen
            window.resize(width, height)
            app.processEvents()
            window.grab().save(str(out / f"main_{language}_{width}x{height}.png"))
        window.resize(1400, 880)
        app.processEvents()
        dialog = ShortcutsDialog(window.actions_by_key, window)
        dialog.show()
        app.processEvents()
        QTimer.singleShot(300, lambda: finish(dialog))

    def finish(dialog):
        grab_screen(f"shortcuts_{language}.png")
        dialog.close()
        window.side_tabs.setCurrentWidget(window.scorecard)
        app.processEvents()
        grab_screen(f"scorecard_{language}.png")
        comparison = calibration_comparison()
        comparison.show()
        app.processEvents()
        QTimer.singleShot(400, lambda: finish_comparison(dialog, comparison))

    def calibration_comparison():
        """A revealed session of three inspectors, one lenient and one strict, and its comparison window."""
        station = Workstation(workspace.root, window.db)
        session = lead_session(station)
        plans = {LEAD.id: ({"A1": 2}, {"B1": 2}, {"C2": 3}), "1001": ({"A1": 2}, {}, {"C2": 3}),
                 "1002": ({}, {}, {}), "1003": ({"A1": 5, "C2": 6}, {"B1": 5, "D2": 2}, {"C2": 8, "A3": 3})}
        for who, plan in plans.items():
            for call, deductions in zip(session.call_ids, plan):
                score_call(station, session, call, who, deductions)
        revealed = station.service.reveal(session, LEAD)
        result = compare(revealed, default_card(), station.service.visible_evaluations(revealed, LEAD.id),
                         station.refs())
        view = ComparisonWindow(result, [result], window)
        view.resize(1380, 860)
        view.move(0, 0)
        return view

    def finish_comparison(dialog, comparison):
        grab_screen(f"comparison_{language}.png")
        comparison.close()
        metrics = QFontMetrics(window.font())
        print(json.dumps({"family": QFontInfo(window.font()).family(),
                          "has_cjk": all(metrics.inFontUcs4(ord(c)) for c in "质检坐席客户通话"),
                          "title": window.windowTitle()}, ensure_ascii=False))
        dialog.close()
        window.close()
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
