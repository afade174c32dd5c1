"""Building, installing and running the offline bundle in the tests and in bench/bundle_start.py: each
bundle built once per session by scripts/bundle.sh, the installed app run in a network namespace with
loopback only (what a centre's offline machine has), and its window driven with xdotool as a person would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The last main before migration 0020: the "previous release" the upgrade starts from (schema 19).
PREVIOUS_RELEASE = "353eafbe555741b82c5c6a91071df4ea337e97d7"
PREVIOUS_VERSION = "0.0.1"
MAIN_WINDOW = "通话质检工作台"              # the main window's title in Chinese
LOG_IN = "登录|Log in"


@dataclass(frozen=True)
class Bundle:
    archive: Path
    folder: Path            # the archive unpacked: install.sh, app/, SHA256SUMS
    seconds: float          # how long bundle.sh took

    @property
    def version(self) -> str:
        return re.match(r"inspector-(.+)-linux-x86_64\.tar\.gz$", self.archive.name)[1]


def build_bundle(out: Path, *extra: str) -> Bundle:
    """scripts/bundle.sh into `out`, unpacked beside it. The model is the one the tests use (an explicit
    INSPECTOR_TEST_VOSK_MODEL_ZH, else the installed one, which bundle.sh finds itself)."""
    model = os.environ.get("INSPECTOR_TEST_VOSK_MODEL_ZH")
    env = {k: v for k, v in os.environ.items() if k not in ("INSPECTOR_DATA_DIR", "INSPECTOR_CONFIG_DIR")}
    started = time.monotonic()
    done = subprocess.run(["bash", str(ROOT / "scripts" / "bundle.sh"), "--out", str(out),
                           *(["--model", model] if model else []), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    archive = next(out.glob("inspector-*-linux-x86_64.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="tar")
    return Bundle(archive, out / archive.name.removesuffix(".tar.gz"), seconds)


def offline(command: list[str]) -> list[str]:
    """The command in a new network namespace with its loopback up and nothing else (`unshare -n`; as a
    user without root, inside a user namespace too)."""
    unshare = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-r", "-n"]
    return [*unshare, "sh", "-c", 'ip link set lo up && exec "$@"', "offline", *command]


def run(command: list[str], env: dict[str, str] | None = None, timeout: float = 900,
        **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env=os.environ | (env or {}), **kwargs)


def install(bundle: Bundle, prefix: Path) -> subprocess.CompletedProcess:
    return run(["bash", str(bundle.folder / "install.sh"), "--prefix", str(prefix)])


def wait_for_window(display: str, title: str, timeout: float = 240) -> str:
    """The id of the first visible window whose title matches `title`, as soon as it is mapped."""
    found = run(["xdotool", "search", "--sync", "--onlyvisible", "--name", title], {"DISPLAY": display},
                timeout=timeout)
    assert found.returncode == 0 and found.stdout.strip(), f"no window named {title!r}: {found.stderr}"
    return found.stdout.split()[0]


def log_in(display: str, timeout: float = 240) -> None:
    """The demo's log-in dialog comes filled in: focus it and press Enter, as its user would."""
    dialog = wait_for_window(display, LOG_IN, timeout)
    pressed = run(["xdotool", "windowfocus", "--sync", dialog, "key", "Return"], {"DISPLAY": display})
    assert pressed.returncode == 0, pressed.stderr


GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.primaryScreen().grabWindow(0, 0, 0, int(sys.argv[2]), int(sys.argv[3])).save(sys.argv[1])
"""


def screenshot(display: str, path: Path, width: int = 1400, height: int = 880) -> bytes:
    """The screen's top-left corner, where the window opens, grabbed by a Qt client of the test's own."""
    done = run([sys.executable, "-c", GRAB, str(path), str(width), str(height)],
               {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}, timeout=120)
    assert done.returncode == 0, done.stderr
    return path.read_bytes()


def settled_screenshot(display: str, path: Path, timeout: float = 120) -> None:
    """Screenshots until two in a row are the same: the window has drawn what it had to show."""
    deadline = time.monotonic() + timeout
    previous = b""
    while time.monotonic() < deadline:
        current = screenshot(display, path)
        if current == previous:
            return
        previous = current
        time.sleep(1)
