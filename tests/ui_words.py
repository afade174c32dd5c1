"""What a reader sees of a window, and the words that are in the wrong language for the UI: shared by the
language walk (test_ui_languages.py) and the screenshot walk (screenshot_windows.py)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTabWidget, QTableView,
                               QTreeView, QWidget)

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
NAMES = {"Inspector", "ICC", "Vosk", "vosk", "HTML", "XLSX", "CSV", "FLAC", "Krippendorff", "Cohen", "Fleiss", "Ctrl",
         "Shift", "Space", "Home", "End", "Left", "Right", "Down", "Escape", "English", "TOP", "json", "csv", "txt"}
LANGUAGE_NAMES = {"简体中文"}                       # the language chooser names each language in itself


def window_words(window: QWidget, own_words_only: bool) -> list[str]:
    """What a reader sees: texts of labels, buttons, tabs, group boxes, combo items, placeholders, headers.
    ``own_words_only`` leaves out labels and combo items, which also show data."""
    seen = [window.windowTitle()]
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if isinstance(child, QAbstractButton):
            seen.append(child.text())
        elif isinstance(child, QGroupBox):
            seen.append(child.title())
        elif isinstance(child, QTabWidget):
            seen += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QLineEdit):
            seen.append(child.placeholderText())
        elif isinstance(child, (QTableView, QTreeView)) and child.model() is not None:
            model = child.model()
            seen += [str(model.headerData(i, Qt.Horizontal) or "") for i in range(model.columnCount())]
        elif not own_words_only and isinstance(child, QLabel):
            seen.append(re.sub(r"<[^>]+>", "", child.text()))
        elif not own_words_only and isinstance(child, QComboBox):
            seen += [child.itemText(i) for i in range(child.count())]
    return [text for text in seen if text]


def wrong_words(name: str, window: QWidget, language: str) -> list[str]:
    wrong = []
    for text in window_words(window, own_words_only=language == "en"):
        if language == "zh_CN":
            words = [w for w in ENGLISH_WORD.findall(text) if w not in NAMES and not re.match(r"R\d", w)]
        else:
            words = CHINESE.findall(text) if text not in LANGUAGE_NAMES and "e.g." not in text else []
        if words:
            wrong.append(f"{name}: {text!r}")
    return wrong
