#!/usr/bin/env bash
# Install everything, then open Inspector on the bundled demo workspace (six reference calls).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m inspector --demo "$@"
