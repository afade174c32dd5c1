"""The Dask client a batch runs on: a LocalCluster with one single-threaded worker process per core, or
an existing scheduler. Single-threaded processes because recognition is CPU-bound and each worker holds
its own model; Dask re-runs the calls of a worker that dies on the others.

A Dask scheduler runs whatever its clients send, so no batch talks to one without TLS: the LocalCluster
listens on 127.0.0.1 with credentials made for this run (another account on the machine cannot join it),
and a scheduler elsewhere is reached over tls:// with the centre's credentials (pipeline.credentials)."""

from __future__ import annotations

import importlib.util
import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster
from distributed.security import Security

from inspector.pipeline.credentials import Credentials, scheduler_problem

CONNECT_TIMEOUT_S = 10
# Dask samples every worker's stacks every 10 ms for its profile page; on calls that are seconds of pure
# CPU each, that sampling was the larger part of what a worker adds (bench/batch.py), and nobody reads a batch's
# profile. Workers started with `dask worker` take the same setting from DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED.
BATCH_CONFIG = {"distributed.worker.profile.enabled": False}


class ClusterError(Exception):
    """The scheduler cannot be reached: the address and the reason."""


@contextmanager
def batch_client(workers: int | None = None, scheduler: str | None = None,
                 credentials: Credentials | None = None) -> Iterator[Client]:
    if scheduler:
        problem = scheduler_problem(scheduler, credentials)
        if problem or credentials is None:
            raise ClusterError(problem)
        security = Security(tls_ca_file=str(credentials.ca), tls_client_cert=str(credentials.cert),
                            tls_client_key=str(credentials.key), require_encryption=True)
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, security=security)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
        with client:
            yield client
        return
    dashboard = "127.0.0.1:0" if importlib.util.find_spec("bokeh") else None
    with dask.config.set(BATCH_CONFIG), _workers_ignore_ctrl_c():
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=dashboard, silence_logs=logging.ERROR,
                               security=Security.temporary(), protocol="tls://")
    with cluster, Client(cluster) as client:
        yield client


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl+C in a terminal reaches every process of the group; the worker processes, started while it
    is ignored, inherit that, and the client alone stops the batch and closes the cluster in order."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def dashboard_link(client: Client) -> str | None:
    """The scheduler's dashboard, when it runs one (it needs bokeh installed where the scheduler runs)."""
    if "dashboard" not in client.scheduler_info(n_workers=0).get("services", {}):
        return None
    return client.dashboard_link
