"""Time to check 1,000 transcripts with the default pack (goal ≤ 2 s on this machine).

The transcripts are the six reference calls and our eight extra scenarios, each varied by a number in
every sentence so that no per-text cache can answer for another copy. Baseline in the same run: merely
normalising the same text, to put the figure in proportion.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.scoring.defaults import default_pack  # noqa: E402
from inspector.rules.engine import check_call  # noqa: E402
from inspector.rules.text import normalize  # noqa: E402
from inspector.transcript.io import load_transcript  # noqa: E402
from tests.scenario_transcripts import load_scenario, timed_transcript  # noqa: E402

COUNT = 1000


def corpus():
    bases = [load_transcript(p) for p in sorted((ROOT / "resources" / "demo").glob("S*.transcript.json"))]
    bases += [timed_transcript(load_scenario(p)) for p in sorted((ROOT / "tests" / "scenarios").glob("X*.json"))]
    out = []
    for n in range(COUNT):
        base = bases[n % len(bases)]
        segments = tuple(replace(s, text=f"{s.text}{n}") for s in base.segments)
        out.append(replace(base, segments=segments))
    return out


def main() -> None:
    pack = default_pack()
    transcripts = corpus()
    sentences = sum(len(t.segments) for t in transcripts)
    start = time.perf_counter()
    for t in transcripts:
        for s in t.segments:
            normalize(s.text + "x")
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    hits = sum(len(check_call(pack, t)) for t in transcripts)
    elapsed = time.perf_counter() - start
    print(f"transcripts:            {COUNT} ({sentences} sentences, {len(pack.rules)} rules)")
    print(f"normalising only:       {baseline * 1000:8.1f} ms  (baseline)")
    print(f"checking with the pack: {elapsed * 1000:8.1f} ms  = {elapsed / baseline:.0f}x baseline, "
          f"{elapsed / COUNT * 1000:.2f} ms per call  (goal <= 2000 ms)")
    print(f"hits found:             {hits}")


if __name__ == "__main__":
    main()
