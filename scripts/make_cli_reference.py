"""Writes docs/cli.md from the command line's own argument parsers, so the reference cannot drift from the code.

Run it after adding or changing a command: ``python scripts/make_cli_reference.py``
(``--check`` exits 1 when docs/cli.md is stale, which tests/test_docs.py also asserts).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.cli import build_parser  # noqa: E402

TARGET = ROOT / "docs" / "cli.md"
REGENERATE = "python scripts/make_cli_reference.py"


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
             ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser, str]]:
    """Every subcommand, nested ones too, depth first in the order they were registered, with its help."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: _expanded(choice.help or "") for choice in action._choices_actions}
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:                    # an alias names the same parser again
                    continue
                seen.add(id(sub))
                yield (*path, name), sub, helps.get(name, "")
                yield from commands(sub, (*path, name))


def _expanded(text: str, default: object = None) -> str:
    """Help as argparse prints it: ``%(default)s`` filled in, ``%%`` a percent sign."""
    return text % {"default": default, "prog": "inspector"}


def _metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return action.metavar if isinstance(action.metavar, str) else " ".join(action.metavar)
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return "{" + ",".join(str(c) for c in action.choices) + "}"
    return action.dest.upper() if action.option_strings else action.dest


def _with_values(action: argparse.Action, name: str) -> str:
    """One spelling of an argument with its values, by nargs (what argparse's usage shows, made stable)."""
    if action.nargs == 0:
        return name
    value = _metavar(action)
    shapes = {None: value, "?": f"[{value}]", "*": f"[{value} ...]", "+": f"{value} [{value} ...]",
              argparse.REMAINDER: "..."}
    shaped = shapes.get(action.nargs, " ".join([value] * action.nargs) if isinstance(action.nargs, int) else value)
    return shaped if not action.option_strings else f"{name} {shaped}"


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions
            if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and a.help != argparse.SUPPRESS]


def _usage(path: tuple[str, ...], parser: argparse.ArgumentParser) -> str:
    parts = ["inspector", *path]
    for action in _arguments(parser):
        shown = _with_values(action, action.option_strings[0] if action.option_strings else action.dest)
        parts.append(shown if not action.option_strings or action.required else f"[{shown}]")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            parts.append("COMMAND ..." if action.required else "[COMMAND ...]")
    return " ".join(parts)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _meaning(action: argparse.Action) -> str:
    said = [_cell(_expanded(action.help or "", action.default))]
    if action.required and action.option_strings:
        said.append("required")
    plain = (str, int, float)
    default = action.default
    if (action.nargs != 0 and default not in (None, argparse.SUPPRESS, [], (), "")
            and isinstance(default, (*plain, list, tuple))):
        shown = ", ".join(map(str, default)) if isinstance(default, (list, tuple)) else str(default)
        said.append(f"default `{shown}`")
    return "; ".join(s for s in said if s)


def _table(parser: argparse.ArgumentParser) -> list[str]:
    rows = []
    for action in _arguments(parser):
        names = ", ".join(_with_values(action, n) for n in action.option_strings) or _with_values(action, action.dest)
        rows.append(f"| `{names}` | {_meaning(action)} |")
    return ["| argument | meaning |", "|---|---|", *rows] if rows else []


def _anchor(path: tuple[str, ...]) -> str:
    return "-".join(("inspector", *path)).lower()


def render(parser: argparse.ArgumentParser | None = None) -> str:
    parser = parser or build_parser()
    found = list(commands(parser))
    lines = ["# Command-line reference", "",
             f"Generated from the argument parsers by `{REGENERATE}`; do not edit by hand: "
             "a test fails when this page and the parsers differ. What the commands are for, with examples: "
             "[the user guide](user-guide.md) and [headquarters and administration](headquarters.md).", "",
             "Without a command, `inspector` opens the desktop window. Options that come before the command:", "",
             f"`{_usage((), parser)}`", "", *_table(parser), "", "## Commands", ""]
    for path, _sub, text in found:
        indent = "  " * (len(path) - 1)
        lines.append(f"{indent}- [`inspector {' '.join(path)}`](#{_anchor(path)}){' — ' + _cell(text) if text else ''}")
    for path, sub, text in found:
        lines += ["", f"## inspector {' '.join(path)}", ""]
        about = sub.description or text
        if about:
            lines += [_cell(about), ""]
        lines += ["```", _usage(path, sub), "```"]
        table = _table(sub)
        if table:
            lines += ["", *table]
    return "\n".join(lines) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    text = render()
    if check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run {REGENERATE}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
