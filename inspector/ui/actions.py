"""Every command of the window as a QAction with its shortcuts, built from one table.

The same table fills the menus and Help → Shortcuts, so the list a user reads is the list that works.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    """``text`` is the untranslated source; it is translated when the action is built."""

    key: str
    menu: str
    text: str
    shortcuts: tuple[str, ...] = ()


def action_specs() -> list[ActionSpec]:
    return [
        ActionSpec("import", "file", QT_TRANSLATE_NOOP("Actions", "&Import folder…"), ("Ctrl+I",)),
        ActionSpec("evaluations", "file", QT_TRANSLATE_NOOP("Actions", "&Evaluations…"), ("Ctrl+E",)),
        ActionSpec("reports", "file", QT_TRANSLATE_NOOP("Actions", "&Reports…"), ("Ctrl+R",)),
        ActionSpec("search", "file", QT_TRANSLATE_NOOP("Actions", "&Search all calls…"), ("Ctrl+Shift+F",)),
        ActionSpec("voc", "file", QT_TRANSLATE_NOOP("Actions", "&Voice of the customer…"), ("Ctrl+Shift+V",)),
        ActionSpec("calibration", "file", QT_TRANSLATE_NOOP("Actions", "&Calibration sessions…"), ("Ctrl+K",)),
        ActionSpec("stop_calibration", "file", QT_TRANSLATE_NOOP("Actions", "Leave calibration scoring"), ()),
        ActionSpec("upload", "file", QT_TRANSLATE_NOOP("Actions", "&Upload to headquarters…"), ("Ctrl+U",)),
        ActionSpec("settings", "file", QT_TRANSLATE_NOOP("Actions", "&Settings…"), ("Ctrl+,",)),
        ActionSpec("users", "file", QT_TRANSLATE_NOOP("Actions", "U&sers…"), ()),
        ActionSpec("switch_user", "file", QT_TRANSLATE_NOOP("Actions", "S&witch user…"), ()),
        ActionSpec("log_out", "file", QT_TRANSLATE_NOOP("Actions", "&Log out"), ()),
        ActionSpec("quit", "file", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",)),
        ActionSpec("my_queue", "review", QT_TRANSLATE_NOOP("Actions", "&My queue…"), ("Ctrl+J",)),
        ActionSpec("sample", "review", QT_TRANSLATE_NOOP("Actions", "&Sampling plans…"), ()),
        ActionSpec("appeals", "review", QT_TRANSLATE_NOOP("Actions", "&Appeals…"), ()),
        ActionSpec("acknowledgements", "review", QT_TRANSLATE_NOOP("Actions", "Agents' a&cknowledgements…"), ()),
        ActionSpec("coaching", "review", QT_TRANSLATE_NOOP("Actions", "C&oaching…"), ()),
        ActionSpec("redlines", "review", QT_TRANSLATE_NOOP("Actions", "&Red-line register…"), ()),
        ActionSpec("play", "playback", QT_TRANSLATE_NOOP("Actions", "Play"), ("Space",)),
        ActionSpec("stop", "playback", QT_TRANSLATE_NOOP("Actions", "Stop"), ("Ctrl+.",)),
        ActionSpec("back1", "playback", QT_TRANSLATE_NOOP("Actions", "Back 1 s"), ("Left",)),
        ActionSpec("forward1", "playback", QT_TRANSLATE_NOOP("Actions", "Forward 1 s"), ("Right",)),
        ActionSpec("back5", "playback", QT_TRANSLATE_NOOP("Actions", "Back 5 s"), ("Shift+Left",)),
        ActionSpec("forward5", "playback", QT_TRANSLATE_NOOP("Actions", "Forward 5 s"), ("Shift+Right",)),
        ActionSpec("start", "playback", QT_TRANSLATE_NOOP("Actions", "Go to start"), ("Home",)),
        ActionSpec("end", "playback", QT_TRANSLATE_NOOP("Actions", "Go to end"), ("End",)),
        ActionSpec("slower", "playback", QT_TRANSLATE_NOOP("Actions", "Slower"), ("[",)),
        ActionSpec("faster", "playback", QT_TRANSLATE_NOOP("Actions", "Faster"), ("]",)),
        ActionSpec("loop_a", "playback", QT_TRANSLATE_NOOP("Actions", "Set loop start (A)"), ("A",)),
        ActionSpec("loop_b", "playback", QT_TRANSLATE_NOOP("Actions", "Set loop end (B)"), ("B",)),
        ActionSpec("loop_clear", "playback", QT_TRANSLATE_NOOP("Actions", "Clear loop"), ("Escape",)),
        ActionSpec("both", "playback", QT_TRANSLATE_NOOP("Actions", "Both channels"), ("1",)),
        ActionSpec("agent", "playback", QT_TRANSLATE_NOOP("Actions", "Agent only"), ("2",)),
        ActionSpec("customer", "playback", QT_TRANSLATE_NOOP("Actions", "Customer only"), ("3",)),
        ActionSpec("louder", "playback", QT_TRANSLATE_NOOP("Actions", "Volume up"), ("Ctrl+Up",)),
        ActionSpec("quieter", "playback", QT_TRANSLATE_NOOP("Actions", "Volume down"), ("Ctrl+Down",)),
        ActionSpec("zoom_in", "view", QT_TRANSLATE_NOOP("Actions", "Zoom in"), ("Ctrl+=", "=")),
        ActionSpec("zoom_out", "view", QT_TRANSLATE_NOOP("Actions", "Zoom out"), ("Ctrl+-", "-")),
        ActionSpec("zoom_fit", "view", QT_TRANSLATE_NOOP("Actions", "Whole call"), ("Ctrl+0",)),
        ActionSpec("pan_left", "view", QT_TRANSLATE_NOOP("Actions", "Scroll left"), ("Ctrl+Left",)),
        ActionSpec("pan_right", "view", QT_TRANSLATE_NOOP("Actions", "Scroll right"), ("Ctrl+Right",)),
        ActionSpec("next_hit", "rules", QT_TRANSLATE_NOOP("Actions", "Next hit"), ("N",)),
        ActionSpec("prev_hit", "rules", QT_TRANSLATE_NOOP("Actions", "Previous hit"), ("Shift+N",)),
        ActionSpec("confirm_hit", "rules", QT_TRANSLATE_NOOP("Actions", "Confirm hit"), ("Y",)),
        ActionSpec("reject_hit", "rules", QT_TRANSLATE_NOOP("Actions", "Reject hit"), ("X",)),
        ActionSpec("check_call", "rules", QT_TRANSLATE_NOOP("Actions", "Check this call again"), ("F5",)),
        ActionSpec("check_all", "rules", QT_TRANSLATE_NOOP("Actions", "Check all calls"), ("Ctrl+Shift+R",)),
        ActionSpec("compare_pack", "rules", QT_TRANSLATE_NOOP("Actions", "Compare another rule pack…"), ()),
        ActionSpec("accuracy", "rules", QT_TRANSLATE_NOOP("Actions", "Rule accuracy…"), ()),
        ActionSpec("speech_models", "speech", QT_TRANSLATE_NOOP("Actions", "Speech models…"), ()),
        ActionSpec("transcribe_call", "speech", QT_TRANSLATE_NOOP("Actions", "Transcribe this call"), ("Ctrl+T",)),
        ActionSpec("transcribe_all", "speech", QT_TRANSLATE_NOOP("Actions", "Transcribe all calls"),
                   ("Ctrl+Shift+T",)),
        ActionSpec("correct_sentence", "speech", QT_TRANSLATE_NOOP("Actions", "Correct this sentence…"), ("F2",)),
        ActionSpec("export_transcript", "speech", QT_TRANSLATE_NOOP("Actions", "Export transcript…"), ()),
        ActionSpec("import_transcript", "speech", QT_TRANSLATE_NOOP("Actions", "Import transcript…"), ()),
        ActionSpec("shortcuts", "help", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), ("F1",)),
        ActionSpec("about", "help", QT_TRANSLATE_NOOP("Actions", "&About Inspector"), ()),
    ]


def build_actions(parent: QWidget, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in action_specs():
        action = QAction(QCoreApplication.translate("Actions", spec.text), parent)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(Qt.WindowShortcut)
        action.setProperty("menu", spec.menu)
        action.triggered.connect(handlers[spec.key])
        parent.addAction(action)
        actions[spec.key] = action
    return actions
