#!/usr/bin/env bash
# Install everything, then run the architecture check and the whole test suite.
# The suite starts its own PulseAudio null sink and Xvfb; screenshots land in artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
# The Mandarin tests find the model install.sh just installed (tests/speech_models.py).
.venv/bin/lint-imports
# Two workers (pytest-xdist), each taking whole files (a file's module and session fixtures stay in one worker),
# the files with slow tests first (tests/conftest.py): much of the suite waits on subprocesses, so two workers
# keep both cores busy. `-n 0` among the arguments runs it in one process.
exec .venv/bin/python -m pytest -q -p no:cacheprovider -n 2 --dist loadfile --no-loadscope-reorder "$@"
