"""How well the Mandarin model hears the demo calls, and what the default rule pack makes of it.

Per call and overall: the character error rate of what vosk-model-small-cn recognises against the exact
reference transcript (each speaker's channel on its own; punctuation and spaces removed, digits read as
the Chinese numerals a speaker says), for each decoding profile; then the rule hits of the default pack on
the recognised transcripts against the hits each scenario must produce (precision, recall, F1).

The demo calls are espeak-ng's robotic cmn-latn-pinyin voice: these figures describe that voice, not
human speech. Report them; do not tune the rules to them.

    INSPECTOR_TEST_VOSK_MODEL_ZH=../shared/models/vosk-model-small-cn-0.22 python bench/asr_cer.py
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from inspector.asr.pool import ModelPool  # noqa: E402
from inspector.asr.profiles import PROFILES  # noqa: E402
from inspector.asr.recognizer import transcribe  # noqa: E402
from inspector.audio.activity import analyse  # noqa: E402
from inspector.audio.recording import decode  # noqa: E402
from inspector.rules.engine import check_call  # noqa: E402
from inspector.scoring.defaults import default_pack  # noqa: E402
from inspector.transcript.io import load_transcript  # noqa: E402

DEMO = ROOT / "resources" / "demo"
SCENARIOS = ROOT.parent / "shared" / "scenarios"
DIGITS = str.maketrans("0123456789", "零一二三四五六七八九")


def spoken(text: str) -> str:
    return re.sub(r"[^\w]|_", "", text.translate(DIGITS))


def channel_text(transcript, speaker: str) -> str:
    return spoken("".join(s.text for s in transcript.segments if s.speaker == speaker))


def main() -> None:
    model = Path(os.environ.get("INSPECTOR_TEST_VOSK_MODEL_ZH", ROOT.parent / "shared" / "models" /
                                "vosk-model-small-cn-0.22"))
    pool = ModelPool()
    calls = sorted(p.stem for p in DEMO.glob("S*.flac"))
    pack = default_pack()
    for profile in PROFILES:
        loaded = pool.get(model, profile)
        errors = length = 0
        tp = fp = fn = 0
        started = time.perf_counter()
        audio_s = 0.0
        print(f"profile {profile} ({loaded.id})")
        for call in calls:
            recording = decode(DEMO / f"{call}.flac")
            audio_s += recording.duration_s * recording.channels
            heard = transcribe(loaded, recording, call)
            reference = load_transcript(DEMO / f"{call}.transcript.json")
            call_errors = call_length = 0
            for speaker in ("agent", "customer"):
                ref, hyp = channel_text(reference, speaker), channel_text(heard, speaker)
                call_errors += Levenshtein.distance(ref, hyp)
                call_length += len(ref)
            errors, length = errors + call_errors, length + call_length
            expected = set(json.loads((SCENARIOS / f"{call}.json").read_text(encoding="utf-8"))["expected_rule_hits"])
            found = {h.rule for h in check_call(pack, heard, analyse(recording.samples, recording.sample_rate))}
            tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
            print(f"  {call}: CER {call_errors / call_length:.1%}  rules expected {sorted(expected)} "
                  f"found {sorted(found)}")
        elapsed = time.perf_counter() - started
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  overall CER {errors / length:.1%} over {length} characters; hit precision {precision:.2f} "
              f"recall {recall:.2f} F1 {f1:.2f}; decoding {elapsed:.1f} s for {audio_s:.0f} s of channel audio "
              f"(RTF {elapsed / audio_s:.3f} on one core)")


if __name__ == "__main__":
    main()
