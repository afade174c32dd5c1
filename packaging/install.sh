#!/usr/bin/env bash
# Installs Inspector from this offline bundle, with no network: into DIR (default ~/.local, or /opt/inspector
# as root), the command at DIR/bin/inspector, a menu entry and its icon. Over an older version it upgrades:
# the workspaces stay where they are, and each is backed up and migrated when the new version first opens it.
# A newer installed version is not replaced (a downgrade is refused).
# Usage: install.sh [--prefix DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

fail() { echo "install.sh: $*" >&2; exit 1; }
stamp() { sed -n "s/^ *\"$2\": *\"\([^\"]*\)\".*/\1/p" "$1"; }     # a field of a BUILD.json
older() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$1" ]; }

prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,6p' "$0" | cut -c3-; exit 0 ;;
    *) fail "unknown argument $1 (usage: install.sh [--prefix DIR])" ;;
  esac
done
system_wide=""
if [ -z "$prefix" ]; then
  if [ "$(id -u)" -eq 0 ]; then prefix=/opt/inspector; system_wide=1; else prefix="$HOME/.local"; fi
fi
mkdir -p "$prefix" || fail "cannot create $prefix"
prefix="$(cd "$prefix" && pwd)"
target="$prefix/lib/inspector"
version="$(stamp "$here/app/BUILD.json" version)"

echo "Checking the bundle's files against SHA256SUMS…"
(cd "$here" && sha256sum --quiet --strict -c SHA256SUMS) ||
  fail "the bundle is damaged (the files above differ from SHA256SUMS): copy the .tar.gz again and check it with its .sha256"

need_glibc="$(stamp "$here/app/BUILD.json" glibc)"
have_glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
if [ -n "$need_glibc" ] && older "${have_glibc:-0}" "$need_glibc"; then
  fail "this bundle needs glibc $need_glibc or newer and this machine has ${have_glibc:-none}: build the bundle on a machine with this distribution (or an older one), see docs/offline-install.md"
fi

if [ -f "$target/BUILD.json" ]; then
  installed="$(stamp "$target/BUILD.json" version)"
  if older "$version" "$installed"; then
    fail "Inspector $installed is installed in $target and this bundle is the older $version: a downgrade is refused (workspaces upgraded by $installed cannot be opened by $version). Install $installed or newer; to go back anyway, run $target/uninstall.sh first and restore a workspace backup from before the upgrade (its backups/ folder)."
  fi
  echo "Upgrading Inspector $installed to $version in $target"
else
  echo "Installing Inspector $version into $target"
fi

# The new version is laid out and started beside the old one first: a bundle that cannot run on this machine
# leaves the installed version as it was.
mkdir -p "$prefix/lib"
staging="$(mktemp -d "$prefix/lib/.inspector-new.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp -a "$here/app/." "$staging/"
cp "$here/uninstall.sh" "$staging/uninstall.sh"
sed -n 's#^\([0-9a-f]\{64\}\)  app/#\1  #p' "$here/SHA256SUMS" > "$staging/SHA256SUMS"
"$staging/inspector" --help >/dev/null ||
  fail "the new version does not start on this machine (see above); $target was not changed"

manifest="$staging/INSTALLED"            # what lies outside $target, for uninstall.sh
: > "$manifest"
folder() {                               # mkdir -p, recording each folder it creates
  local dir="$1" created=()
  while [ ! -d "$dir" ]; do created+=("$dir"); dir="$(dirname "$dir")"; done
  mkdir -p "$1"
  for dir in "${created[@]}"; do echo "folder $dir" >> "$manifest"; done
}
link() { folder "$(dirname "$2")"; ln -sfn "$1" "$2"; echo "file $2" >> "$manifest"; }
[ -f "$target/INSTALLED" ] && grep '^folder ' "$target/INSTALLED" >> "$manifest" || true

if [ -e "$target" ]; then
  old="$(mktemp -d "$prefix/lib/.inspector-old.XXXXXX")"
  mv "$target" "$old/"
  mv "$staging" "$target"
  rm -rf "$old"
else
  mv "$staging" "$target"
fi
trap - EXIT
manifest="$target/INSTALLED"

link ../lib/inspector/inspector "$prefix/bin/inspector"
icon="$prefix/share/icons/hicolor/scalable/apps/inspector.svg"
link "$target/share/inspector.svg" "$icon"
desktop="$prefix/share/applications/inspector.desktop"
folder "$(dirname "$desktop")"
sed -e "s#@COMMAND@#$prefix/bin/inspector#" -e "s#@ICON@#$icon#" "$target/share/inspector.desktop" > "$desktop"
echo "file $desktop" >> "$manifest"
if [ -n "$system_wide" ]; then            # root's default: on everyone's PATH and in everyone's menu
  link "$prefix/bin/inspector" /usr/local/bin/inspector
  link "$desktop" /usr/local/share/applications/inspector.desktop
fi
command -v update-desktop-database >/dev/null && update-desktop-database -q "$(dirname "$desktop")" 2>/dev/null || true

echo "Installed: $("$prefix/bin/inspector" --version 2>/dev/null || echo "inspector $version")"
echo "Command: $prefix/bin/inspector    Menu entry: $desktop    Uninstall: $target/uninstall.sh"
echo "Workspaces are not part of the install: each user's stays in ~/.local/share/inspector."
