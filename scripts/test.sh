#!/usr/bin/env bash
# Install everything, then run the architecture check and the whole test suite.
# The suite starts its own PulseAudio null sink and Xvfb; screenshots land in artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
# The Mandarin tests find the model install.sh just installed (tests/speech_models.py).
.venv/bin/lint-imports
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
