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


def _core_templates():
    """Every Message("…") template written in the core, found in its source."""
    import ast
    found = set()
    for path in (ROOT / "inspector").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "inspector").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_core_message_is_in_the_catalogue():
    from inspector.ui.core_messages import TEMPLATES
    templates = _core_templates()
    assert len(templates) >= 20
    assert templates <= set(TEMPLATES), templates - set(TEMPLATES)
    assert {source for context, source in _sources(CATALOGUE) if context == "Core"} >= templates


@pytest.fixture
def chinese():
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    yield
    for translator in translators:
        app.removeTranslator(translator)
    install_translators(app, "en")


def test_core_reasons_and_refusals_read_in_chinese(tmp_path, qtbot, chinese):
    from inspector.intake.importer import run_import
    from inspector.store.calls import CallRepository
    from inspector.store.database import open_database
    from inspector.store.transcripts import TranscriptRepository
    from inspector.ui.core_messages import error_text
    from inspector.ui.dialogs import ImportReportDialog
    from inspector.users.policy import NotAllowed
    from inspector.domain.messages import Message

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "garbage.mp3").write_bytes(b"\x00not audio at all" * 64)
    (folder / "empty.wav").write_bytes(b"")
    db = open_database(tmp_path / "db.sqlite3")
    report = run_import(folder, CallRepository(db), TranscriptRepository(db))
    assert {str(p.reason).split(" (")[0] for p in report.problems} == {
        "the file is empty", "not a readable audio file"}              # the CLI and logs keep English
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    shown = [dialog.problems.item(r, 1).text() for r in range(dialog.problems.rowCount())]
    assert len(shown) == 2
    for text in shown:
        assert not any(c.isascii() and c.isalpha() for c in text.replace("MP3", "").replace("WAV", "")
                       .replace("FLAC", "").replace("OGG", "")), text
    refusal = NotAllowed(Message("fatal item(s) {items} still wait for review: confirm or reject them",
                                 items="F1"))
    assert "F1" in error_text(refusal) and "still" not in error_text(refusal)


def test_rule_names_follow_the_ui_language(tmp_path, qtbot):
    from inspector.scoring.defaults import default_pack
    pack = default_pack()
    assert all(rule.name_en for rule in pack.rules)
    names = {}
    for language in ("en", "zh_CN"):
        app = QApplication.instance()
        translators = install_translators(app, language)
        try:
            window = MainWindow(Workspace(tmp_path / language), Settings(language=language),
                                check_playback=False, user=INSPECTOR)
            qtbot.addWidget(window)
            names[language] = dict(window.state.rule_names)
            window.close()
        finally:
            for translator in translators:
                app.removeTranslator(translator)
    install_translators(QApplication.instance(), "en")
    assert names["en"]["R01"] == "Opening greeting" and names["zh_CN"]["R01"] == "开头语"
