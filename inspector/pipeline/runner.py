"""The client side of a batch: the planned calls submitted to the cluster, each result written as it
arrives, failures collected, the report written at the end, on a Ctrl+C too.

Outputs are written here, once per finished call, not by the workers: a worker killed mid-call leaves
nothing behind, and a call Dask ran twice (its worker died just after finishing) is still written once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from distributed import Client, as_completed

from inspector.pipeline.call import CallResult
from inspector.pipeline.outputs import write_outputs
from inspector.pipeline.plan import Plan
from inspector.pipeline.progress import BatchProgress
from inspector.pipeline.report import BatchSummary, Failure, write_report
from inspector.pipeline.tasks import ToolSpec
from inspector.pipeline.worker import PLUGIN_NAME, ToolsPlugin, run_on_worker


def load_on_workers(client: Client, spec: ToolSpec) -> None:
    """Every worker, and any that joins later, loads the model and pack once (replacing an earlier
    batch's). Raises AsrError or PackError, naming the file, when a worker cannot load them."""
    client.register_plugin(ToolsPlugin(spec), name=PLUGIN_NAME)


def run_batch(client: Client, plan: Plan, out: Path, summary: BatchSummary,
              on_progress: Callable[[BatchProgress], None] = lambda progress: None) -> BatchSummary:
    """The planned calls on workers that ``load_on_workers`` prepared. Raises KeyboardInterrupt after
    cancelling the remaining calls and writing the report."""
    summary.workers = len(client.scheduler_info(n_workers=-1)["workers"])
    progress = BatchProgress(len(plan.todo), sum(t.duration_s for t in plan.todo))
    try:
        _collect(client, plan, out, summary, progress, on_progress)
    except KeyboardInterrupt:
        summary.cancelled = True
        raise
    finally:
        summary.wall_s = progress.elapsed_s
        write_report(out, summary)
    return summary


def _collect(client: Client, plan: Plan, out: Path, summary: BatchSummary, progress: BatchProgress,
             on_progress: Callable[[BatchProgress], None]) -> None:
    keys = [f"inspector-call-{index}-{task.audio_sha256[:12]}" for index, task in enumerate(plan.todo)]
    tasks = dict(zip(keys, plan.todo))
    futures = client.map(run_on_worker, plan.todo, key=keys, pure=False)
    try:
        for future in as_completed(futures):
            task = tasks[future.key]
            if future.status == "error":
                failure = f"{type(future.exception()).__name__}: {future.exception()}"
                result = CallResult(task, failure=failure)
            else:
                result = future.result()
            future.release()
            if result.failure is None:
                write_outputs(out, result)
                summary.done += 1
                summary.audio_s += task.duration_s
                summary.cpu_s += result.cpu_s
            else:
                summary.failures.append(Failure(task.recording, result.failure))
            progress.finished(task.duration_s, failed=result.failure is not None)
            on_progress(progress)
    finally:
        client.cancel([f for f in futures if not f.done()])
