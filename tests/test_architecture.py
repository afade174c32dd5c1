"""The core never imports Qt: checked by import-linter and by importing it with Qt made unimportable."""

import pkgutil
import subprocess
import sys

import inspector
from tests.conftest import ROOT

BLOCK_QT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'):
            raise ImportError('Qt is not allowed in the core: ' + name)
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print('ok')
"""


def test_import_linter_contracts_hold():
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "lint-imports")] if (ROOT / ".venv").exists()
                            else ["lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_core_module_imports_without_qt():
    modules = [m.name for m in pkgutil.walk_packages(inspector.__path__, "inspector.")
               if not m.name.startswith(("inspector.ui", "inspector.hub.migrations."))   # Alembic runs those
               and m.name != "inspector.__main__"]
    assert "inspector.audio.player" in modules and "inspector.store.calls" in modules
    result = subprocess.run([sys.executable, "-c", BLOCK_QT, *modules], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr


def test_every_core_package_is_under_the_contracts():
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    top_level = {f"inspector.{m.name}" for m in pkgutil.iter_modules(inspector.__path__)} - {
        "inspector.ui", "inspector.__main__"}
    for contract in contracts[:2]:
        assert set(contract["source_modules"]) == top_level, contract["name"]
    vosk = contracts[2]
    assert set(vosk["source_modules"]) == top_level - {"inspector.asr"} | {"inspector.ui"}


BLOCK_WEB = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('fastapi', 'uvicorn', 'sqlalchemy', 'alembic', 'starlette', 'psycopg'):
            raise ImportError('not installed: ' + name, name=name.split('.')[0])
sys.meta_path.insert(0, Block())
from inspector.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_workstation_without_the_receiver_extra_works_and_says_what_the_hub_needs(tmp_path):
    """The web stack is the `hub` extra: every workstation command runs without it."""
    ws = ["--data-dir", str(tmp_path / "ws")]
    listed = subprocess.run([sys.executable, "-c", BLOCK_WEB, *ws, "calls", "--format", "json"], cwd=ROOT,
                            capture_output=True, text=True)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]", listed.stderr
    hub = subprocess.run([sys.executable, "-c", BLOCK_WEB, "hub", "serve", "--db", str(tmp_path / "h.sqlite3")],
                         cwd=ROOT, capture_output=True, text=True)
    assert hub.returncode == 2 and "pip install 'inspector[hub]'" in hub.stderr
    assert "Traceback" not in hub.stderr


def test_a_workstation_without_the_batch_extra_works_and_says_what_the_batch_needs(tmp_path):
    """Dask is the `batch` extra: the CLI starts without it, and the batch command says what to install."""
    no_dask = BLOCK_WEB.replace("('fastapi', 'uvicorn', 'sqlalchemy', 'alembic', 'starlette', 'psycopg')",
                                "('dask', 'distributed', 'tqdm')")
    assert no_dask != BLOCK_WEB
    ws = ["--data-dir", str(tmp_path / "ws")]
    listed = subprocess.run([sys.executable, "-c", no_dask, *ws, "calls", "--format", "json"], cwd=ROOT,
                            capture_output=True, text=True)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]", listed.stderr
    run = subprocess.run([sys.executable, "-c", no_dask, *ws, "batch", str(ROOT / "resources" / "demo"), "--out",
                          str(tmp_path / "out"), "--given-transcripts"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2 and "pip install 'inspector[batch]'" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def test_no_ui_module_imports_the_store():
    """The UI reads through inspector.desk and writes through the database lane: the contract forbids the store
    to every UI module, none excepted (import-linter ignores an import only when listed, so the list stays empty)."""
    import ast
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"]
                  if c.get("source_modules") == ["inspector.ui"] and c.get("forbidden_modules") == ["inspector.store"]]
    assert not contract.get("ignore_imports")
    importing = set()
    for path in (ROOT / "inspector" / "ui").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module] + [
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        if any(name == "inspector.store" or name.startswith("inspector.store.") for name in names):
            importing.add(f"inspector.ui.{path.stem}")
    assert importing == set()
