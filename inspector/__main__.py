"""Entry point: ``python -m inspector``, ``python main.py`` and the installed ``inspector`` command.

This is the composition root, the one module allowed to pick between the CLI and the Qt UI. Before either
runs, the start-up checks: an older workspace is backed up and migrated (an upgrade), and the window's
system libraries are looked for before Qt would abort on a missing one.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from inspector.cli import build_parser, run_command
    from inspector.installation import version, version_text
    from inspector.store.database import SCHEMA_VERSION

    parser = build_parser()
    parser.add_argument("--version", action="store_true", help="say what is installed: version, build and where")
    args = parser.parse_args(argv)
    if args.version:
        print(version_text(SCHEMA_VERSION))
        return 0
    problem = _upgrade(args, version())
    if problem:
        print(f"inspector: {problem}", file=sys.stderr)
        return 2
    if args.command:
        return run_command(args)
    problem = _window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from inspector.ui.app import run_gui

    return run_gui(args)


def _upgrade(args, version: str) -> str | None:
    """The workspace migrated after its backup; a failed backup or migration stops the start (nothing was
    changed), and a newer workspace is left to the database's own refusal where it is opened."""
    from inspector.domain.errors import StorageError
    from inspector.workspace import Workspace
    from inspector.workspace_upgrade import upgrade_workspace

    try:
        upgrade = upgrade_workspace(Workspace.chosen(args.data_dir, args.demo), version)
    except StorageError as exc:
        return str(exc)
    if upgrade is not None:
        print(f"inspector: {upgrade.message()}", file=sys.stderr)
    return None


def _window_problem() -> str | None:
    """A missing window library stops the start with its package named; no sound or no Chinese font only
    warns, since the window is still of use."""
    from inspector.system_libraries import font_problem, sound_problem, window_problem

    problem = window_problem()
    if problem:
        return problem
    for warning in (sound_problem(), font_problem()):
        if warning:
            print(warning, file=sys.stderr)
    return None


if __name__ == "__main__":
    sys.exit(main())
