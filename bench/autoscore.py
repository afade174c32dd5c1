"""The automatic score against the truth on natural-sounding calls, and its speed over a centre's calls.

1. Agreement. Each dev scenario in bench/scenarios/autoscore (A6/C1/C2/D3 situations and compliant calls)
   is spoken by ../shared/tools/neural_tts.py (its own venv; the voice is non-commercial: the audio stays
   in the cache folder, never in the repository or CI), recognised by the Vosk model (default
   ../shared/models/vosk-model-small-cn-0.22), checked with the default pack (acoustic rules measured on the
   audio) and scored automatically. The truth is the score the scenario's ``expected_rule_hits`` give (each
   at full deduction and confidence 1). Printed: per call the two totals; per item the mean absolute
   difference and the share of calls where both agree (within 0.5 points); overall the share of calls
   within ±3 points (goal ≥ 80 %).
2. Speed. ``inspector autoscore --database`` as a user runs it, over 5,000, 10,000 and 20,000 checked calls
   (copies of the demo calls with their hits, so the scoring is timed, not the rule checks): wall seconds,
   calls per second, and the ratio to 5,000 calls (linear: 2 and 4). Goal: 20,000 calls under 3 minutes.

usage: .venv/bin/python bench/autoscore.py [--shared ../shared] [--cache /work/neural-cache/autoscore] [--model DIR]
       [--tts-python /work/neural-venv/bin/python] [--skip-agreement] [--skip-speed]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.rules.engine import check_call  # noqa: E402
from inspector.rules.hits import Hit  # noqa: E402
from inspector.scoring.auto import AutoScore, auto_score, covered_items  # noqa: E402
from inspector.scoring.defaults import default_card, default_pack  # noqa: E402
from inspector.transcript.io import load_transcript, save_transcript  # noqa: E402

SHARED = ROOT.parent / "shared"
SCENARIOS = ROOT / "bench" / "scenarios" / "autoscore"
TTS_SPEED = 215             # a little under the voice's natural rate: about 240 characters a minute
TOLERANCE = 3.0
SIZES = (5000, 10000, 20000)


def speak(scenario: Path, cache: Path, tts_python: Path, shared: Path) -> Path:
    key = hashlib.sha256(scenario.read_bytes()).hexdigest()[:12]
    folder = cache / "tts" / key
    audio = folder / f"{scenario.stem}.wav"
    if not audio.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(tts_python), str(shared / "tools" / "neural_tts.py"), str(scenario), str(folder),
                        "--speed", str(TTS_SPEED)], check=True, capture_output=True)
    return audio


def recognise(audio: Path, model, cache: Path) -> Path:
    from inspector.asr.recognizer import transcribe
    from inspector.audio.recording import decode

    target = cache / "asr" / model.id.replace(":", "-").replace("/", "-") / (audio.parent.name + ".transcript.json")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        save_transcript(transcribe(model, decode(audio), audio.stem), target)
    return target


def truth(card, pack, expected: list[str], covered: set[str]) -> AutoScore:
    """The score the scenario's true hits give: each at its rule's full deduction, sure."""
    hits = []
    for n, rule_id in enumerate(expected):
        rule = pack.rule(rule_id)
        hits.append(Hit(rule.id, rule.name, float(n), float(n), rule.speaker, "truth", 1.0, rule.item,
                        rule.deduction, rule.severity, rule.flag_only, "truth"))
    return auto_score(card, hits, covered)


def agreement(args) -> None:
    from inspector.asr.recognizer import load_model
    from inspector.audio.activity import analyse
    from inspector.audio.recording import decode

    card, pack = default_card(), default_pack()
    covered = covered_items(card, pack)
    model = load_model(args.model)
    rows = []
    print(f"{'call':6} {'truth':>6} {'auto':>6} {'diff':>6}  rules found / true")
    for scenario in sorted(SCENARIOS.glob("*.json")):
        doc = json.loads(scenario.read_text(encoding="utf-8"))
        audio = speak(scenario, args.cache, args.tts_python, args.shared)
        transcript = load_transcript(recognise(audio, model, args.cache))
        recording = decode(audio)
        hits = check_call(pack, transcript, analyse(recording.samples, recording.sample_rate))
        auto = auto_score(card, hits, covered)
        true = truth(card, pack, doc["expected_rule_hits"], covered)
        rows.append((scenario.stem, true, auto))
        found = sorted(h.rule for h in hits if not h.flag_only)
        print(f"{scenario.stem:6} {true.total:6.1f} {auto.total:6.1f} {auto.total - true.total:+6.1f}  "
              f"{','.join(found) or '-'} / {','.join(sorted(doc['expected_rule_hits'])) or '-'}")
        if args.verbose:
            for h in hits:
                print(f"         {h.rule} {h.confidence:.2f} {h.evidence[:100]}")
    print()
    print(f"{'item':5} {'points':>6} {'MAD':>6} {'agree':>6}  (agree: |auto − truth| ≤ 0.5 on the item)")
    for item in card.items:
        diffs = [abs(a.items[item.id].deduction - t.items[item.id].deduction) for _c, t, a in rows]
        print(f"{item.id:5} {item.points:6g} {statistics.fmean(diffs):6.2f} "
              f"{sum(d <= 0.5 for d in diffs) / len(diffs):6.0%}")
    fatal_agree = sum(set(a.fatal) == set(t.fatal) for _c, t, a in rows) / len(rows)
    totals = [abs(a.total - t.total) for _c, t, a in rows]
    within = sum(d <= TOLERANCE for d in totals)
    print(f"fatal items agree on {fatal_agree:.0%} of calls")
    print(f"total: mean |auto − truth| {statistics.fmean(totals):.2f} points; within ±{TOLERANCE:g} on "
          f"{within}/{len(rows)} calls ({within / len(rows):.0%}; goal ≥ 80 %)")


def workspace_with(calls: int, folder: Path) -> Path:
    """A workspace of ``calls`` checked calls: the demo imported and checked once, then copied in SQL."""
    env_dir = folder / f"ws{calls}"
    run = [sys.executable, "-m", "inspector", "--data-dir", str(env_dir)]
    subprocess.run([*run, "import", str(ROOT / "resources" / "demo"), "--format", "json"], check=True,
                   capture_output=True)
    subprocess.run([*run, "check", "--database"], check=True, capture_output=True)
    import sqlite3
    conn = sqlite3.connect(env_dir / "inspector.sqlite3")
    base = [r[0] for r in conn.execute("SELECT id FROM calls ORDER BY id")]
    columns = [r[1] for r in conn.execute("PRAGMA table_info(calls)") if r[1] != "id"]
    with conn:
        for n in range(len(base), calls):
            source = base[n % len(base)]
            values = ", ".join("? || content_hash" if c == "content_hash" else "? || call_ref" if c == "call_ref"
                               else c for c in columns)
            new_id = conn.execute(f"INSERT INTO calls ({', '.join(columns)}) SELECT {values} FROM calls WHERE id = ?",
                                  [f"{n}-", f"{n}-", source]).lastrowid
            for table in ("transcripts", "checks", "hits"):
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("call_id", "id")]
                conn.execute(f"INSERT INTO {table} (call_id, {', '.join(cols)}) SELECT ?, {', '.join(cols)} "
                             f"FROM {table} WHERE call_id = ?", [new_id, source])
        conn.execute("DELETE FROM auto_scores")
    conn.close()
    return env_dir


def speed(_args) -> None:
    print(f"{'calls':>7} {'seconds':>8} {'calls/s':>8} {'× 5,000':>8}")
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        for calls in SIZES:
            workspace = workspace_with(calls, Path(tmp))
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(workspace), "autoscore",
                                  "--database"], check=True, capture_output=True, text=True)
            took = time.perf_counter() - started
            lines = out.stdout.count("\n")
            assert lines == calls, (lines, calls)
            first = first or took
            print(f"{calls:7,} {took:8.1f} {calls / took:8.0f} {took / first:8.2f}")
    print("goal: 20,000 calls under 180 s on 2 cores; linear: the last column near 1, 2, 4")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/work/neural-cache/autoscore"))
    parser.add_argument("--shared", type=Path, default=SHARED, help="the product owner's shared folder")
    parser.add_argument("--model", type=Path, help="Vosk model (default: SHARED/models/vosk-model-small-cn-0.22)")
    parser.add_argument("--tts-python", type=Path, default=Path("/work/neural-venv/bin/python"))
    parser.add_argument("--skip-agreement", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list each call's hits")
    args = parser.parse_args()
    args.model = args.model or args.shared / "models" / "vosk-model-small-cn-0.22"
    if not args.skip_agreement:
        agreement(args)
    if not args.skip_speed:
        print()
        speed(args)


if __name__ == "__main__":
    main()
