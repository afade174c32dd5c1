"""What `inspector` checks before it starts: an older workspace backed up then migrated, a newer one left
alone, and a missing system library named with its package before Qt would abort."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.__main__ import main
from inspector.filehash import file_sha256
from inspector.store.database import SCHEMA_VERSION, open_database
from inspector.store.migrations import MIGRATIONS
from inspector.system_libraries import SOUND_LIBRARIES, WINDOW_LIBRARIES, font_problem, missing, sound_problem, \
    window_problem
from inspector.workspace_upgrade import stored_schema
from tests.conftest import ROOT

OLD = SCHEMA_VERSION - 1



def older_workspace(root: Path) -> Path:
    """A workspace as the previous schema left it, with a call in it."""
    database = root / "inspector.sqlite3"
    db = open_database(database, MIGRATIONS[:OLD])
    db.execute("INSERT INTO calls (call_ref, path, content_hash, duration_s, sample_rate, channels, audio_format, "
               "imported_at) VALUES ('C1', '/calls/c1.wav', 'h1', 60.0, 8000, 2, 'WAV', '2026-01-01T00:00:00')")
    db.conn.commit()
    db.close()
    return database


def test_an_older_workspace_is_backed_up_then_migrated_once(tmp_path, capsys):
    database = older_workspace(tmp_path / "ws")
    assert main(["--data-dir", str(tmp_path / "ws"), "calls", "--format", "json"]) == 0
    said = capsys.readouterr()
    assert '"C1"' in said.out
    backups = list((tmp_path / "ws" / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith(f"inspector-schema{OLD}-before-")
    assert str(backups[0]) in said.err and f"schema {OLD} → {SCHEMA_VERSION}" in said.err
    assert stored_schema(backups[0]) == OLD and stored_schema(database) == SCHEMA_VERSION
    backup = sqlite3.connect(backups[0])
    assert backup.execute("SELECT call_ref FROM calls").fetchall() == [("C1",)]
    assert backup.execute("PRAGMA journal_mode").fetchone() == ("delete",)      # one self-contained file
    backup.close()
    assert oct(backups[0].stat().st_mode & 0o777) == oct(0o600)
    assert main(["--data-dir", str(tmp_path / "ws"), "calls", "--format", "json"]) == 0
    assert len(list((tmp_path / "ws" / "backups").iterdir())) == 1 and "upgraded" not in capsys.readouterr().err


def test_a_failed_backup_leaves_the_older_workspace_as_it_was(tmp_path, capsys):
    database = older_workspace(tmp_path / "ws")
    (tmp_path / "ws" / "backups").write_text("a file where the backups folder goes")
    before = file_sha256(database)
    assert main(["--data-dir", str(tmp_path / "ws"), "calls"]) == 2
    err = capsys.readouterr().err
    assert "not upgraded" in err and "nothing was changed" in err and "Traceback" not in err
    assert stored_schema(database) == OLD and file_sha256(database) == before


def test_a_newer_workspace_is_refused_untouched(tmp_path, capsys):
    database = tmp_path / "ws" / "inspector.sqlite3"
    open_database(database).close()
    with sqlite3.connect(database) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = file_sha256(database)
    assert main(["--data-dir", str(tmp_path / "ws"), "calls"]) == 2
    assert "newer Inspector" in capsys.readouterr().err
    assert file_sha256(database) == before and not (tmp_path / "ws" / "backups").exists()


def test_version_says_where_it_runs_from(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"inspector {__import__('inspector').__version__} (from source in {ROOT}; " \
                                      f"database schema {SCHEMA_VERSION})\n"


def test_missing_libraries_are_named_with_their_packages():
    absent = {"libxkbcommon-x11.so.0", "libEGL.so.1", "libpulse-simple.so.0"}
    problem = window_problem({"DISPLAY": ":0"}, load=lambda name: name not in absent)
    assert problem.startswith("Inspector cannot open its window")
    assert "libxkbcommon-x11.so.0 (the X11 keyboard)" in problem and "libEGL.so.1" in problem
    assert "Debian/Ubuntu: sudo apt install libegl1 libxkbcommon-x11-0" in problem
    assert "Kylin/UOS:     sudo apt install libegl1 libxkbcommon-x11-0" in problem
    # offscreen draws without X11: only what Qt's drawing itself needs is asked for
    offscreen = missing(WINDOW_LIBRARIES, "offscreen", load=lambda name: name not in absent)
    assert [lib.soname for lib in offscreen] == ["libEGL.so.1"]
    assert "libpulse0" in sound_problem(load=lambda name: name not in absent)
    assert sound_problem(load=lambda name: True) is None and window_problem({"DISPLAY": ":0"}, lambda n: True) is None
    assert len({lib.soname for lib in WINDOW_LIBRARIES + SOUND_LIBRARIES}) == len(WINDOW_LIBRARIES + SOUND_LIBRARIES)


def test_no_display_and_no_chinese_font_are_said_plainly():
    assert "DISPLAY is not set" in window_problem({}, load=lambda name: True)
    assert "fonts-noto-cjk" in font_problem(count=lambda: 0)
    assert font_problem(count=lambda: 3) is None


def test_this_machine_has_what_the_window_needs():
    """scripts/install.sh installs every library of the table; the real check finds them."""
    assert window_problem({"DISPLAY": ":0"}) is None
    assert sound_problem() is None and font_problem() is None


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare (util-linux)")
def test_the_window_names_a_library_hidden_from_it(tmp_path):
    """libxkbcommon-x11 made unloadable in a mount namespace: `inspector` stops before Qt with the
    library and its packages, instead of Qt's "could not load the Qt platform plugin xcb" and an abort."""
    found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    library = Path(next(line.split("=> ")[1] for line in found.splitlines() if "libxkbcommon-x11.so.0 " in line))
    hide = f'mount --bind /dev/null "{library.resolve()}" && exec "$@"'
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    env = os.environ | {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([*unshare, "sh", "-c", hide, "hide", sys.executable, "-m", "inspector", "--data-dir",
                           str(tmp_path / "ws")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "libxkbcommon-x11.so.0" in done.stderr and "sudo apt install libxkbcommon-x11-0" in done.stderr
    assert "platform plugin" not in done.stderr and "Traceback" not in done.stderr


def test_the_offline_install_guide_lists_every_library_with_its_packages():
    guide = (ROOT / "docs" / "offline-install.md").read_text(encoding="utf-8")
    for library in WINDOW_LIBRARIES + SOUND_LIBRARIES:
        row = next((line for line in guide.splitlines() if f"`{library.soname}`" in line), "")
        assert library.debian in row and (library.kylin_uos in row or "the same" in row), library.soname
