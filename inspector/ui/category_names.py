"""A category's name in the UI language.

Categories are stored by their Chinese labels (资费争议 › 扣费不明), as the pack names them, so results
from every pack version and centre compare. The English UI shows each level's English name from the
pack's path_en; a name the pack does not know (an older pack's, a centre's own) has no English name to show,
so it shows as stored, marked as not in the pack — never passed off as one of the pack's own names.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

from inspector.categories.pack import SEPARATOR, default_category_pack
from inspector.ui.i18n import english_ui


@cache
def _english() -> dict[str, str]:
    return default_category_pack().english_names()


def category_text(label: str) -> str:
    """A stored label (one level or both, joined by ›, with or without spaces) in the UI language."""
    if not english_ui():
        return label
    names = _english()
    parts = [part.strip() for part in label.split(SEPARATOR.strip())]
    return SEPARATOR.join(names[part] if part in names else
                          QCoreApplication.translate("category_text", "%1 (not in the pack)").replace("%1", part)
                          for part in parts)
