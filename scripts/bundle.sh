#!/usr/bin/env bash
# Builds the offline bundle dist/inspector-VERSION-linux-x86_64.tar.gz: the one file a centre without network
# carries in and installs with `bash install.sh` (docs/offline-install.md). Run it where there is a network:
# the first run installs the build tools into .venv and the Mandarin model into the data folder. The bundle
# runs on machines whose glibc is at least this one's, so build on the centres' distribution or an older one.
#
# Usage: bundle.sh [--version V] [--model DIR] [--out DIR] [--app-from GIT_REF]
#   --version V      the version to stamp (default: the package's, inspector.__version__)
#   --model DIR      the vosk-model-small-cn-0.22 folder to carry (default: the installed one)
#   --out DIR        where the bundle goes (default: dist/)
#   --app-from REF   the application (inspector/ and resources/) of another git revision over this
#                    checkout's frozen libraries: how the upgrade test builds a previous release
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BUILD="$ROOT/build/bundle"
MODEL_NAME=vosk-model-small-cn-0.22

fail() { echo "bundle.sh: $*" >&2; exit 1; }
version="" model="" out="$ROOT/dist" app_from=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --app-from) app_from="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | cut -c3-; exit 0 ;;
    *) fail "unknown argument $1 (see bundle.sh --help)" ;;
  esac
done
started=$SECONDS

# 1. The build tools and every dependency, in the project's .venv.
if ! .venv/bin/python -c 'import PyInstaller, distributed, vosk' 2>/dev/null; then
  bash scripts/install.sh bundle
fi
PY="$ROOT/.venv/bin/python"

# 2. The Mandarin model.
if [ -z "$model" ]; then
  shared="$(cd .. && pwd)/shared/models"
  [ -d "$shared" ] || shared=""
  model="$("$PY" -m inspector models install-default ${shared:+--shared "$shared"} |
           "$PY" -c 'import json, sys; print(json.load(sys.stdin)["path"])')"
fi
[ -f "$model/am/final.mdl" ] || fail "$model: not a Vosk model folder (no am/final.mdl)"

# 3. The frozen libraries: PyInstaller, again only when what it analyses has changed (the spec, the
# application's imports, the installed packages).
key="$( (cat packaging/inspector.spec packaging/launcher.py; find inspector -name '*.py' | LC_ALL=C sort | xargs cat;
         "$PY" -m pip list --format=freeze --disable-pip-version-check 2>/dev/null; "$PY" -VV) | sha256sum | cut -c1-64)"
if [ "$(cat "$BUILD/freeze.key" 2>/dev/null)" != "$key" ] || [ ! -x "$BUILD/dist/inspector/inspector" ]; then
  echo "Freezing with PyInstaller (a few minutes)…"
  rm -f "$BUILD/freeze.key"
  "$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$BUILD/dist" --workpath "$BUILD/work" \
    packaging/inspector.spec
  echo "$key" > "$BUILD/freeze.key"
else
  echo "Frozen libraries are up to date ($BUILD/dist)"
fi

# 4. The application itself, whole: inspector/ and resources/ of this checkout (or of --app-from REF).
source="$ROOT" commit="$(git describe --always --dirty 2>/dev/null || echo unknown)"
if [ -n "$app_from" ]; then
  source="$BUILD/source"
  rm -rf "$source" && mkdir -p "$source"
  git archive "$app_from" inspector resources | tar -x -C "$source"
  commit="$(git rev-parse --short "$app_from")"
fi
if [ -z "$version" ]; then
  version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$source/inspector/__init__.py")"
fi
name="inspector-$version-linux-x86_64"
stage="$BUILD/stage/$name"
rm -rf "$BUILD/stage" && mkdir -p "$stage"
cp -a "$BUILD/dist/inspector" "$stage/app"
internal="$stage/app/_internal"
rm -rf "$internal/inspector" "$internal/resources"
cp -a "$source/inspector" "$source/resources" "$internal/"
find "$internal/inspector" "$internal/resources" \( -name __pycache__ -o -name '*.pyc' -o -name '*.qm' \) -prune \
  -exec rm -rf {} +
lrelease="$("$PY" -c 'from inspector.ui.i18n import LRELEASE; print(LRELEASE)')"
for catalogue in "$internal"/resources/translations/*.ts; do
  "$lrelease" -silent "$catalogue" -qm "${catalogue%.ts}.qm"
done
# bytecode checked against its source's hash: right whatever the files' times become on the way
"$PY" -m compileall -q -j 0 --invalidation-mode checked-hash "$internal/inspector" >/dev/null

mkdir -p "$stage/app/models" "$stage/app/share"
cp -a "$model" "$stage/app/models/$MODEL_NAME"
cp packaging/inspector.desktop packaging/inspector.svg "$stage/app/share/"
cp packaging/install.sh packaging/uninstall.sh packaging/README.txt "$stage/"
# the newest glibc symbol version any carried binary needs: what install.sh asks of a machine
glibc="$("$PY" - "$stage/app" <<'EOF'
import re, sys
from pathlib import Path
versions = {tuple(map(int, v.split(b"."))) for p in Path(sys.argv[1]).rglob("*") if p.is_file() and not p.is_symlink()
            and p.open("rb").read(4) == b"\x7fELF" for v in re.findall(rb"GLIBC_(2\.\d+)", p.read_bytes())}
print(".".join(map(str, max(versions))))
EOF
)"
"$PY" - "$stage/app/BUILD.json" "$version" "$commit" "$glibc" <<'EOF'
import json, sys
from datetime import datetime, timezone
path, version, commit, glibc = sys.argv[1:]
built = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
stamp = {"version": version, "commit": commit, "built": built, "glibc": glibc, "platform": "linux-x86_64"}
open(path, "w").write(json.dumps(stamp, indent=1) + "\n")
EOF
(cd "$stage" && find . -type f ! -name SHA256SUMS -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum) \
  > "$stage/SHA256SUMS"

# 5. One file, and its checksum to carry beside it.
mkdir -p "$out"
archive="$out/$name.tar.gz"
# gzip -1: a third of -6's time for 7 % more (177 against 165 MB); carried on a stick, size hardly matters
tar -C "$BUILD/stage" -cf - "$name" | gzip -1 > "$archive.part"
mv "$archive.part" "$archive"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "Built $archive ($(du -m "$archive" | cut -f1) MB; $(du -sm "$stage" | cut -f1) MB installed) in $((SECONDS - started)) s"
echo "Its checksum, $archive.sha256 (check it on arrival: sha256sum -c $name.tar.gz.sha256):"
cat "$archive.sha256"
