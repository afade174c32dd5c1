"""What this Inspector is and where it runs from: a checkout (or a pip install), or an installed offline bundle.

An offline bundle (scripts/bundle.sh, docs/offline-install.md) is a frozen application folder: the
``inspector`` executable and ``_internal/`` (Python, the libraries, this package, resources/), and beside them
``BUILD.json`` (the version it was stamped with), ``SHA256SUMS`` and the Mandarin model in ``models/``. An IT
officer installing forty workstations asks "what is installed here?": ``inspector --version`` answers from
these files, not from the source's version string, because the stamp is what the bundle was built as.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import inspector

BUILD_FILE = "BUILD.json"


def bundle_folder() -> Path | None:
    """The application folder of a frozen Inspector (PyInstaller sets ``sys.frozen`` and ``sys._MEIPASS``
    to its ``_internal``), None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent / "_internal")).resolve().parent


def bundled_models_folder() -> Path | None:
    """Where the bundle carries its speech model; speech-model discovery offers what is there."""
    folder = bundle_folder()
    return folder / "models" if folder is not None else None


def build_stamp() -> dict[str, str]:
    """The bundle's BUILD.json (version, commit, built); from source, the package's own version."""
    folder = bundle_folder()
    if folder is None:
        return {"version": inspector.__version__}
    try:
        stamp = json.loads((folder / BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {"version": f"{inspector.__version__} (unreadable {folder / BUILD_FILE}: {exc})"}
    return {key: str(value) for key, value in stamp.items()}


def version() -> str:
    return build_stamp()["version"]


def version_text(schema: int) -> str:
    """One line for ``inspector --version``: the version, how it was built, where it is installed, and the
    database schema it writes (what an upgrade or a downgrade turns on)."""
    stamp = build_stamp()
    folder = bundle_folder()
    if folder is None:
        where = f"from source in {Path(inspector.__file__).resolve().parents[1]}"
    else:
        where = (f"offline bundle built {stamp.get('built', '?')} from commit {stamp.get('commit', '?')}, "
                 f"installed in {folder}")
    return f"inspector {stamp['version']} ({where}; database schema {schema})"
