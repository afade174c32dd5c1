"""A Dask worker preload that holds one call until the test says so, so a test can interrupt a batch at a
point it chooses instead of racing the batch to its end.

Loaded into every worker process through Dask's own setting (``DASK_DISTRIBUTED__WORKER__PRELOAD``), which a
LocalCluster's workers inherit with the environment; the held call waits until ``INSPECTOR_TEST_RELEASE``
exists, every other call runs as usual.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

HOLD = "INSPECTOR_TEST_HOLD_CALL"
RELEASE = "INSPECTOR_TEST_RELEASE"


def environment(call_id: str, release: Path) -> dict[str, str]:
    """What a batch's environment needs for its workers to hold ``call_id`` until ``release`` exists."""
    return {"DASK_DISTRIBUTED__WORKER__PRELOAD": f'["{__name__}"]', HOLD: call_id, RELEASE: str(release)}


def dask_setup(worker) -> None:
    import inspector.pipeline.worker as tasks

    held, release, process_call = os.environ[HOLD], Path(os.environ[RELEASE]), tasks.process_call

    def holding(task, tools):
        while task.call_id == held and not release.exists():
            time.sleep(0.05)            # waits for the test's file, not for an amount of time
        return process_call(task, tools)

    tasks.process_call = holding
