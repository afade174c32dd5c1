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


CATEGORY_PIECES = st.sampled_from(["[pack]\n", 'id = "c"\n', 'version = "1"\n', "min_confidence = 0.5\n",
                                   "min_confidence = nan\n", "[[category]]\n", "path = ['资费争议']\n",
                                   "path = ['a', 'b', 'c']\n", "path = []\n", "phrases = ['扣费']\n",
                                   "phrases = ['！！']\n", "phrases = 3\n", "rules = ['R99']\n", "rules = 'R01'\n",
                                   'description = "x"\n', "= =\n", "[[category]\n", "\x00", "path = ['=cmd|x']\n"])


@FUZZ
@given(st.lists(CATEGORY_PIECES, max_size=14) | st.text(alphabet=string.printable, max_size=200).map(lambda t: [t]))
def test_the_category_pack_loader_accepts_or_says_why(pieces):
    from inspector.categories.pack import CategoryPackError, load_category_pack
    RUNS["category pack"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "categories.toml"
        path.write_text("".join(pieces), encoding="utf-8", errors="replace")
        try:
            load_category_pack(path)
        except CategoryPackError as exc:
            assert str(path) in str(exc)


HOSTILE_CELL = (st.text(max_size=30) | st.sampled_from(["=HYPERLINK(\"http://x\")", "=cmd|'/c calc'!A0", "@SUM(1)",
                                                        "+1", "-1", "\t=1", "\r=1", "nan", "inf", "1e308", "-0",
                                                        "是", "\x00", "\u202e", "9" * 400]))


@FUZZ
@given(st.lists(st.fixed_dictionaries({"file": st.sampled_from(["a.wav", "b.flac", "", "../x.wav"]),
                                       "agent_name": HOSTILE_CELL, "team": HOSTILE_CELL, "business_type": HOSTILE_CELL,
                                       "满意度": HOSTILE_CELL, "是否解决": HOSTILE_CELL, "主叫号码": HOSTILE_CELL}),
                max_size=4), st.booleans())
def test_sidecars_with_hostile_values_are_read_or_refused_and_never_leave_as_formulas(rows, as_json):
    from inspector.intake.metadata import read_sidecars
    from inspector.spreadsheet import FORMULA_STARTS, csv_text
    RUNS["sidecar"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("calls.json" if as_json else "calls.csv")
        if as_json:
            path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        else:
            import csv as csv_module
            with path.open("w", encoding="utf-8", newline="", errors="replace") as handle:
                writer = csv_module.DictWriter(handle, fieldnames=["file", "agent_name", "team", "business_type",
                                                                   "满意度", "是否解决", "主叫号码"])
                writer.writeheader()
                writer.writerows(rows)
        found, problems = read_sidecars(Path(folder), caller_key=b"k" * 32)
        assert all(p.path == path for p in problems)
        for metadata in found.values():
            for value in vars(metadata).values():
                assert not (isinstance(csv_text(value), str) and csv_text(value).lstrip(" ").startswith(FORMULA_STARTS)
                            and not csv_text(value).startswith("'"))
            assert metadata.satisfaction is None or 0 <= metadata.satisfaction <= 100


@pytest.fixture(scope="module")
def signed_in_receiver(tmp_path_factory):
    from fastapi.testclient import TestClient

    from inspector.hub.accounts import Accounts
    from inspector.hub.guard import GuardedBodies
    from inspector.hub.app import create_app
    from inspector.hub.store import HubStore, engine_for
    store = HubStore(engine_for(str(tmp_path_factory.mktemp("hub") / "hub.sqlite3")))
    Accounts(store.engine).add_user("hq1", "总部", "Hq-password-1")
    client = TestClient(GuardedBodies(create_app(store), store))
    assert client.post("/api/v1/login", json={"user": "hq1", "password": "Hq-password-1"}).status_code == 200
    return client


QUERY_VALUE = st.text(max_size=24) | st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-11-24",
                                                      "2026-11-24T99", "'; DROP TABLE evaluations; --", "%00",
                                                      "\u202e", "9" * 300, "nan"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["by", "from", "to", "basis", "centre", "agent", "x"]), QUERY_VALUE,
                       max_size=6), st.sampled_from(["centre", "agent", "item", "rule", "trend", None]))
def test_the_receiver_reports_answer_any_query_parameters_without_failing(signed_in_receiver, params, by):
    RUNS["receiver query"] += 1
    if by is not None:
        params = {**params, "by": by}
    answer = signed_in_receiver.get("/api/v1/reports", params=params)
    assert answer.status_code in (200, 400, 422), (params, answer.status_code, answer.text[:200])
