"""How well the default pack holds up on recognised speech: precision, recall and F1 of rule hits per
character error rate, per rule, on calls the pack was written against and on calls it was not.

Calls: the six reference scenarios (S1–S6) and our dev scenarios (tests/scenarios/X*.json), which the pack
was written against; the held-out calls in bench/scenarios/H*.json (other businesses and wordings, written
before the pack was changed for recognised speech; their failures were looked at, so they are no longer
blind); and bench/scenarios/fresh/H*.json, written after that and only measured, never tuned against. Each goes through ../shared/tools/asr_noise.py at CER 0, 5, 15 and 25 % with
five seeds; "reference" is the untouched text beside it. A prediction is a (call, rule) pair with at least
one hit; the truth is the scenario's ``expected_rule_hits``. Hits raised as "listen to confirm" are not
asserted violations: they are counted apart (how many, how many were real), and F1 is given both without
them and with them counted as hits.

With ``--vosk MODEL`` the demo calls' audio (resources/demo/S*.flac) is also transcribed by that Vosk
model (kept in a cache folder) and scored the same way.

usage: .venv/bin/python bench/rules_asr.py [--seeds 5] [--vosk ../shared/models/vosk-model-small-cn-0.22]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.rules.engine import check_call  # noqa: E402
from inspector.scoring.defaults import default_pack  # noqa: E402
from inspector.domain.accuracy import accuracy_by_band
from inspector.transcript.io import load_transcript, save_transcript  # noqa: E402
from tests.scenario_transcripts import load_scenario, timed_transcript  # noqa: E402

SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.exists()), ROOT.parent / "shared")
NOISE = SHARED / "tools" / "asr_noise.py"
LEVELS = (0.0, 0.05, 0.15, 0.25)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    listen_real: int = 0     # "listen to confirm" hits on a real violation
    listen_wrong: int = 0
    per_rule: dict[str, Counter] = field(default_factory=dict)

    def add(self, expected: set[str], asserted: set[str], listen: set[str]) -> None:
        for rule in expected | asserted | listen:
            counts = self.per_rule.setdefault(rule, Counter())
            if rule in asserted:
                kind = "tp" if rule in expected else "fp"
            elif rule in listen:
                kind = "listen_real" if rule in expected else "listen_wrong"
            else:
                kind = "fn"
            counts[kind] += 1
            setattr(self, kind, getattr(self, kind) + 1)

    def figures(self, with_listen: bool = False) -> tuple[float, float, float]:
        tp, fp, fn = self.tp, self.fp, self.fn + self.listen_real
        if with_listen:
            tp, fp, fn = tp + self.listen_real, fp + self.listen_wrong, self.fn
        return prf(tp, fp, fn)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def references(work: Path) -> dict[str, tuple[str, Path, set[str]]]:
    """call id -> (group, reference transcript file, expected rules)."""
    calls = {}
    for path in sorted((ROOT / "resources" / "demo").glob("S*.transcript.json")):
        scenario = load_scenario(SHARED / "scenarios" / f"{path.name.split('.')[0]}.json")
        calls[scenario["id"]] = ("written-against", path, set(scenario["expected_rule_hits"]))
    for group, folder in (("written-against", ROOT / "tests" / "scenarios"), ("held-out", ROOT / "bench" / "scenarios"),
                          ("fresh held-out", ROOT / "bench" / "scenarios" / "fresh")):
        for source in sorted(folder.glob("*.json")):
            scenario = load_scenario(source)
            target = work / f"{scenario['id']}.transcript.json"
            save_transcript(timed_transcript(scenario), target)
            calls[scenario["id"]] = (group, target, set(scenario["expected_rule_hits"]))
    return calls


def predicted(pack, path: Path, expected: set[str], judged: list[tuple[float, str]]) -> tuple[set[str], set[str]]:
    """Rules asserted and rules only raised as "listen to confirm"; each hit's (confidence, right or
    wrong) goes to ``judged``, for precision by confidence band."""
    hits = check_call(pack, load_transcript(path))
    judged.extend((h.confidence, "confirmed" if h.rule in expected else "rejected") for h in hits)
    asserted = {h.rule for h in hits if not h.listen}
    return asserted, {h.rule for h in hits if h.listen} - asserted


def noisy(work: Path, calls: dict, cer: float, seed: int) -> dict[str, Path]:
    out = work / f"cer{cer:g}-seed{seed}"
    subprocess.run([sys.executable, str(NOISE), str(out), str(cer), str(seed),
                    *[str(p) for _g, p, _e in calls.values()]], check=True)
    return {call_id: out / f"{call_id}_{seed}.transcript.json" for call_id in calls}


def vosk_transcripts(model: Path, cache: Path) -> dict[str, Path]:
    from inspector.asr.engine import VoskRecognizer
    from inspector.asr.recognizer import load_model
    from inspector.audio.recording import decode

    loaded = load_model(model)
    folder = cache / loaded.id.replace(":", "-")
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for audio in sorted((ROOT / "resources" / "demo").glob("S*.flac")):
        target = folder / f"{audio.stem}.transcript.json"
        if not target.exists():
            save_transcript(VoskRecognizer(loaded).transcribe(decode(audio), audio.stem), target)
        out[audio.stem] = target
    return out


def line(label: str, tally: Tally) -> str:
    p, r, f = tally.figures()
    _p, _r, f_listen = tally.figures(with_listen=True)
    return (f"{label:<28} P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}   listen-to-confirm {tally.listen_real:3d} real "
            f"{tally.listen_wrong:3d} wrong  (F1 counting them {f_listen:4.2f})")


def per_rule(tally: Tally) -> str:
    cells = []
    for rule in sorted(tally.per_rule):
        c = tally.per_rule[rule]
        p, r, f = prf(c["tp"], c["fp"], c["fn"] + c["listen_real"])
        cells.append(f"{rule} P {p:4.2f} R {r:4.2f} F1 {f:4.2f} (tp {c['tp']} fp {c['fp']} fn {c['fn']}"
                     + (f" listen {c['listen_real']}/{c['listen_real'] + c['listen_wrong']}" if
                        c["listen_real"] + c["listen_wrong"] else "") + ")")
    return "    " + "\n    ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--vosk", type=Path, help="a Vosk model folder: also score its transcripts of the demo audio")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "inspector-rules-asr")
    parser.add_argument("--per-rule", action="store_true", help="print per-rule figures for every level")
    args = parser.parse_args()
    pack = default_pack()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        calls = references(work)
        groups = list(dict.fromkeys(g for g, _p, _e in calls.values()))
        print(f"calls: {', '.join(f'{g} {sum(1 for c in calls.values() if c[0] == g)}' for g in groups)}; "
              f"seeds per level: {args.seeds}")
        runs: list[tuple[str, dict[str, Path]]] = [("reference text", {c: p for c, (_g, p, _e) in calls.items()})]
        for cer in LEVELS:
            for seed in range(1, args.seeds + 1):
                runs.append((f"CER {cer:.0%}", noisy(work, calls, cer, seed)))
        tallies: dict[tuple[str, str], Tally] = {}
        judged: list[tuple[float, str]] = []
        for label, files in runs:
            for call_id, path in files.items():
                group, _ref, expected = calls[call_id]
                asserted, listen = predicted(pack, path, expected, judged if label.startswith("CER") else [])
                tallies.setdefault((group, label), Tally()).add(expected, asserted, listen)
        for group in groups:
            print(f"\n== {group} ==")
            for label in dict.fromkeys(lbl for lbl, _f in runs):
                tally = tallies[(group, label)]
                print(line(label, tally))
                if args.per_rule or label in ("reference text", "CER 15%", "CER 25%"):
                    print(per_rule(tally))
        print("\n== hits on the noisy transcripts by confidence (right = the call expects that rule) ==")
        print(bands(judged))
        if args.vosk:
            tally = Tally()
            vosk_judged: list[tuple[float, str]] = []
            for call_id, path in vosk_transcripts(args.vosk, args.cache).items():
                asserted, listen = predicted(pack, path, calls[call_id][2], vosk_judged)
                tally.add(calls[call_id][2], asserted, listen)
                print(f"  {call_id}: expected {sorted(calls[call_id][2])} asserted {sorted(asserted)} "
                      f"listen {sorted(listen)}")
            print("\n== Vosk transcripts of the demo audio (S1–S6) ==")
            print(line(args.vosk.name, tally))
            print(per_rule(tally))
            print(bands(vosk_judged))


def bands(judged: list[tuple[float, str]]) -> str:
    return "\n".join(f"    {b.low:.2f}–{b.high:.2f}: {b.confirmed + b.rejected:5d} hits, right "
                     + ("—" if b.precision is None else f"{b.precision:.0%}") for b in accuracy_by_band(judged))


if __name__ == "__main__":
    main()
