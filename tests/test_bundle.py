"""The offline bundle as a centre gets it: built by scripts/bundle.sh, installed by its install.sh into a
temporary prefix, and run with no network (a network namespace with loopback only): --version, checks,
recognition with the bundled model, the batch's Dask workers, the window; an upgrade from a previous
release keeps a workspace with evaluations, and a downgrade is refused. One build per session, shared."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from inspector.filehash import file_sha256
from inspector.store.database import SCHEMA_VERSION
from inspector.system_libraries import SYSTEM_LIBRARIES
from inspector.workspace_upgrade import stored_schema
from tests.bundle_tools import (MAIN_WINDOW, PREVIOUS_RELEASE, PREVIOUS_VERSION, Bundle, build_bundle, install,
                                log_in, offline, run, settled_screenshot, wait_for_window)
from tests.conftest import ARTIFACTS, DEMO, ROOT
from tests.test_screenshots import display  # noqa: F401  (the Xvfb screen fixture)

pytestmark = [pytest.mark.slow, pytest.mark.xvfb]

# What the C library itself provides: every Linux machine has it, and the bundle requires its version.
GLIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
         "libresolv.so.2", "ld-linux-x86-64.so.2", "libmvec.so.1"}


@pytest.fixture(scope="session")
def tools():
    missing = [tool for tool in ("unshare", "ip", "xdotool", "readelf") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{', '.join(missing)} missing in CI (scripts/install.sh installs them)")
        pytest.skip(f"needs {', '.join(missing)} (run scripts/install.sh)")


@pytest.fixture(scope="session")
def bundle(tools, tmp_path_factory) -> Bundle:
    built = build_bundle(tmp_path_factory.mktemp("bundle"))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bundle.json").write_text(json.dumps(
        {"build_seconds": round(built.seconds), "archive_mb": round(built.archive.stat().st_size / 2**20),
         "installed_mb": round(sum(p.stat().st_size for p in built.folder.rglob("*")
                                   if p.is_file() and not p.is_symlink()) / 2**20)}))
    return built


@pytest.fixture(scope="session")
def previous(bundle, tmp_path_factory) -> Bundle:
    """The previous release: its application code (schema 19) on the same frozen libraries (no second
    PyInstaller run), stamped with an earlier version."""
    return build_bundle(tmp_path_factory.mktemp("previous"), "--version", PREVIOUS_VERSION,
                        "--app-from", PREVIOUS_RELEASE)


@pytest.fixture(scope="session")
def installed(bundle, tmp_path_factory) -> Path:
    prefix = tmp_path_factory.mktemp("prefix")
    done = install(bundle, prefix)
    assert done.returncode == 0, done.stdout + done.stderr
    return prefix / "bin" / "inspector"


def test_the_namespace_has_no_network(tools):
    links = run(offline(["ip", "-o", "link", "show"]))
    routes = run(offline(["ip", "route", "show"]))
    assert links.returncode == 0 and routes.returncode == 0, links.stderr + routes.stderr
    assert [line.split(":")[1].strip() for line in links.stdout.splitlines()] == ["lo"]
    assert routes.stdout.strip() == ""


def test_bundle_records_its_version_and_every_file(bundle):
    stamp = json.loads((bundle.folder / "app" / "BUILD.json").read_text())
    assert stamp["version"] == bundle.version and re.fullmatch(r"2\.\d+", stamp["glibc"])
    listed = {line.split("  ", 1)[1] for line in (bundle.folder / "SHA256SUMS").read_text().splitlines()}
    files = {str(p.relative_to(bundle.folder)) for p in bundle.folder.rglob("*")
             if p.is_file() and not p.is_symlink() and p.name != "SHA256SUMS"}
    assert files == listed
    assert "app/models/vosk-model-small-cn-0.22/am/final.mdl" in listed
    assert {"app/share/inspector.desktop", "app/share/inspector.svg", "install.sh", "uninstall.sh"} <= listed
    assert any(name.startswith("app/_internal/resources/demo/") for name in listed)
    assert "app/_internal/resources/translations/inspector_zh_CN.qm" in listed
    carried = (bundle.archive.parent / f"{bundle.archive.name}.sha256").read_text().split()
    assert carried == [file_sha256(bundle.archive), bundle.archive.name]


def test_system_library_table_covers_what_the_bundle_links_without_carrying(bundle):
    """Every library a carried binary needs is carried, provided by the C library, or in the table the
    start-up check and docs/offline-install.md go by."""
    app = bundle.folder / "app"
    carried = {p.name for p in app.rglob("*.so*")}
    needed: dict[str, str] = {}
    for path in app.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
            for name in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out):
                needed.setdefault(name, str(path.relative_to(app)))
    from_machine = {name: by for name, by in needed.items() if name not in carried and name not in GLIBC}
    table = {library.soname for library in SYSTEM_LIBRARIES}
    assert set(from_machine) - table == set(), {name: from_machine[name] for name in set(from_machine) - table}


def test_installed_app_works_without_network(installed, tmp_path):
    version = run(offline([str(installed), "--version"]))
    assert version.returncode == 0, version.stderr
    assert re.match(r"inspector \S+ \(offline bundle built .+ installed in .+/lib/inspector; database schema "
                    rf"{SCHEMA_VERSION}\)", version.stdout), version.stdout
    ws = ["--data-dir", str(tmp_path / "ws")]
    checked = run(offline([str(installed), *ws, "check", "--transcript", str(DEMO / "S3.transcript.json")]))
    assert checked.returncode == 0, checked.stderr
    assert {"R06", "R08"} <= {hit["rule"] for hit in json.loads(checked.stdout)}
    heard = run(offline([str(installed), *ws, "transcribe", "--profile", "fast", str(DEMO / "S3.flac")]))
    assert heard.returncode == 0, heard.stderr
    transcript = json.loads(heard.stdout)
    agent = "".join(s["text"] for s in transcript["segments"] if s["speaker"] == "agent").replace(" ", "")
    assert "您好" in agent and "不知道" in agent, agent       # the bundled Mandarin model heard the call


def test_installed_batch_starts_its_dask_workers_from_the_frozen_app(installed, tmp_path):
    out = tmp_path / "out"
    done = run(offline([str(installed), "--data-dir", str(tmp_path / "ws"), "batch", str(DEMO), "--out", str(out),
                        "--workers", "2", "--given-transcripts"]))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "6 call(s) done" in done.stderr
    assert len(list(out.glob("*.checks.json"))) == 6
    assert json.loads((out / "S3.checks.json").read_text())


def test_installed_window_opens_without_network(installed, display, tmp_path):  # noqa: F811
    """The window on Xvfb, in Chinese, on the demo: log in as the demo's inspector, the main window opens."""
    env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "INSPECTOR_CONFIG_DIR": str(tmp_path / "config")}
    shot = ARTIFACTS / "screenshots" / "bundle_main_zh_CN.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    app = subprocess.Popen(offline([str(installed), "--demo", "--data-dir", str(tmp_path / "ws"), "--lang", "zh_CN"]),
                           env=os.environ | env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        log_in(display)
        wait_for_window(display, MAIN_WINDOW)
        settled_screenshot(display, shot)
    finally:
        app.terminate()
        _, stderr = app.communicate(timeout=60)
    assert "Traceback" not in stderr, stderr
    image = QImage(str(shot))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 12, f"{shot} looks blank"


def test_a_missing_system_library_is_named_with_its_package(installed, display, tmp_path):  # noqa: F811
    """libxkbcommon-x11 made unloadable in a mount namespace: the app names it and its packages, where Qt
    would abort with "could not load the Qt platform plugin xcb"."""
    library = Path(subprocess.run(["sh", "-c", "ldconfig -p | sed -n 's/.*libxkbcommon-x11.so.0 .*=> //p'"],
                                  capture_output=True, text=True).stdout.split("\n")[0]).resolve()
    assert library.is_file(), "libxkbcommon-x11-0 is installed here (scripts/install.sh)"
    hide = f'mount --bind /dev/null "{library}" && exec "$@"'
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    done = run([*unshare, "sh", "-c", hide, "hide", str(installed), "--data-dir", str(tmp_path / "ws")],
               {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "libxkbcommon-x11.so.0" in done.stderr and "sudo apt install libxkbcommon-x11-0" in done.stderr
    assert "platform plugin" not in done.stderr and "Traceback" not in done.stderr


# The previous release's code, not this checkout's: the test environment has the checkout installed in
# editable mode, whose import hook would win over any path, so it is taken out first.
EVALUATE = """
import sys, uuid
sys.meta_path[:] = [finder for finder in sys.meta_path if "Editable" not in type(finder).__name__]
sys.path.insert(0, sys.argv[2])
from pathlib import Path
import inspector
assert inspector.__file__.startswith(sys.argv[2]), inspector.__file__
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
db = open_database(Path(sys.argv[1]))
card = default_card()
repo = EvaluationRepository(db, card)
for n, (call_id,) in enumerate(db.execute("SELECT id FROM calls ORDER BY id LIMIT 3").fetchall()):
    evaluation = Evaluation(str(uuid.uuid4()), call_id, "1001", card.id, card.version).with_item(
        ItemState("C2", (Deduction(n + 1, "答复不完整", "1001"),)))
    repo.save(evaluation, "1001")
    repo.submit(evaluation.uuid, "1001")
db.close()
"""



LEAD_ID, LEAD_PASSWORD = "9001", "lead-secret-9001"


def evaluations(command: Path, ws: Path, signed_in: bool = True) -> tuple[list[dict], str]:
    """Every evaluation, listed by the centre's lead (the previous release asked nobody who was listing)."""
    who = ["--user", LEAD_ID, "--password-stdin"] if signed_in else []
    listed = run(offline([str(command), "--data-dir", str(ws), "evaluations", "--format", "json", *who]),
                 input=LEAD_PASSWORD + "\n")
    assert listed.returncode == 0, listed.stderr
    return sorted(json.loads(listed.stdout), key=lambda e: e["uuid"]), listed.stderr


def test_upgrade_keeps_the_workspace_and_a_downgrade_is_refused(bundle, previous, tmp_path):
    prefix, ws = tmp_path / "prefix", tmp_path / "ws"
    command = prefix / "bin" / "inspector"
    first = install(previous, prefix)
    assert first.returncode == 0, first.stdout + first.stderr
    imported = run(offline([str(command), "--data-dir", str(ws), "import", str(DEMO)]))
    assert imported.returncode == 0, imported.stderr
    # three evaluations scored and submitted by the previous release's own code
    old_code = tmp_path / "old-code"
    old_code.mkdir()
    subprocess.run(f"git archive {PREVIOUS_RELEASE} inspector resources | tar -x -C {old_code}", shell=True,
                   cwd=ROOT, check=True)
    scored = run([sys.executable, "-c", EVALUATE, str(ws / "inspector.sqlite3"), str(old_code)])
    assert scored.returncode == 0, scored.stderr
    before, _ = evaluations(command, ws, signed_in=False)
    assert len(before) == 3 and {e["status"] for e in before} == {"submitted"}
    assert stored_schema(ws / "inspector.sqlite3") == 19 < SCHEMA_VERSION

    upgrade = install(bundle, prefix)
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert f"Upgrading Inspector {PREVIOUS_VERSION} to {bundle.version}" in upgrade.stdout
    lead = run(offline([str(command), "--data-dir", str(ws), "users", "add", LEAD_ID, "--name", "组长", "--role", "lead",
                        "--password-stdin"]), input=LEAD_PASSWORD + "\n")
    assert lead.returncode == 0, lead.stderr
    assert f"workspace upgraded (database schema 19 → {SCHEMA_VERSION})" in lead.stderr   # the first command after
    after, _ = evaluations(command, ws)
    assert after == before
    backups = list((ws / "backups").glob(f"inspector-schema19-before-{bundle.version}-*.sqlite3"))
    assert len(backups) == 1 and stored_schema(backups[0]) == 19
    assert stored_schema(ws / "inspector.sqlite3") == SCHEMA_VERSION
    assert evaluations(command, ws) == (after, "")          # upgraded once: no second backup

    database = file_sha256(ws / "inspector.sqlite3")
    downgrade = install(previous, prefix)
    assert downgrade.returncode == 1
    assert (f"Inspector {bundle.version} is installed" in downgrade.stderr
            and "a downgrade is refused" in downgrade.stderr), downgrade.stderr
    assert run([str(command), "--version"]).stdout.startswith(f"inspector {bundle.version} ")
    old_app = run(offline([str(previous.folder / "app" / "inspector"), "--data-dir", str(ws), "calls"]))
    assert old_app.returncode == 2 and "newer Inspector" in old_app.stderr, old_app.stderr
    assert file_sha256(ws / "inspector.sqlite3") == database

    with (previous.folder / "app" / "BUILD.json").open("a") as stamp:      # a copy damaged on the way
        stamp.write(" ")
    damaged = install(previous, tmp_path / "other")
    assert damaged.returncode == 1 and "the bundle is damaged" in damaged.stderr, damaged.stderr

    removed = run(["bash", str(prefix / "lib" / "inspector" / "uninstall.sh")])
    assert removed.returncode == 0, removed.stderr
    assert not command.exists() and not (prefix / "lib" / "inspector").exists()
    assert not (prefix / "share" / "applications" / "inspector.desktop").exists()
    assert sorted(p.name for p in prefix.iterdir()) == [] and (ws / "inspector.sqlite3").is_file()
