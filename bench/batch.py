"""The centre's batch on Dask: the same recognised calls run by a plain loop in one process, by a
LocalCluster of one worker process and by one of two, started as ``inspector batch`` starts them (the
real Mandarin model, from INSPECTOR_TEST_VOSK_MODEL_ZH or ../shared/models).

Prints: scaling from 1 to 2 workers (goal >= 1.8x on 2 cores), audio hours per core-hour, the
scheduler's overhead per call against the plain loop (goal <= 5 %), peak memory per worker. Every run
writes its outputs as ``inspector batch`` does; model loading is timed apart (once per worker, not per call).

Calls: the first ``--seconds`` (default 30; 0 for the whole calls) of each demo call, ``--copies`` times
(default 2), so the figures come from whole-pipeline runs (decode, activity, both channels recognised,
rules, files written). The machine is shared: CPU-time figures are printed beside wall times, because
other users' load stretches wall time and not the CPU a call takes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import soundfile as sf  # noqa: E402

from inspector.asr.recognizer import model_identity  # noqa: E402
from inspector.pipeline.call import process_call  # noqa: E402
from inspector.pipeline.cluster import batch_client  # noqa: E402
from inspector.pipeline.outputs import write_outputs  # noqa: E402
from inspector.pipeline.plan import Plan, plan_batch  # noqa: E402
from inspector.pipeline.report import BatchSummary  # noqa: E402
from inspector.pipeline.runner import load_on_workers, run_batch  # noqa: E402
from inspector.pipeline.tasks import ToolSpec, load_tools  # noqa: E402
from inspector.scoring.defaults import default_pack  # noqa: E402

DEMO = ROOT / "resources" / "demo"


def model_folder() -> Path:
    return Path(os.environ.get("INSPECTOR_TEST_VOSK_MODEL_ZH",
                               ROOT.parent / "shared" / "models" / "vosk-model-small-cn-0.22")).resolve()


def make_calls(folder: Path, seconds: float, copies: int) -> None:
    for copy in range(copies):
        for name in ("S1", "S2", "S3", "S4", "S5", "S6"):
            samples, rate = sf.read(DEMO / f"{name}.flac", dtype="int16")
            sf.write(folder / f"{name}-{copy}.flac", samples[: int(seconds * rate)] if seconds else samples, rate)


def plan(source: Path, out: Path, spec: ToolSpec) -> Plan:
    return plan_batch(source, out, default_pack(), model_identity(Path(spec.model), spec.profile))


def cpu_s() -> float:
    """CPU seconds of this process, every thread: unlike wall time, not inflated by other users' load."""
    times = psutil.Process().cpu_times()
    return times.user + times.system


def plain_loop(source: Path, out: Path, spec: ToolSpec) -> tuple[float, float, float, float]:
    """Model load time, then the calls one after another in this process (the baseline): wall time, CPU
    time of the process, CPU time inside the calls' steps."""
    todo = plan(source, out, spec).todo
    started = time.perf_counter()
    tools = load_tools(spec)
    loaded, cpu, in_steps = time.perf_counter(), cpu_s(), 0.0
    for task in todo:
        result = process_call(task, tools)
        assert result.failure is None, result.failure
        write_outputs(out, result)
        in_steps += result.cpu_s
    return loaded - started, time.perf_counter() - loaded, cpu_s() - cpu, in_steps


def on_cluster(source: Path, out: Path, spec: ToolSpec, workers: int) -> tuple[float, float, float, float, list[float]]:
    """On a LocalCluster (workers started and the model loaded before the clocks start, as in a long
    batch): wall time, the workers' CPU seconds, those inside the calls' steps, the CPU seconds of this
    process (client, scheduler and nannies of a LocalCluster live here), each worker's peak RSS in MB."""
    with batch_client(workers) as client:
        load_on_workers(client, spec)
        work = plan(source, out, spec)
        before, here = client.run(cpu_s), cpu_s()
        started = time.perf_counter()
        summary = run_batch(client, work, out, BatchSummary(str(source), "", ""))
        spent, here = time.perf_counter() - started, cpu_s() - here
        after = client.run(cpu_s)
        assert summary.done == len(work.todo) and not summary.failures, summary.failures
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return spent, sum(after[w] - before[w] for w in after), summary.cpu_s, here, sorted(peaks.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="the first seconds of each call; 0: whole calls")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--profile", default="accurate", choices=("accurate", "fast"))
    args = parser.parse_args()
    spec = ToolSpec(str(model_folder()), args.profile, None)
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    load_before = os.getloadavg()[0]
    try:
        source = work / "calls"
        source.mkdir()
        make_calls(source, args.seconds, args.copies)
        todo = plan(source, work / "probe", spec).todo
        calls, audio_s = len(todo), sum(t.duration_s for t in todo)
        load_s, plain_s, plain_cpu, plain_steps = plain_loop(source, work / "plain", spec)
        one_s, one_cpu, one_steps, one_here, one_peaks = on_cluster(source, work / "one", spec, 1)
        two_s, two_cpu, two_steps, two_here, two_peaks = on_cluster(source, work / "two", spec, 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    audio_h = audio_s / 3600
    print(f"model:                    {model_identity(model_folder(), args.profile)}, loaded in {load_s:.1f} s "
          f"(once per worker process)")
    print(f"calls:                    {calls} × {args.seconds or audio_s / calls:.0f} s stereo 8 kHz = "
          f"{audio_s / 60:.1f} min of audio; "
          f"{os.cpu_count()} cores, load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"plain loop, one process:  wall {plain_s:6.1f} s, CPU {plain_cpu:6.1f} s ({plain_steps:.1f} s in the steps)")
    print(f"LocalCluster, 1 worker:   wall {one_s:6.1f} s, CPU {one_cpu:6.1f} s in the worker ({one_steps:.1f} s "
          f"in the steps) + {one_here:.1f} s client/scheduler")
    print(f"LocalCluster, 2 workers:  wall {two_s:6.1f} s, CPU {two_cpu:6.1f} s in the workers ({two_steps:.1f} s "
          f"in the steps) + {two_here:.1f} s client/scheduler; {audio_h / (two_s / 3600):.1f} audio h per wall hour")
    print(f"scaling 1 -> 2 workers:   {one_s / two_s:.2f}x in wall time (goal >= 1.8x; needs 2 idle cores)")
    print(f"audio h per core-hour:    {audio_h / (plain_steps / 3600):.1f} (plain loop), "
          f"{audio_h / (one_steps / 3600):.1f} (1 worker), {audio_h / (two_steps / 3600):.1f} (2 workers), "
          f"CPU time of the steps")
    outside = (one_cpu - one_steps + one_here) - (plain_cpu - plain_steps)   # what Dask adds around the calls
    print(f"scheduler overhead:       CPU {outside / calls * 1000:+.0f} ms per call = "
          f"{outside / one_steps:+.1%} of the calls' own CPU (goal <= 5 %); "
          f"wall {(one_s - plain_s) / calls * 1000:+.0f} ms per call, {one_s / plain_s - 1:+.1%} against the loop")
    print(f"peak RSS per worker:      1 worker {one_peaks[0]:.0f} MB; 2 workers "
          f"{', '.join(f'{p:.0f}' for p in two_peaks)} MB")


if __name__ == "__main__":
    main()
