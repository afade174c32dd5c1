"""Every command of the window as a QAction with its shortcuts, built from one table.

The same table fills the menus and Help → Shortcuts, so the list a user reads is the list that works.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str
    text: str
    shortcuts: tuple[str, ...] = ()


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def action_specs() -> list[ActionSpec]:
    return [
        ActionSpec("import", "file", _t("&Import folder…"), ("Ctrl+I",)),
        ActionSpec("settings", "file", _t("&Settings…"), ("Ctrl+,",)),
        ActionSpec("quit", "file", _t("&Quit"), ("Ctrl+Q",)),
        ActionSpec("play", "playback", _t("Play"), ("Space",)),
        ActionSpec("stop", "playback", _t("Stop"), ("Ctrl+.",)),
        ActionSpec("back1", "playback", _t("Back 1 s"), ("Left",)),
        ActionSpec("forward1", "playback", _t("Forward 1 s"), ("Right",)),
        ActionSpec("back5", "playback", _t("Back 5 s"), ("Shift+Left",)),
        ActionSpec("forward5", "playback", _t("Forward 5 s"), ("Shift+Right",)),
        ActionSpec("start", "playback", _t("Go to start"), ("Home",)),
        ActionSpec("end", "playback", _t("Go to end"), ("End",)),
        ActionSpec("slower", "playback", _t("Slower"), ("[",)),
        ActionSpec("faster", "playback", _t("Faster"), ("]",)),
        ActionSpec("loop_a", "playback", _t("Set loop start (A)"), ("A",)),
        ActionSpec("loop_b", "playback", _t("Set loop end (B)"), ("B",)),
        ActionSpec("loop_clear", "playback", _t("Clear loop"), ("Escape",)),
        ActionSpec("both", "playback", _t("Both channels"), ("1",)),
        ActionSpec("agent", "playback", _t("Agent only"), ("2",)),
        ActionSpec("customer", "playback", _t("Customer only"), ("3",)),
        ActionSpec("louder", "playback", _t("Volume up"), ("Ctrl+Up",)),
        ActionSpec("quieter", "playback", _t("Volume down"), ("Ctrl+Down",)),
        ActionSpec("zoom_in", "view", _t("Zoom in"), ("Ctrl+=", "=")),
        ActionSpec("zoom_out", "view", _t("Zoom out"), ("Ctrl+-", "-")),
        ActionSpec("zoom_fit", "view", _t("Whole call"), ("Ctrl+0",)),
        ActionSpec("pan_left", "view", _t("Scroll left"), ("Ctrl+Left",)),
        ActionSpec("pan_right", "view", _t("Scroll right"), ("Ctrl+Right",)),
        ActionSpec("shortcuts", "help", _t("&Keyboard shortcuts"), ("F1",)),
        ActionSpec("about", "help", _t("&About Inspector"), ()),
    ]


def build_actions(parent: QWidget, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in action_specs():
        action = QAction(spec.text, parent)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(Qt.WindowShortcut)
        action.setProperty("menu", spec.menu)
        action.triggered.connect(handlers[spec.key])
        parent.addAction(action)
        actions[spec.key] = action
    return actions
