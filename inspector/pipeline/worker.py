"""One set of tools per Dask worker process, through Dask's own plugin mechanism: the plugin is sent to
every worker (and to any that joins later), loads the model and the pack in ``setup``, and the tasks of
that worker use them. A call never loads a model."""

from __future__ import annotations

from distributed import WorkerPlugin, get_worker

from inspector.pipeline.call import CallResult, process_call
from inspector.pipeline.tasks import CallTask, Tools, ToolSpec, load_tools

PLUGIN_NAME = "inspector-tools"


class ToolsPlugin(WorkerPlugin):
    idempotent = False          # a new batch may bring another model or pack: workers load it anew

    def __init__(self, spec: ToolSpec) -> None:
        self.spec = spec
        self.tools: Tools | None = None

    def setup(self, worker) -> None:
        self.tools = load_tools(self.spec)

    def teardown(self, worker) -> None:
        self.tools = None


def run_on_worker(task: CallTask) -> CallResult:
    """The Dask task: the call done with the tools this worker process loaded once."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    return process_call(task, plugin.tools)
