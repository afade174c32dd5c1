"""Dialogs of the Rules menu: per-rule accuracy from decisions, and what an edited pack would change."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget)

from inspector.ui.i18n import english_ui
from inspector.ui.window_sizes import open_within_screen
from inspector.findings.checking import CallDiff
from inspector.rules.pack import RulePack
from inspector.domain.accuracy import BandAccuracy, RuleAccuracy
from inspector.ui.dialog_buttons import ok_cancel
from inspector.ui.tables import read_only_table


class AccuracyDialog(QDialog):
    """Precision of each rule = confirmed ÷ (confirmed + rejected) over every reviewed call, and the same by
    the hits' confidence, so a lead sees whether 0.9 hits are right about 9 times in 10."""

    def __init__(self, accuracy: list[RuleAccuracy], pack: RulePack, parent: QWidget | None = None,
                 bands: list[BandAccuracy] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rule accuracy"))
        english = english_ui()                     # the pack's name_en in the English UI, as the hits show it
        names = {r.id: (r.name_en if english and r.name_en else r.name) for r in pack.rules}
        rows = [[a.rule, names.get(a.rule, ""), str(a.confirmed), str(a.rejected),
                 "—" if a.precision is None else f"{a.precision:.0%}"] for a in accuracy]
        self.table = read_only_table(self, [self.tr("Rule"), self.tr("Name"), self.tr("Confirmed"), self.tr("Rejected"),
                                   self.tr("Precision")], rows)
        note = QLabel(self.tr("From inspectors' decisions on automatic hits over all reviewed calls."), self)
        if not rows:
            note.setText(self.tr("No hit has been confirmed or rejected yet."))
        band_rows = [[f"{b.low:.2f}–{b.high:.2f}", str(b.confirmed), str(b.rejected),
                      "—" if b.precision is None else f"{b.precision:.0%}"] for b in bands]
        self.bands = read_only_table(self, [self.tr("Confidence"), self.tr("Confirmed"), self.tr("Rejected"),
                                            self.tr("Precision")], band_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Precision by confidence band"), self))
        layout.addWidget(self.bands)
        layout.addWidget(buttons)
        open_within_screen(self, "AccuracyDialog", QSize(560, 560))


class CompareDialog(QDialog):
    """Lists, per call, the hits a new pack would add or remove; OK adopts the pack and re-checks."""

    def __init__(self, diffs: list[CallDiff], pack: RulePack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare rule pack"))
        rows = [[d.call_ref, ", ".join(k.split("@")[0] for k in d.added),
                 ", ".join(k.split("@")[0] for k in d.removed)] for d in diffs]
        summary = self.tr("%1 %2 would change the hits of %3 call(s).")
        summary = summary.replace("%1", pack.name).replace("%2", pack.version).replace("%3", str(len(diffs)))
        self.summary = QLabel(summary, self)
        self.table = read_only_table(self, [self.tr("Call"), self.tr("New hits"), self.tr("Hits gone")], rows)
        buttons = ok_cancel(self, self.tr("Use this pack and re-check"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        open_within_screen(self, "CompareDialog", QSize(640, 420))
