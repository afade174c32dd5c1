"""Generated hostile input for everything that reads untrusted data: the audio probe, the transcript
reader, the rule-pack loader, the exchange-file reader and the receiver's request handling. Each must
either accept the input or refuse it with its own error naming the problem; any other exception fails.

The number of inputs each ran is printed at the end of the session (pytest -s shows it)."""

import io
import json
import string
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.archive import ArchiveError, read_archive, write_archive
from inspector.audio.errors import AudioError
from inspector.audio.recording import probe
from inspector.hub.app import UploadBatch, _receive_raw
from inspector.rules.pack import PackError, load_pack
from inspector.transcript.io import TranscriptError, from_dict
from tests.conftest import DEMO

RUNS: Counter = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_inputs():
    """How many generated inputs each reader took: printed once the module is done (visible with -s)."""
    yield
    print("\nfuzzed inputs: " + ", ".join(f"{name} {count}" for name, count in sorted(RUNS.items()))
          + f" (total {sum(RUNS.values())})")
FUZZ = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)


def _segment():
    return st.fixed_dictionaries({"speaker": st.sampled_from(["agent", "customer", "unknown", "x", 3]),
                                  "start": st.floats() | st.integers(-5, 100) | st.text(max_size=3),
                                  "end": st.floats() | st.integers(-5, 100),
                                  "text": st.text(max_size=10) | st.integers()},
                                 optional={"words": st.lists(JSON, max_size=3)})


@FUZZ
@given(st.one_of(JSON, st.fixed_dictionaries({"version": st.sampled_from([1, 2, "1"]), "call_id": JSON,
                                               "duration_s": st.floats() | st.integers(),
                                               "segments": st.lists(_segment(), max_size=4)},
                                              optional={"channels": JSON})))
def test_the_transcript_reader_accepts_or_says_why(data):
    RUNS["transcript"] += 1
    try:
        from_dict(data, "fuzz.json")
    except TranscriptError as exc:
        assert "fuzz.json" in str(exc)


TOML_PIECES = st.sampled_from(["[pack]\n", 'id = "x"\n', 'version = "1"\n', 'name = "n"\n', 'scorecard = "c"\n',
                               "[[rules]]\n", 'id = "R1"\n', 'kind = "required"\n', 'speaker = "agent"\n',
                               'match = { regex = "(a+)+$" }\n', 'match = { not = { not = {} } }\n',
                               "deduction = -1\n", '[phrases]\ng = ["您好"]\n', 'match = { phrases = "g" }\n',
                               "window = { from = \"start\", sentences = 2 }\n", "= =\n", "[[rules]\n", "\x00"])


@FUZZ
@given(st.lists(TOML_PIECES, max_size=14) | st.text(alphabet=string.printable, max_size=200).map(lambda t: [t]))
def test_the_rule_pack_loader_accepts_or_says_why(pieces):
    RUNS["rule pack"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.toml"
        path.write_text("".join(pieces), encoding="utf-8", errors="replace")
        try:
            load_pack(path)
        except PackError as exc:
            assert str(path) in str(exc)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".wav", ".flac", ".mp3", ".ogg"]))
def test_the_audio_probe_accepts_or_says_why(data, suffix):
    RUNS["audio probe"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"call{suffix}"
        head = (DEMO / "S1.flac").read_bytes()[:64] if suffix == ".flac" and data[:1] == b"f" else b""
        path.write_bytes(head + data)
        try:
            probe(path)
        except AudioError as exc:
            assert exc.path == path


def _valid_archive() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_archive(Path(folder) / "a.zip", {"format": "inspector-bundle", "format_version": 1},
                             {"evaluations.jsonl": b'{"uuid": "u", "version": 1}\n' * 20})
        return path.read_bytes()


VALID = _valid_archive()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=6)
       | st.binary(max_size=3000).map(lambda b: [("raw", b)]))
def test_the_archive_reader_accepts_or_says_why(changes):
    RUNS["archive"] += 1
    if changes[0][0] == "raw":
        data = changes[0][1]
    else:
        buffer = bytearray(VALID)
        for offset, value in changes:
            buffer[offset] = value
        data = bytes(buffer)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.zip"
        path.write_bytes(data)
        for key_for in (None, lambda manifest: "ab" * 32):
            try:
                read_archive(path, "bundle", 1, key_for)
            except ArchiveError as exc:
                assert str(path) in str(exc)


class _Store:
    """The receiver's storage, answering like the real one without a database."""

    def receive(self, centre_id, workstation_id, uuid, version, digest, payload, via):
        return "stored", ""


@FUZZ
@given(st.dictionaries(st.sampled_from(["key", "uuid", "version", "digest", "payload", "x"]),
                       JSON | st.integers(-2 ** 70, 2 ** 70), max_size=6))
def test_the_receiver_answers_every_item_without_failing(raw):
    RUNS["receiver item"] += 1
    result = _receive_raw(_Store(), "C", "W", raw)
    assert result.status in ("stored", "rejected")


@FUZZ
@given(JSON)
def test_the_receiver_batch_model_accepts_or_refuses(data):
    RUNS["receiver batch"] += 1
    from pydantic import ValidationError
    try:
        UploadBatch.model_validate(data)
    except ValidationError:
        pass
