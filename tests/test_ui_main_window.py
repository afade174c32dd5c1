"""The main window offscreen: import, opening calls, waveform interaction and the keyboard transport."""

import pytest
import soundfile as sf
from PySide6.QtCore import QPointF, Qt

from inspector.audio.output import PlaybackUnavailable
from inspector.audio.player import ChannelMode, Player, PlayerState
from inspector.settings import Settings
from inspector.ui.main_window import MainWindow
from tests.ui_windows import INSPECTOR
from inspector.workspace import Workspace
from tests.audio_files import tone
from tests.capturing_output import CapturingOutput


def _window(qtbot, tmp_path, player=None) -> MainWindow:
    player = player or Player(lambda rate: CapturingOutput(rate, speedup=1.0))
    window = MainWindow(Workspace(tmp_path / "ws"), Settings(language="en"), player, check_playback=False,
                        user=INSPECTOR)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _import(qtbot, window, folder, expected):
    window.importer.import_folder(folder, show_report=False)
    qtbot.waitUntil(lambda: window.call_list.model.total == expected, timeout=10_000)


def _open(qtbot, window, call_ref):
    model = window.call_list.model
    row = next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == call_ref)
    window.call_list.select_row(row)
    qtbot.waitUntil(lambda: window.state.recording is not None and window.state.call.call_ref == call_ref,
                    timeout=10_000)


@pytest.fixture
def demo_window(qtbot, tmp_path, demo_copy):
    window = _window(qtbot, tmp_path)
    _import(qtbot, window, demo_copy, 6)
    _open(qtbot, window, "S6")
    window.activateWindow()
    window.setFocus()
    yield window
    window.close()


def test_import_fills_the_list_and_opening_a_call_fills_the_panes(demo_window):
    window = demo_window
    assert window.importer.last_import is not None and len(window.importer.last_import.added) == 6
    assert window.waveform.lane_count() == 2
    overlaps = [i for kind, i in window.waveform.band_intervals() if kind == "overlap"]
    assert [round(i.duration, 1) for i in overlaps] == [1.5, 1.5]
    assert window.waveform.view_range() == pytest.approx((0.0, window.state.duration_s), abs=0.01)
    assert "3071" in window.header.title.text()
    assert window.transcript.segment_count() == 13


def test_second_open_draws_from_the_peak_cache(qtbot, demo_window):
    window = demo_window
    call = window.state.call
    assert window.workspace.peak_file(call.content_hash).exists()
    _open(qtbot, window, "S1")
    _open(qtbot, window, "S6")
    assert window.waveform.lane_count() == 2


def _key(qtbot, window, key, modifier=Qt.NoModifier):
    qtbot.keyClick(window, key, modifier)


def test_keyboard_transport(qtbot, demo_window):
    window, state, player = demo_window, demo_window.state, demo_window.playback.player
    _key(qtbot, window, Qt.Key_Right)
    assert state.playhead == pytest.approx(1.0)
    _key(qtbot, window, Qt.Key_Right, Qt.ShiftModifier)
    assert state.playhead == pytest.approx(6.0)
    _key(qtbot, window, Qt.Key_Left)
    assert player.position == pytest.approx(5.0)
    _key(qtbot, window, Qt.Key_End)
    assert state.playhead == pytest.approx(state.duration_s)
    _key(qtbot, window, Qt.Key_Home)
    assert state.playhead == 0.0
    _key(qtbot, window, Qt.Key_BracketRight)
    assert player.speed == pytest.approx(1.1)
    _key(qtbot, window, Qt.Key_BracketLeft)
    _key(qtbot, window, Qt.Key_BracketLeft)
    assert player.speed == pytest.approx(0.9)
    assert window.transport.speed.value() == pytest.approx(0.9)
    _key(qtbot, window, Qt.Key_2)
    assert player.channel_mode is ChannelMode.AGENT
    assert window.transport.channels.currentData() is ChannelMode.AGENT


def test_loop_with_a_and_b(qtbot, demo_window):
    window, state, player = demo_window, demo_window.state, demo_window.playback.player
    window.playback.seek(2.0)
    _key(qtbot, window, Qt.Key_A)
    window.playback.seek(4.5)
    _key(qtbot, window, Qt.Key_B)
    assert (state.selection.start, state.selection.end) == pytest.approx((2.0, 4.5))
    assert (player.loop.start_s, player.loop.end_s) == pytest.approx((2.0, 4.5))
    assert window.waveform.selections[0].isVisible()
    _key(qtbot, window, Qt.Key_Escape)
    assert state.selection is None and player.loop is None


def test_space_plays_and_pauses_and_the_playhead_follows(qtbot, demo_window):
    window, state, player = demo_window, demo_window.state, demo_window.playback.player
    _key(qtbot, window, Qt.Key_Space)
    qtbot.waitUntil(lambda: state.playhead > 0.3, timeout=5000)
    assert player.state is PlayerState.PLAYING
    assert window.waveform.playheads[0].value() == pytest.approx(state.playhead, abs=0.1)
    _key(qtbot, window, Qt.Key_Space)
    assert player.state is PlayerState.PAUSED
    assert window.transport.buttons["play"].defaultAction().text() == "Play"


def test_zoom_and_pan_keys(qtbot, demo_window):
    window = demo_window
    duration = window.state.duration_s
    _key(qtbot, window, Qt.Key_Equal, Qt.ControlModifier)
    low, high = window.waveform.view_range()
    assert high - low == pytest.approx(duration / 2, rel=0.01)
    _key(qtbot, window, Qt.Key_Right, Qt.ControlModifier)
    low2, high2 = window.waveform.view_range()
    assert low2 == pytest.approx(low + (high - low) / 4, abs=0.05)
    _key(qtbot, window, Qt.Key_0, Qt.ControlModifier)
    assert window.waveform.view_range() == pytest.approx((0.0, duration), abs=0.01)


def test_clicking_the_waveform_seeks_and_shift_click_selects(qtbot, demo_window):
    window = demo_window
    canvas = window.waveform.canvas
    lane = window.waveform.lanes[1]

    def point_at(seconds):
        scene = lane.vb.mapViewToScene(QPointF(seconds, 0.0))
        return canvas.mapFromScene(scene)

    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, point_at(20.0))
    assert window.state.playhead == pytest.approx(20.0, abs=0.2)
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.ShiftModifier, point_at(30.0))
    assert window.state.selection.start == pytest.approx(20.0, abs=0.2)
    assert window.state.selection.end == pytest.approx(30.0, abs=0.2)


def test_playback_unavailable_is_said_and_the_call_stays_usable(qtbot, tmp_path, demo_copy):
    def no_device(rate):
        raise PlaybackUnavailable("no sound server could be reached")

    window = _window(qtbot, tmp_path, Player(no_device))
    _import(qtbot, window, demo_copy, 6)
    _open(qtbot, window, "S1")
    window.playback.toggle()
    assert "Playback unavailable" in window.statusBar().currentMessage()
    assert window.waveform.lane_count() == 2
    window.playback.skip(5.0)
    assert window.state.playhead == pytest.approx(5.0)
    window.close()


def test_mono_call_shows_one_lane_of_unknown_speaker(qtbot, tmp_path):
    folder = tmp_path / "mono"
    folder.mkdir()
    sf.write(folder / "mono.wav", tone(2.0), 8000)
    window = _window(qtbot, tmp_path)
    _import(qtbot, window, folder, 1)
    _open(qtbot, window, "mono")
    assert window.waveform.lane_count() == 1
    assert "mono" in window.header.title.text()
    window.close()


def test_a_corrupt_call_says_so_and_the_window_keeps_working(qtbot, tmp_path, demo_copy):
    window = _window(qtbot, tmp_path)
    _import(qtbot, window, demo_copy, 6)
    (demo_copy / "S3.flac").write_bytes(b"broken after import" * 10)
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(6) if model.call_at(r).call_ref == "S3"))
    qtbot.waitUntil(lambda: "Cannot open this call" in window.header.title.text(), timeout=10_000)
    assert "S3.flac" in window.header.title.text()
    _open(qtbot, window, "S2")
    window.close()


def test_import_report_dialog_lists_each_problem(qtbot, tmp_path):
    from inspector.intake.importer import ImportReport
    from inspector.intake.metadata import SidecarProblem
    from inspector.ui.dialogs import ImportReportDialog

    report = ImportReport(problems=[SidecarProblem(tmp_path / "a.wav", "the file is empty (0 bytes)"),
                                    SidecarProblem(tmp_path / "b.mp3", "not a readable audio file")])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.problems.rowCount() == 2
    assert dialog.problems.item(0, 0).text() == "a.wav"
    assert "empty" in dialog.problems.item(0, 1).text()
    assert "2" in dialog.summary.text()


def test_who_is_signed_in_never_reaches_the_settings_file(qtbot, tmp_path):
    """The signed-in user is this session's state: the next person to start the app must log in themselves."""
    from inspector.settings import settings_file
    window = _window(qtbot, tmp_path)
    window.close()
    saved = settings_file().read_text(encoding="utf-8")
    assert INSPECTOR.id not in saved and "inspector_id" not in saved


def test_a_saved_layout_never_squeezes_a_pane_below_its_minimum(qtbot, tmp_path):
    from inspector.settings import Settings
    from inspector.ui.main_window import MainWindow
    from inspector.workspace import Workspace
    from tests.ui_windows import INSPECTOR
    settings = Settings(language="en", splitters={"main": [5, 3000], "bottom": [2000, 1], "right": [1, 1]})
    window = MainWindow(Workspace(tmp_path / "ws"), settings, check_playback=False, user=INSPECTOR)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    main, bottom = window.splitters["main"], window.splitters["bottom"]
    assert main.sizes()[0] >= window.call_list.minimumSizeHint().width()
    assert bottom.sizes()[1] >= window.side_tabs.minimumSizeHint().width()
    assert sum(main.sizes()) <= 1280
    window.close()
    assert settings.splitters["main"] == main.sizes()          # kept for the next start
