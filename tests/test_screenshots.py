"""Screenshots of every window and dialog on real Xvfb screens with CJK fonts (issue 30): a laptop's 1280×800 and a
full-HD 1920×1080, in Chinese and in English. tests/screenshot_windows.py walks the windows of a working day (an
inspector's, a lead's, an agent's); the PNGs go to artifacts/screenshots/windows/ to be looked at (the list and
what was seen: docs/screenshots.md)."""

import re

import pytest

from tests.screenshot_setup import CALIBRATION_TITLE, SHOTS, assert_painted, run_script, xvfb_screen
from tests.speech_models import MANDARIN
from tests.ui_words import CHINESE, ENGLISH_WORD, NAMES

pytestmark = pytest.mark.xvfb
SCREENS = ((1280, 800), (1920, 1080))
# What the windows show that is data, not the UI's words: paths and addresses, the demo's shared password, the
# title a lead gave a calibration session.
DATA = re.compile(r"(https?:/)?(/[\w.-]+)+/?|\bdemo\b|" + CALIBRATION_TITLE)


@pytest.fixture(scope="module")
def display():
    """A full-HD screen (other tests' windows and the installed bundle use it too)."""
    with xvfb_screen(1920, 1080) as name:
        yield name


@pytest.fixture(scope="module", params=SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def screen(request):
    width, height = request.param
    with xvfb_screen(width, height) as name:
        yield name, width, height


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_window_on_the_screen(screen, tmp_path, language):
    """Every window and dialog opens within the screen, painted, in one language, with a font that has Chinese."""
    display, width, height = screen
    model = [str(MANDARIN)] if MANDARIN is not None else []         # the model dialog lists what the set-up installed
    facts = run_script(display, "screenshot_windows.py", tmp_path / "ws", language, *model, timeout=600)
    assert facts["font"]["has_cjk"], f"the UI font {facts['font']['family']} has no Chinese glyphs: install fonts-noto-cjk"
    assert len(facts["shots"]) >= 45, facts["shots"]          # every window of docs/screenshots.md
    assert facts["outside"] == []
    texts = [(w, DATA.sub("", w.split(": ", 1)[1])) for w in facts["wrong_language"]]
    wrong = [w for w, text in texts if (CHINESE.search(text) if language == "en" else
                                        set(ENGLISH_WORD.findall(text)) - NAMES)]
    assert wrong == []
    for name in facts["shots"]:
        assert_painted(f"windows/{name}", width, height, colours=6)
    assert all(f"_{language}_{width}x{height}.png" in name for name in facts["shots"])
    assert SHOTS.is_dir()
