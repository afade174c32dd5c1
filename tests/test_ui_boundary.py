"""The controllers ask of the main window only what ui/workbench.py declares, and the main window provides
all of it: a new call on the window shows up as a change to that interface, not as one more undeclared
reach into it."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from inspector.ui import (call_opener, import_controller, main_window, rules_controller, scoring_controller,
                          speech_controller, transcript_controller)
from inspector.ui.main_window import MainWindow
from inspector.ui.workbench import Workbench

DECLARED = {name for name in vars(Workbench) if not name.startswith("_")} | set(Workbench.__annotations__)


def _asked_of_window(module) -> set[str]:
    """Every `self.window.NAME` or `self.bench.NAME` the module uses other than as a dialog's parent."""
    tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
    return {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
            and node.value.attr in ("window", "bench") and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "self"}


@pytest.mark.parametrize("module", [rules_controller, scoring_controller, speech_controller, call_opener,
                                    import_controller, transcript_controller],
                         ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_a_controller_asks_of_the_window_only_what_the_workbench_declares(module):
    asked = _asked_of_window(module)
    assert asked and asked <= DECLARED, asked - DECLARED


def test_the_main_window_is_a_workbench():
    assert DECLARED >= {"progress_view", "idle", "call_changed", "check_ahead"}
    methods = DECLARED - set(Workbench.__annotations__)
    missing = [name for name in methods if not callable(getattr(MainWindow, name, None))]
    assert missing == []
    assert "progress_view" in inspect.getsource(MainWindow._build_status_bar)


MAIN_WINDOW_LIMIT = 300


def test_the_main_window_only_assembles():
    """The window builds panes, menus and the status bar and connects them; behaviour lives in the
    controllers. Growing past the limit means something that belongs in a controller landed here."""
    tree = ast.parse(Path(inspect.getfile(main_window)).read_text(encoding="utf-8"))
    [window] = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "MainWindow"]
    assert window.end_lineno - window.lineno + 1 <= MAIN_WINDOW_LIMIT
