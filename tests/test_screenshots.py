"""Screenshots of the real window on Xvfb with CJK fonts; the PNGs go to artifacts/screenshots/ to be looked at."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ARTIFACTS, ROOT

pytestmark = pytest.mark.xvfb
SHOTS = ARTIFACTS / "screenshots"


@pytest.fixture(scope="module")
def display():
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing in CI (scripts/install.sh installs it)")
        pytest.skip("Xvfb is not installed (run scripts/install.sh)")
    number = 90 + os.getpid() % 100
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = f"/tmp/.X11-unix/X{number}"
    deadline = time.monotonic() + 120                      # only ends a hang
    while not os.path.exists(socket):
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=5)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_main_window_screenshot(display, tmp_path, language):
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_app.py"), str(SHOTS),
                             str(tmp_path / "ws"), language], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["has_cjk"], f"the UI font {facts['family']} has no Chinese glyphs: install fonts-noto-cjk"
    assert ("质检" in facts["title"]) == (language == "zh_CN")
    sizes = {f"main_{language}.png": (1400, 880), f"shortcuts_{language}.png": (1400, 880),
             f"scorecard_{language}.png": (1400, 880), f"comparison_{language}.png": (1400, 880),
             f"main_{language}_1280x800.png": (1280, 800), f"main_{language}_1920x1080.png": (1920, 1080)}
    for name, (width, height) in sizes.items():
        image = QImage(str(SHOTS / name))
        assert (image.width(), image.height()) == (width, height), name
        colours = {image.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 29)}
        assert len(colours) > 12, f"{name} looks blank"      # a blank or unpainted window has 1–3


def test_review_screenshots(display, tmp_path):
    """My queue, an item appeal on the scorecard and the red-line register, in Chinese."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_review.py"), str(SHOTS),
                             str(tmp_path / "ws"), "zh_CN"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    for name in ("queue_zh_CN.png", "appeal_zh_CN.png", "redlines_zh_CN.png"):
        image = QImage(str(SHOTS / name))
        assert (image.width(), image.height()) == (1400, 880), name
        colours = {image.pixel(x, y) for x in range(0, 1400, 37) for y in range(0, 880, 29)}
        assert len(colours) > 12, f"{name} looks blank"


def test_voice_of_the_customer_screenshots(display, tmp_path):
    """Categories and emotion on the call list and the call, the search window, the VoC window."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_voc.py"), str(SHOTS),
                             str(tmp_path / "ws"), "zh_CN"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    for name in ("voc_call_zh_CN.png", "voc_search_zh_CN.png", "voc_agents_zh_CN.png", "voc_reasons_zh_CN.png"):
        image = QImage(str(SHOTS / name))
        assert (image.width(), image.height()) == (1400, 880), name
        colours = {image.pixel(x, y) for x in range(0, 1400, 37) for y in range(0, 880, 29)}
        assert len(colours) > 12, f"{name} looks blank"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_autoscore_screenshots(display, tmp_path, language):
    """The call list by automatic score with the scorecard's suggestion, and the sampling dialog's strata."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_autoscore.py"), str(SHOTS),
                             str(tmp_path / "ws"), language], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    for name in (f"autoscore_{language}.png", f"sampling_{language}.png"):
        image = QImage(str(SHOTS / name))
        assert (image.width(), image.height()) == (1400, 880), name
        colours = {image.pixel(x, y) for x in range(0, 1400, 37) for y in range(0, 880, 29)}
        assert len(colours) > 12, f"{name} looks blank"


@pytest.fixture(scope="module")
def laptop_display():
    """A 1280×800 screen, the smallest the inspectors use."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (run scripts/install.sh)")
    number = 190 + os.getpid() % 100
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = f"/tmp/.X11-unix/X{number}"
    deadline = time.monotonic() + 120                      # only ends a hang
    while not os.path.exists(socket):
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=5)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_working_day_fits_a_1280x800_screen(laptop_display, tmp_path, language):
    """The main window, Reports, the submit question, F2's correction and the sampling preview on a laptop
    screen (issue 30): each window inside the screen, each screenshot painted."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": laptop_display, "QT_QPA_PLATFORM": "xcb"}
    scenes = ["main", "reports", "submit", "correct", "sampling"]
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_workday.py"), str(SHOTS),
                             str(tmp_path / "ws"), language, *scenes], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["outside"] == []
    for scene in scenes:
        image = QImage(str(SHOTS / f"workday_{scene}_{language}_1280x800.png"))
        assert (image.width(), image.height()) == (1280, 800), scene
        colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 800, 29)}
        assert len(colours) > 12, f"{scene} looks blank"


def test_agents_screenshots(display, tmp_path):
    """The agent's own window, an appeal of F1, the lead's queue, the upheld result and who has acknowledged."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "screenshot_agents.py"), str(SHOTS),
                             str(tmp_path / "ws"), "zh_CN"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    for name in ("agent", "agent_appeal", "lead_appeals", "agent_upheld", "acknowledgements", "coaching"):
        image = QImage(str(SHOTS / f"{name}_zh_CN.png"))
        assert (image.width(), image.height()) == (1400, 880), name
        colours = {image.pixel(x, y) for x in range(0, 1400, 37) for y in range(0, 880, 29)}
        assert len(colours) > 8, f"{name} looks blank"     # mostly white lists: fewer colours than the main window
