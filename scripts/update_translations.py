"""Refresh the zh_CN catalogue from the UI sources, keeping every translation already made.

    python scripts/update_translations.py                  # lupdate; list what still needs translating
    python scripts/update_translations.py --from OTHER.ts  # also take translations from another catalogue
    python scripts/update_translations.py --fill T.json    # and from {"source": "translation"} pairs

Several people add strings at once; their catalogues conflict line by line, never in substance. Merging
them is: keep either side's .ts, run this with --from the other side's, translate what is left.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "translations" / "inspector_zh_CN.ts"


def _known(path: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished" and (translation.text or "").strip():
                found[(context.findtext("name"), message.findtext("source"))] = translation.text
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="others", type=Path, action="append", default=[])
    parser.add_argument("--fill", type=Path, help="JSON object: source text → translation (any context)")
    args = parser.parse_args()
    from inspector.ui.i18n import LRELEASE

    extra: dict[tuple[str, str], str] = {}
    for other in args.others:
        extra.update(_known(other))
    by_source = json.loads(args.fill.read_text(encoding="utf-8")) if args.fill else {}
    sources = sorted(str(p) for p in (ROOT / "inspector" / "ui").glob("*.py"))
    # no line numbers: they change with every edit of a widget and make every merge of the catalogue conflict
    lupdate = [str(LRELEASE.with_name("lupdate")), "-silent", "-no-obsolete", "-locations", "none", *sources,
               "-ts", str(CATALOGUE)]
    subprocess.run(lupdate, check=True)
    tree = ET.parse(CATALOGUE)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source")
            text = extra.get((name, source)) or by_source.get(source)
            if text:
                translation.text = text
                del translation.attrib["type"]
            else:
                missing.append(f"{name}: {source}")
    tree.write(CATALOGUE, encoding="utf-8", xml_declaration=True)
    subprocess.run(lupdate, check=True)      # back into lupdate's own layout
    for line in missing:
        print(f"untranslated: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
