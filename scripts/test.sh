#!/usr/bin/env bash
# Install everything, then run the architecture check and the whole test suite.
# The suite starts its own PulseAudio null sink and Xvfb; screenshots land in artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
zh_model="$(cd .. && pwd)/shared/models/vosk-model-small-cn-0.22"
if [ -z "${INSPECTOR_TEST_VOSK_MODEL_ZH:-}" ] && [ -d "$zh_model" ]; then
  export INSPECTOR_TEST_VOSK_MODEL_ZH="$zh_model"
fi
.venv/bin/lint-imports
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
