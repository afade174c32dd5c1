"""Reading the TOML data files a team lead edits (rule packs, scorecards), with errors naming the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from inspector.bounded_read import read_text_bounded

MAX_TOML = 8 * 1024 * 1024      # the default rule pack is 40 kB


def read_toml(path: Path, what: str, error: type[Exception]) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text_bounded(path, MAX_TOML))
    except OSError as exc:
        raise error(f"{path}: cannot read the {what} ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid TOML ({exc})") from exc
    except RecursionError as exc:
        raise error(f"{path}: nested too deeply to be a {what}") from exc
