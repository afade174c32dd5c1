"""Turn the reference scenarios (../shared/scenarios/S*.json) into the bundled demo workspace.

Each scenario becomes an 8 kHz stereo FLAC (agent left, customer right) spoken by espeak-ng, its exact
reference transcript (transcript v1) and a row of call metadata. The voice is ``cmn-latn-pinyin`` (a
variant per speaker): espeak-ng 1.51's plain ``cmn`` reads the tone digits of its pinyin in English, which
no recogniser understands; this one speaks Mandarin, robotic but recognisable.
The outputs are committed, so tests and the demo never need a TTS engine; rerun this after a scenario
changes: ``python scripts/make_demo.py``.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
RATE = 8000
DEFAULT_GAP_S = 0.6
LEAD_IN_S = 0.5
TAIL_S = 1.0
VOICES = {"agent": ("cmn-latn-pinyin+f3", 150), "customer": ("cmn-latn-pinyin+m3", 150)}
SPOKEN = str.maketrans({"G": "吉"})     # "5G": the letter as Mandarin speakers say it
AGENTS = {"S1": ("3257", "李娜"), "S2": ("1046", "王芳"), "S3": ("4108", "刘洋"),
          "S4": ("2639", "陈静"), "S5": ("5520", "赵磊"), "S6": ("3071", "孙丽")}
BUSINESS = {"S1": "流量查询", "S2": "停机咨询", "S3": "话费争议", "S4": "套餐查询",
            "S5": "套餐变更", "S6": "扣费投诉"}


@dataclass
class Placed:
    speaker: str
    text: str
    start: int
    audio: np.ndarray


def speak(text: str, speaker: str, workdir: Path) -> np.ndarray:
    """espeak-ng at its own rate, resampled by sox to 8 kHz, trimmed to the first and last loud sample."""
    voice, words_per_minute = VOICES[speaker]
    raw = workdir / "raw.wav"
    out = workdir / "8k.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(words_per_minute), "-w", str(raw),
                    text.translate(SPOKEN)], check=True)
    subprocess.run(["sox", "-v", "0.8", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(out)], check=True)
    audio, _ = sf.read(out, dtype="float32")
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[loud[0]: loud[-1] + 1]


def place_turns(scenario: dict, workdir: Path) -> list[Placed]:
    placed: list[Placed] = []
    cursor = int(LEAD_IN_S * RATE)
    gap = 0.0
    for turn in scenario["turns"]:
        audio = speak(turn["text"], turn["speaker"], workdir)
        if placed and "overlap_s" in turn:
            start = cursor - int(turn["overlap_s"] * RATE)
        else:
            start = cursor + int(gap * RATE)
        placed.append(Placed(turn["speaker"], turn["text"], start, audio))
        cursor = start + audio.size
        gap = turn.get("silence_after_s", DEFAULT_GAP_S)
    return placed


def render(placed: list[Placed]) -> np.ndarray:
    length = max(p.start + p.audio.size for p in placed) + int(TAIL_S * RATE)
    stereo = np.zeros((length, 2), dtype=np.float32)
    for p in placed:
        column = 0 if p.speaker == "agent" else 1
        stereo[p.start: p.start + p.audio.size, column] += p.audio * 0.8
    return stereo


def transcript(call_id: str, placed: list[Placed], frames: int) -> dict:
    segments = [{"speaker": p.speaker, "start": round(p.start / RATE, 3),
                 "end": round((p.start + p.audio.size) / RATE, 3), "text": p.text}
                for p in sorted(placed, key=lambda p: p.start)]
    return {"version": 1, "call_id": call_id, "duration_s": round(frames / RATE, 3),
            "channels": {"agent": 0, "customer": 1}, "segments": segments}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=Path, default=ROOT.parent / "shared" / "scenarios")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "demo")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, path in enumerate(sorted(args.scenarios.glob("S*.json"))):
            scenario = json.loads(path.read_text(encoding="utf-8"))
            call_id = scenario["id"]
            placed = place_turns(scenario, Path(tmp))
            stereo = render(placed)
            sf.write(args.out / f"{call_id}.flac", stereo, RATE, subtype="PCM_16")
            doc = transcript(call_id, placed, stereo.shape[0])
            (args.out / f"{call_id}.transcript.json").write_text(
                json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            agent_id, agent_name = AGENTS[call_id]
            rows.append({"file": f"{call_id}.flac", "call_id": call_id, "agent_id": agent_id,
                         "agent_name": agent_name, "started_at": f"2026-11-0{index + 2}T09:{10 + index}:00",
                         "hotline": "10086", "business_type": BUSINESS[call_id],
                         "title": scenario["title"]})
    with open(args.out / "calls.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
