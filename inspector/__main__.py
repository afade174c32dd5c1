"""Entry point: ``python -m inspector``, ``python main.py`` and the installed ``inspector`` command.

This is the composition root, the one module allowed to pick between the CLI and the Qt UI.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from inspector.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    from inspector.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
