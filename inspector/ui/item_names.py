"""The card's items and the pack's rules by their names in the UI language.

Reports, the red-line register and other lists carry the names as stored (the pack's and the card's Chinese); the
English UI shows their name_en, as the hits pane and the scorecard do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.scoring.card import Scorecard
from inspector.ui.i18n import english_ui
from inspector.scoring.defaults import default_pack


def english_names(card: Scorecard) -> dict[str, str]:
    """Item, fatal item and rule ids → their English names (the card's and the pack's name_en): a report
    carries the stored Chinese names, which the English UI shows as the hits pane and the scorecard do."""
    names = {key: value for key, value in card.english.items() if value}
    names.update({rule.id: rule.name_en for rule in default_pack().rules if rule.name_en})
    names["total"] = QCoreApplication.translate("ReportsWindow", "Total")   # the automatic score's total row, 总分
    return names


def names_in_ui_language(card: Scorecard) -> dict[str, str]:
    """What :func:`named` needs: the English names in the English UI, none (the stored names) in Chinese."""
    return english_names(card) if english_ui() else {}


def named(text: str, names: dict[str, str]) -> str:
    """A label like "C2 解答准确完整" as "C2 Accurate, complete answer" when the id has a name in ``names``."""
    key, _space, rest = text.partition(" ")
    return f"{key} {names[key]}" if rest and key in names else text
