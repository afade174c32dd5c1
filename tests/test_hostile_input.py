"""Broken and hostile input: every unusable file is reported with a reason a person understands, the
import never stops at one, and a transcript whose times are not times is refused, naming the file."""

import json
import math
import os
import subprocess
import sys

import pytest

from inspector.intake.importer import run_import
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.io import TranscriptError, load_transcript
from tests.conftest import DEMO, ROOT


def _import(tmp_path, folder):
    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    return run_import(folder, CallRepository(db), TranscriptRepository(db))


def test_one_non_utf8_file_name_is_reported_and_the_files_after_it_still_import(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/a-\xff\xfe.wav"
    with open(bad, "wb") as handle:
        handle.write((DEMO / "S1.flac").read_bytes())
    (folder / "b-S2.flac").write_bytes((DEMO / "S2.flac").read_bytes())
    report = _import(tmp_path, folder)
    assert [c.call_ref for c in report.added] == ["b-S2"]
    assert [p.reason for p in report.problems] == [
        "the file name is not valid UTF-8 (written on another system?): rename the file and import again"]
    again = _import(tmp_path, folder)                       # every re-run says the same, nothing lost
    assert [c.call_ref for c in again.already_present] == ["b-S2"] and len(again.problems) == 1


def test_links_pipes_and_garbage_are_each_reported_in_words_a_person_understands(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "gone.wav").symlink_to(tmp_path / "nowhere.wav")
    os.mkfifo(folder / "pipe.wav")
    (folder / "garbage.mp3").write_bytes(b"\x00\x01garbage" * 100)
    (folder / "S3.flac").write_bytes((DEMO / "S3.flac").read_bytes())
    report = _import(tmp_path, folder)
    reasons = {p.path.name: p.reason for p in report.problems}
    assert reasons["gone.wav"].startswith("a broken link: it points to")
    assert reasons["pipe.wav"] == "a named pipe, not a recording file"
    assert "unknown or damaged format" in reasons["garbage.mp3"]
    assert not any("System error" in r or "possibly a pipe" in r for r in reasons.values())
    assert [c.call_ref for c in report.added] == ["S3"]


@pytest.mark.parametrize("change, message", [
    (lambda d: d["segments"][0].update(start=math.nan), "'start' must be a time in seconds"),
    (lambda d: d["segments"][0].update(start=-1.0), "'start' must be a time in seconds"),
    (lambda d: d["segments"][0].update(end=math.inf), "'end' must be a time in seconds"),
    (lambda d: d["segments"][0].update(start=5.0, end=4.0), "is before 'start'"),
    (lambda d: d.update(duration_s=math.nan), "'duration_s' must be a length"),
])
def test_transcripts_with_times_that_are_not_times_are_refused(tmp_path, change, message):
    data = json.loads((DEMO / "S1.transcript.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "bad.transcript.json"
    path.write_text(json.dumps(data), encoding="utf-8")        # json writes NaN/Infinity, as a tool might
    with pytest.raises(TranscriptError, match=message) as err:
        load_transcript(path)
    assert str(path) in str(err.value)
    checked = subprocess.run([sys.executable, "-m", "inspector", "check", "--transcript", str(path), "--format",
                              "json"], cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 2 and "Traceback" not in checked.stderr and str(path) in checked.stderr


def _bomb(path, manifest_size: int):
    """A small file whose manifest would inflate to `manifest_size` bytes of spaces."""
    import zipfile
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", b'{"format": "inspector-bundle", "format_version": 1, "members": {}}'
                   + b" " * manifest_size)


def test_a_zip_bomb_is_refused_before_anything_is_inflated(tmp_path):
    import resource
    from inspector.archive import ArchiveError, read_archive
    path = tmp_path / "bomb.inspector-bundle"
    _bomb(path, 1024 ** 3)                                            # 1 GB of manifest, ~1 MB of file
    assert path.stat().st_size < 2 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for key_for in (None, lambda manifest: "ab" * 32):
        with pytest.raises(ArchiveError, match="refused unread") as err:
            read_archive(path, "bundle", 1, key_for)
        assert str(path) in str(err.value)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024     # KB: far below 1 GB


def test_a_highly_compressed_member_is_refused_as_a_bomb(tmp_path):
    from inspector.archive import ArchiveError, SizeLimits, read_archive
    path = tmp_path / "ratio.inspector-bundle"
    _bomb(path, 20 * 1024 * 1024)
    with pytest.raises(ArchiveError, match="zip bomb"):
        read_archive(path, "bundle", 1, None, SizeLimits(manifest=64 * 1024 * 1024))


def _pack_with(tmp_path, condition: str):
    from inspector.scoring.defaults import DEFAULT_PACK
    from inspector.resources import resource_path
    text = resource_path(*DEFAULT_PACK).read_text(encoding="utf-8")
    path = tmp_path / "pack.toml"
    path.write_text(text + f'\n[[rules]]\nid = "R99"\nname = "x"\nkind = "required"\nspeaker = "agent"\n'
                           f'window = {{ from = "start", sentences = 2 }}\nmatch = {condition}\nitem = "A1"\n'
                           f'deduction = 1\n', encoding="utf-8")
    return path


def test_a_catastrophic_pattern_runs_in_linear_time_and_an_unsupported_one_is_refused_by_name(tmp_path):
    import time
    from inspector.rules.pack import PackError, compile_linear, load_pack
    pattern = compile_linear("(a+)+$")
    started = time.monotonic()
    assert pattern.search("a" * 32 + "b") is None
    assert time.monotonic() - started < 1.0                       # Python's re takes minutes here
    with pytest.raises(PackError, match=r"R99.*regex: bad regular expression.*linear time") as err:
        load_pack(_pack_with(tmp_path, '{ regex = "(工号)\\\\1" }'))
    assert str(tmp_path / "pack.toml") in str(err.value)


def test_a_pack_nested_thousands_deep_is_refused_without_a_traceback(tmp_path):
    from inspector.rules.pack import PackError, load_pack
    deep = "{ not = " * 5000 + '{ regex = "x" }' + " }" * 5000
    with pytest.raises(PackError, match="nested"):
        load_pack(_pack_with(tmp_path, deep))
    checked = subprocess.run([sys.executable, "-m", "inspector", "check", "--transcript",
                              str(DEMO / "S1.transcript.json"), "--rules", str(tmp_path / "pack.toml")],
                             cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 2 and "Traceback" not in checked.stderr and "nested" in checked.stderr


class _FullDisk:
    """A connection whose writes fail as SQLite's do when the disk is full."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        import sqlite3
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_full_disk_during_import_is_a_storage_error_naming_the_file_and_nothing_is_lost(tmp_path, demo_copy):
    from inspector.domain.errors import StorageError
    path = tmp_path / "ws" / "inspector.sqlite3"
    first = tmp_path / "first"
    first.mkdir()
    (first / "S1.flac").write_bytes((demo_copy / "S1.flac").read_bytes())
    db = open_database(path)
    run_import(first, CallRepository(db), TranscriptRepository(db))
    db.conn = _FullDisk(db.conn)
    with pytest.raises(StorageError, match="disk is full") as err:
        run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    assert str(path) in str(err.value)
    assert [c.call_ref for c in CallRepository(open_database(path)).page()] == ["S1"]
