"""Chinese is the default UI language, English is available, and the catalogue stays complete."""

import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication

from inspector.settings import Settings
from inspector.ui.i18n import LRELEASE, install_translators
from inspector.ui.main_window import MainWindow
from tests.ui_windows import INSPECTOR
from inspector.workspace import Workspace
from tests.conftest import ROOT

CATALOGUE = ROOT / "resources" / "translations" / "inspector_zh_CN.ts"


def _sources(path):
    return {(ctx.findtext("name"), msg.findtext("source"))
            for ctx in ET.parse(path).getroot().iter("context") for msg in ctx.iter("message")}


def test_catalogue_covers_every_string_in_the_ui_and_is_finished(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = LRELEASE.with_name("lupdate")
    sources = sorted(str(p) for p in (ROOT / "inspector" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True)
    assert _sources(fresh) == _sources(CATALOGUE), "run pyside6-lupdate and translate the new strings"
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        assert translation.get("type") != "unfinished", message.findtext("source")
        text = (translation.text or "") + "".join(n.text or "" for n in translation.iter("numerusform"))
        assert text.strip(), message.findtext("source")


def _menu_titles(tmp_path, qtbot, language):
    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        window = MainWindow(Workspace(tmp_path / language), Settings(language=language), check_playback=False,
                            user=INSPECTOR)
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        headers = window.call_list.model.headers()
        window.close()
        return titles, headers, window.windowTitle()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.mark.parametrize("language,file_menu,first_header,title_word", [
    ("zh_CN", "文件(&F)", "通话", "质检"), ("en", "&File", "Call", "inspection")])
def test_switching_language(tmp_path, qtbot, language, file_menu, first_header, title_word):
    titles, headers, title = _menu_titles(tmp_path, qtbot, language)
    assert titles[0] == file_menu
    assert headers[0] == first_header
    assert title_word in title


def test_default_language_is_chinese():
    assert Settings().language == "zh_CN"
    assert Settings(language="fr").language == "zh_CN"
