"""Bundled resources by name; an unknown name raises at once instead of failing later as a missing file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

RESOURCE_ROOT = Path(__file__).resolve().parents[1] / "resources"


class ResourceNotFound(LookupError):
    pass


@cache
def resource_path(*parts: str) -> Path:
    path = RESOURCE_ROOT.joinpath(*parts)
    if not path.exists():
        raise ResourceNotFound(f"no bundled resource {'/'.join(parts)} (looked in {RESOURCE_ROOT})")
    return path


def demo_folder() -> Path:
    return resource_path("demo")
