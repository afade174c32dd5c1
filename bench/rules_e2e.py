"""End to end on natural-sounding speech: scenarios spoken by a neural Mandarin voice, recognised by the
Vosk model, checked by the default pack with and without listening again (rules/relisten.py).

Prints precision, recall and F1 of rule hits (a prediction is a (call, rule) pair with an asserted hit;
the truth is the scenario's ``expected_rule_hits``; "listen to confirm" hits are counted apart) per set
and per rule, the hits by confidence band (is a 0.9 hit right nine times in ten?), and what listening
again costs next to the call's recognition and checking.

Sets: "dev" — the reference scenarios S1–S6, tests/scenarios/X*, bench/scenarios/H01–H15 and the
end-to-end scenarios bench/scenarios/e2e/*.json, E01–E41 (hang-ups, disclosures, job numbers, offers and
confirmation questions, fast and slow agents, angry customers) and the automatic score's scenarios
bench/scenarios/autoscore/AS01–AS24 (tariffs stated wrongly, politeness, needs, clarity); "held-out" — bench/scenarios/fresh/H16–H27
"new held-out" — fresh/H28–H33, "third held-out" — fresh/H34–H43 and "fourth held-out" — fresh/H44
onwards (each written before the changes they measure), only ever measured, never tuned against. R12's truth is what the voice spoke (spoken_expectation).

Also printed: the same with the pack's calibrated confidence deciding (rules/calibration.py), the bands of
calibrated confidence (is a 0.9 hit right nine times in ten?) and the reliability of each kind of evidence
with the [calibration] table it measures.

The audio is made once by ../shared/tools/neural_tts.py (its own virtualenv: --tts-python, or the
NEURAL_TTS_PYTHON variable) into --cache, with the free transcripts (the voice's licence keeps the audio
out of the repository: never commit the cache). Later runs only check, so they take a minute or two.

usage: .venv/bin/python bench/rules_e2e.py --cache /work/neural-cache/e2e [--model DIR] [--only dev|held-out|"new held-out"|"third held-out"|"fourth held-out"]
       [--ids E04,E05] [--separately] [--calls]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.rules_asr import Tally, bands, line, per_rule  # noqa: E402
from inspector.asr.engine import VoskRecognizer  # noqa: E402
from inspector.asr.recognizer import load_model  # noqa: E402
from inspector.asr.relisten import GrammarListener  # noqa: E402
from inspector.audio.activity import analyse  # noqa: E402
from inspector.audio.recording import decode  # noqa: E402
from inspector.rules.calibration import BASES, basis, calibrate  # noqa: E402
from inspector.rules.engine import check_call  # noqa: E402
from inspector.scoring.defaults import default_pack  # noqa: E402
from inspector.transcript.io import load_transcript, save_transcript  # noqa: E402
from tests.scenario_transcripts import load_scenario  # noqa: E402
from tests.speech_models import MANDARIN  # noqa: E402

PRIOR_WEIGHT = 2      # hits' worth of belief in a rule's own confidence, against what was measured

SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.exists()), ROOT.parent / "shared")
TTS = SHARED / "tools" / "neural_tts.py"


def scenario_sets() -> dict[str, list[Path]]:
    dev = [*sorted((SHARED / "scenarios").glob("S*.json")), *sorted((ROOT / "tests" / "scenarios").glob("X*.json")),
           *sorted((ROOT / "bench" / "scenarios").glob("H*.json")),
           *sorted((ROOT / "bench" / "scenarios" / "e2e").glob("*.json")),
           *sorted((ROOT / "bench" / "scenarios" / "autoscore").glob("AS*.json"))]
    fresh = sorted((ROOT / "bench" / "scenarios" / "fresh").glob("H*.json"))
    return {"dev": dev, "held-out": [p for p in fresh if int(p.stem[1:]) <= 27],
            "new held-out": [p for p in fresh if 27 < int(p.stem[1:]) <= 33],
            "third held-out": [p for p in fresh if 33 < int(p.stem[1:]) <= 43],
            "fourth held-out": [p for p in fresh if int(p.stem[1:]) > 43]}


def synthesised(scenario: Path, cache: Path, tts_python: str) -> Path:
    call_id = load_scenario(scenario)["id"]
    audio = cache / "audio" / f"{call_id}.wav"
    if not audio.exists():
        audio.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tts_python, str(TTS), str(scenario), str(audio.parent)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return audio


def recognised(audio: Path, loaded, cache: Path) -> tuple[object, float]:
    """The free transcript (cached with the CPU seconds it took) and those seconds."""
    folder = cache / loaded.id.replace(":", "-")
    folder.mkdir(parents=True, exist_ok=True)
    target, cost = folder / f"{audio.stem}.transcript.json", folder / f"{audio.stem}.cpu"
    if not target.exists():
        started = time.thread_time()
        save_transcript(VoskRecognizer(loaded).transcribe(decode(audio), audio.stem), target)
        cost.write_text(f"{time.thread_time() - started:.3f}")
    return load_transcript(target), float(cost.read_text()) if cost.exists() else 0.0


def spoken_expectation(expected: set[str], audio: Path, pack) -> tuple[set[str], str]:
    """R12 is a measurement: whether the call breaks it is what the voice actually did, measured by the rule
    on the synthesiser's own transcript (true text, true times), not the pace the scenario asked for — the
    voice speaks short sentences faster than its nominal rate and ignores a scenario-wide ``agent_cpm``.
    Returns the expectation and a note when it differs from the scenario's."""
    truth = audio.with_name(audio.stem + ".truth.json")
    if not truth.exists():
        return expected, ""
    measured = [h for h in check_call(pack, load_transcript(truth)) if h.rule == "R12"]
    spoken = (expected | {"R12"}) if measured else (expected - {"R12"})
    if spoken == expected:
        return expected, ""
    return spoken, (f"R12 {'expected' if measured else 'not expected'} as spoken: "
                    f"{measured[0].evidence if measured else 'within the limits'}")


@dataclass(frozen=True)
class Separately:
    """The listener without ``share``: every stretch asked about decoded on its own, as before shared hearings."""

    listener: GrammarListener

    def hear(self, speaker, start, end, phrases):
        return self.listener.hear(speaker, start, end, phrases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="where the audio and transcripts are kept")
    parser.add_argument("--model", type=Path, default=MANDARIN)
    parser.add_argument("--tts-python", default=os.environ.get("NEURAL_TTS_PYTHON", "python3"),
                        help="the python of neural_tts.py's own virtualenv")
    parser.add_argument("--only", choices=("dev", "held-out", "new held-out", "third held-out", "fourth held-out"),
                        help="one set only")
    parser.add_argument("--calls", action="store_true", help="print each call's expected and found rules")
    parser.add_argument("--available", action="store_true", help="only the calls whose audio is already in the cache")
    parser.add_argument("--recognised", action="store_true", help="only the calls already recognised into the cache")
    parser.add_argument("--separately", action="store_true",
                        help="each rule hears its own stretch on its own (no shared hearings), to compare")
    parser.add_argument("--ids", help="only these calls, comma-separated (E04,E05): a quick subset")
    args = parser.parse_args()
    pack = default_pack()
    raw_pack = replace(pack, calibration=None)      # the rules' own confidences, to measure what they are worth
    loaded = load_model(args.model)
    for name, scenarios in scenario_sets().items():
        if args.only and name != args.only:
            continue
        free, again, calibrated = Tally(), Tally(), Tally()
        judged: dict[str, list[tuple[float, str]]] = {"free": [], "again": [], "calibrated": []}
        rests_on: dict[str, list[tuple[float, bool]]] = {}
        recognition_s = check_s = relisten_s = audio_s = 0.0
        windows = 0
        per_call: list[tuple[float, str]] = []     # what listening again cost each call, next to its own recognition and checking
        relabelled: list[str] = []
        if args.available or args.recognised:
            folder = args.cache / "audio" if args.available else args.cache / loaded.id.replace(":", "-")
            suffix = ".wav" if args.available else ".transcript.json"
            ready = [p for p in scenarios if (folder / f"{load_scenario(p)['id']}{suffix}").exists()]
            print(f"{name}: {len(scenarios) - len(ready)} call(s) not yet in the cache left out")
            scenarios = ready
        if args.ids:
            wanted = set(args.ids.split(","))
            scenarios = [p for p in scenarios if load_scenario(p)["id"] in wanted]
            if not scenarios:
                continue
        for scenario_path in scenarios:
            scenario = load_scenario(scenario_path)
            audio = synthesised(scenario_path, args.cache, args.tts_python)
            expected, note = spoken_expectation(set(scenario["expected_rule_hits"]), audio, raw_pack)
            if note:
                relabelled.append(f"{scenario['id']}: {note}")
            transcript, cpu = recognised(audio, loaded, args.cache)
            recording = decode(audio)
            activity = analyse(recording.samples, recording.sample_rate)
            recognition_s += cpu
            audio_s += recording.duration_s
            started = time.thread_time()
            plain = check_call(raw_pack, transcript, activity)
            checked = time.thread_time() - started
            check_s += checked
            listener = GrammarListener(loaded, recording)
            heard = check_call(raw_pack, transcript, activity, Separately(listener) if args.separately else listener)
            relisten_s += listener.cost.cpu_s
            windows += listener.cost.windows
            own = cpu + checked
            if own > 0:
                per_call.append((listener.cost.cpu_s / own, scenario["id"]))
            decided = calibrate(heard, pack.calibration) if pack.calibration else heard
            for h in heard:
                kind = basis(h)
                if kind is not None:
                    rests_on.setdefault(kind, []).append((h.confidence, h.rule in expected))
            for tally, key, hits in ((free, "free", plain), (again, "again", heard), (calibrated, "calibrated", decided)):
                judged[key].extend((h.confidence, "confirmed" if h.rule in expected else "rejected")
                                   for h in hits if not h.listen)
                asserted = {h.rule for h in hits if not h.listen}
                tally.add(expected, asserted, {h.rule for h in hits if h.listen} - asserted)
            if args.calls:
                print(f"  {scenario['id']}: expected {sorted(expected)} free {sorted({h.rule for h in plain})} "
                      f"relistened {sorted({h.rule for h in heard})} "
                      f"decided {sorted({h.rule + ('?' if h.listen else '') for h in decided})} "
                      f"listening again {listener.cost.windows} windows, {per_call[-1][0] if per_call else 0:.1%}")
        print(f"\n== {name}: {len(scenarios)} calls, {audio_s / 60:.1f} min of audio ==")
        for note in relabelled:
            print(f"  {note}")
        for title, tally in (("free recognition", free), ("with listening again", again),
                             ("listening again + calibrated confidence", calibrated)):
            print(line(title, tally))
            print(per_rule(tally))
        for title, key in (("free", "free"), ("with listening again", "again"),
                           ("listening again, calibrated (is a 0.9 hit right nine times in ten?)", "calibrated")):
            print(f"  asserted hits by confidence, {title}:")
            print(bands(judged[key]))
        print("  reliability by what a hit rests on (listening again, the rules' own confidences) and the "
              "[calibration] it measures: (right + 2 × their mean confidence) / (hits + 2), so a kind seen")
        print("  a few times stays near what its rule says:")
        table = []
        for kind in BASES:
            rows = rests_on.get(kind, [])
            right = sum(ok for _c, ok in rows)
            stated = sum(c for c, _ok in rows) / len(rows) if rows else None
            in_pack = pack.calibration.precision.get(kind) if pack.calibration else None
            measured = (right + PRIOR_WEIGHT * stated) / (len(rows) + PRIOR_WEIGHT) if rows else None
            print(f"    {kind:<18} {len(rows):4d} hits" + (
                f", stated {stated:.2f}, right {right / len(rows):4.0%}, measured {measured:.2f}" if rows else "")
                + f"   in the pack {in_pack if in_pack is not None else '—'}")
            if measured is not None:
                table.append(f"{kind} = {measured:.2f}")
        print("  as a [calibration] table: " + ", ".join(table))
        base = recognition_s + check_s
        dearest = ", ".join(f"{share:.1%} ({call})" for share, call in sorted(per_call, reverse=True)[:3])
        print(f"  cost: recognition {recognition_s:.1f} s CPU, checking {check_s:.2f} s, listening again "
              f"{relisten_s:.2f} s in {windows} windows ({windows / max(1, len(scenarios)):.1f} a call) = "
              f"{relisten_s / base:.1%} of recognition and checking; the dearest calls {dearest}"
              if base else "  cost: no recognition measured")


if __name__ == "__main__":
    main()
