"""Qt translations: our .ts files compiled to .qm by pyside6-lrelease, plus Qt's own for stock dialogs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from PySide6.QtWidgets import QApplication

from inspector.resources import resource_path
from inspector.ui.file_dialogs import fit_every_file_dialog

LRELEASE = Path(PySide6.__file__).parent / "lrelease"

# Qt 6 gave the file dialog's labels a mnemonic ("&Look in:", "Files of &type:") and its own zh_CN catalogue
# still has only the old words, so a Chinese file dialog said "Look in:" and "Files of type:" in English. Our
# catalogue carries them (it is asked after Qt's, which does not know them).
# The file dialog's Type column ("Folder", "File", "%1 File") comes from QAbstractFileIconProvider, a Qt 6
# context that catalogue has not got at all.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"))


def compiled_catalog(language: str) -> Path | None:
    """The .qm for a language, (re)built from its .ts when missing or older; None for the source language."""
    if language == "en":
        return None
    source = resource_path("translations", f"inspector_{language}.ts")
    target = source.with_suffix(".qm")
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        subprocess.run([str(LRELEASE), "-silent", str(source), "-qm", str(target)], check=True)
    return target


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators (parented to the app, so they live as long as it does) and return them, so a
    caller can remove them again."""
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale(language))
    if isinstance(app, QApplication):
        fit_every_file_dialog(app)                 # its sizes and dates follow QLocale(), not the machine's
    catalog = compiled_catalog(language)
    if catalog is None:
        return installed
    ours = QTranslator(app)
    if ours.load(str(catalog)):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    # Qt's own words (file dialogs' "Look in:", "Files of type:", Yes/No): qtbase_zh_CN.qm, or the older
    # all-in-one qt_zh_CN.qm where a Qt build has only that; without them a Chinese window opens English dialogs
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if any(qt_own.load(QLocale(language), name, "_", folder) for name in ("qtbase", "qt")):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def english_ui() -> bool:
    """Data in the pack (rule names) has an English form beside its Chinese one; this says which to show.
    The UI is Chinese or English (settings.LANGUAGES), and the C locale of a bare test machine reads English."""
    return QLocale().language() != QLocale.Language.Chinese
