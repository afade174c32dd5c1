"""The batch's progress bar on stderr: calls done of the total, audio hours per wall hour, ETA."""

from __future__ import annotations

import datetime
import sys

from tqdm import tqdm

from inspector.pipeline.progress import BatchProgress


class ProgressBar:
    def __init__(self, total: int) -> None:
        self._bar = tqdm(total=total, unit="call", file=sys.stderr, dynamic_ncols=True,
                         bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} calls{postfix}")

    def update(self, progress: BatchProgress) -> None:
        eta = "—" if progress.eta_s is None else str(datetime.timedelta(seconds=round(progress.eta_s)))
        failed = f", {progress.failed} failed" if progress.failed else ""
        self._bar.set_postfix_str(f"{progress.audio_hours_per_hour:.1f} audio h per h, ETA {eta}{failed}",
                                  refresh=False)
        self._bar.update(progress.done - self._bar.n)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        self._bar.close()
