"""What the controllers (rules, scoring, speech) may ask of the main window, declared: they are given a
Workbench, not the window, so a new call on the window is a visible change to this interface
(tests/test_ui_boundary.py holds them to it). The main window is the Workbench, and also the controllers' Qt
parent and their dialogs' parent widget."""

from __future__ import annotations

from typing import Protocol

from inspector.ui.operations import DatabaseLane
from inspector.ui.progress import ProgressView


class Workbench(Protocol):
    progress_view: ProgressView      # the one place background work shows how far it is
    lane: DatabaseLane               # every write the UI makes: an operation on it, whose changes panes follow

    def idle(self) -> None:
        """The job the status bar showed has ended."""

    def show_categories(self, call_id: int) -> None:
        """The open call's categories changed in the database."""

    def show_versions(self) -> None:
        """The open call's transcript versions changed."""

    def version_label(self, source: str, created_at: str) -> str:
        """How the transcript pane names a version (what the user picks it by)."""

    def call_changed(self, call_id: int) -> None:
        """A call's row (status, hits, score, emotion) changed in the database."""

    def calls_changed(self) -> None:
        """Many calls changed: the list reloads."""

    def check_open_call(self) -> None:
        """Check the open call again (its transcript changed)."""

    def check_ahead(self) -> None:
        """Check, categorise and measure every call whose findings are outdated."""
