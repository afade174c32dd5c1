#!/usr/bin/env bash
# Removes an Inspector installed by install.sh: the application, its command, menu entry and icon. Workspaces
# (each user's ~/.local/share/inspector, with its database and backups) are kept: they are the centre's data.
# Usage: uninstall.sh [--prefix DIR]   (default: the install this script belongs to, else ~/.local or, as
# root, /opt/inspector)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

fail() { echo "uninstall.sh: $*" >&2; exit 1; }

prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,5p' "$0" | cut -c3-; exit 0 ;;
    *) fail "unknown argument $1 (usage: uninstall.sh [--prefix DIR])" ;;
  esac
done
if [ -z "$prefix" ]; then
  if [ -f "$here/INSTALLED" ]; then prefix="$(cd "$here/../.." && pwd)"
  elif [ "$(id -u)" -eq 0 ]; then prefix=/opt/inspector
  else prefix="$HOME/.local"; fi
fi
target="$prefix/lib/inspector"
[ -f "$target/INSTALLED" ] || fail "no Inspector installed by install.sh in $prefix (no $target/INSTALLED)"

# Files first, then the folders install.sh created, deepest first, each only if nothing else is in it.
manifest="$(cat "$target/INSTALLED")"
while read -r kind path; do
  [ "$kind" = file ] && rm -f "$path"
done <<< "$manifest"
rm -rf "$target"
while read -r kind path; do
  [ "$kind" = folder ] && rmdir --ignore-fail-on-non-empty "$path" 2>/dev/null || true
done <<< "$(printf '%s\n' "$manifest" | sort -r -k2)"
rmdir --ignore-fail-on-non-empty "$prefix/lib" 2>/dev/null || true
[ "$prefix" = /opt/inspector ] && rmdir --ignore-fail-on-non-empty "$prefix" 2>/dev/null || true
echo "Inspector removed from $prefix; workspaces were kept (each user's ~/.local/share/inspector)."
