"""Open-to-waveform speed and memory on a 60-minute stereo 8 kHz call.

Prints: plain soundfile.read time of the file (the baseline, measured in a child process so its float64
copy does not inflate our memory), cold open (decode + peaks + activity + cache + first paint) and warm
open (from the peak cache + first paint), their ratio to the baseline, the p95 frame time of 200 zoom/pan
steps, and peak RSS. Goals: cold ≤ 3× baseline, warm ≤ 100 ms, p95 ≤ 16 ms, RSS ≤ 400 MB.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402

MINUTES = 60
RATE = 8000


def make_call(path: Path) -> None:
    """Turn-taking bursts of noise on alternating channels, written a minute at a time."""
    rng = np.random.default_rng(0)
    with sf.SoundFile(path, "w", RATE, 2, "PCM_16") as out:
        for minute in range(MINUTES):
            block = np.zeros((RATE * 60, 2), dtype=np.float32)
            for turn in range(10):
                start = turn * 6 * RATE + rng.integers(0, RATE)
                length = rng.integers(2 * RATE, 5 * RATE)
                block[start:start + length, turn % 2] = rng.normal(0, 0.2, length)
            out.write(block)


def plain_read_seconds(path: Path) -> float:
    code = ("import sys, time, soundfile as sf; t = time.perf_counter(); sf.read(sys.argv[1]); "
            "print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from inspector.audio.overview import open_audio
    from inspector.jobs import drain
    from inspector.open_call.state import ReviewState
    from inspector.ui.waveform import WaveformPane

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hour.wav"
        make_call(path)
        baseline = plain_read_seconds(path)

        def open_and_paint(cache: Path) -> tuple[float, WaveformPane]:
            state = ReviewState()
            pane = WaveformPane(state)
            pane.resize(1200, 400)
            pane.show()
            app.processEvents()
            start = time.perf_counter()
            opened = drain(open_audio(path, cache))
            state.set_overview(opened.overview)
            pane.canvas.grab()
            return time.perf_counter() - start, pane

        cache = Path(tmp) / "peaks" / "hour.npz"
        cold, pane = open_and_paint(cache)
        pane.close()
        warm, pane = open_and_paint(cache)

        frames = []
        duration = MINUTES * 60.0
        for step in range(200):
            width = duration / (2 ** (step % 12))
            start_s = (step * 97.0) % max(1.0, duration - width)
            t = time.perf_counter()
            pane.set_view(start_s, start_s + width)
            pane.canvas.grab()
            frames.append(time.perf_counter() - t)
        pane.close()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p95 = float(np.percentile(frames, 95)) * 1000
    print(f"recording:                {MINUTES} min stereo {RATE} Hz PCM16")
    print(f"plain soundfile.read:     {baseline * 1000:8.1f} ms  (baseline)")
    print(f"cold open to waveform:    {cold * 1000:8.1f} ms  = {cold / baseline:.2f}x baseline  (goal <= 3x)")
    print(f"warm open to waveform:    {warm * 1000:8.1f} ms  = {warm / baseline:.2f}x baseline  (goal <= 100 ms)")
    print(f"zoom/pan frame p95:       {p95:8.1f} ms  over {len(frames)} steps  (goal <= 16 ms)")
    print(f"peak RSS:                 {rss_mb:8.1f} MB  (goal <= 400 MB)")


if __name__ == "__main__":
    main()
