"""The documentation cannot drift from the code: the command-line reference is the parsers' own, the layout
table is the tree's, the README fits on a screen with its two set-up commands, and links lead somewhere."""

import re
import runpy
from pathlib import Path

from tests.conftest import ROOT

DOCS = ROOT / "docs"
REFERENCE = runpy.run_path(str(ROOT / "scripts" / "make_cli_reference.py"))
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
LAYOUT_ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)


def test_the_command_line_reference_is_generated_from_the_parsers():
    written = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert written == REFERENCE["render"](), \
        "docs/cli.md is stale: regenerate it with `python scripts/make_cli_reference.py` and commit it"


def test_the_reference_names_every_subcommand_nested_ones_too():
    from inspector.cli import build_parser
    written = (DOCS / "cli.md").read_text(encoding="utf-8")
    paths = [path for path, _parser, _help in REFERENCE["commands"](build_parser())]
    assert ("users", "add") in paths and ("hub", "serve") in paths and ("stats", "icc") in paths
    missing = [" ".join(p) for p in paths if f"\n## inspector {' '.join(p)}\n" not in written]
    assert not missing, f"docs/cli.md lacks {missing}"


def test_the_staleness_check_names_the_command_that_regenerates(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "cli.md"
    stale.write_text("# an old reference\n", encoding="utf-8")
    main = REFERENCE["main"]
    monkeypatch.setitem(main.__globals__, "TARGET", stale)
    monkeypatch.setitem(main.__globals__, "ROOT", tmp_path)
    monkeypatch.setattr("sys.argv", ["make_cli_reference.py", "--check"])
    assert main() == 1
    assert "python scripts/make_cli_reference.py" in capsys.readouterr().err


def _layout_paths() -> list[str]:
    return LAYOUT_ROW.findall((DOCS / "architecture.md").read_text(encoding="utf-8"))


def test_the_layout_table_lists_every_package_and_top_level_module():
    listed = {p.rstrip("/") for p in _layout_paths()}
    package = ROOT / "inspector"
    packages = {init.parent.relative_to(ROOT).as_posix() for init in package.rglob("__init__.py")} - {"inspector"}
    modules = {m.relative_to(ROOT).as_posix() for m in package.glob("*.py")} - {"inspector/__init__.py"}
    missing = sorted((packages | modules) - listed)
    assert not missing, f"docs/architecture.md's layout table does not list {missing}"


def test_the_layout_table_lists_nothing_that_does_not_exist():
    paths = _layout_paths()
    assert len(paths) > 20
    ghosts = [p for p in paths if not (ROOT / p).exists()]
    assert not ghosts, f"docs/architecture.md lists {ghosts}, which are not in the tree"


def test_the_readme_fits_on_a_screen_with_exactly_the_two_set_up_commands_and_the_offline_section_apart():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 120
    set_up = readme.split("## Set-up on a fresh", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^bash scripts/\S+", set_up, re.MULTILINE)
    assert commands == ["bash scripts/demo.sh", "bash scripts/test.sh"]
    offline = readme.split("## Offline centres", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^bash scripts/\S+", offline, re.MULTILINE) == ["bash scripts/bundle.sh"]
    assert "install.sh" in offline
    image = re.search(r"!\[[^\]]*\]\((docs/images/[^)]+\.png)\)", readme)
    assert image and (ROOT / image[1]).stat().st_size < 400_000


def test_every_relative_link_in_the_readme_and_docs_leads_to_a_file():
    broken = []
    for page in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "#", "mailto:")):
                continue
            if not (page.parent / target.split("#")[0]).exists():
                broken.append(f"{page.relative_to(ROOT)} → {target}")
    assert not broken, broken
