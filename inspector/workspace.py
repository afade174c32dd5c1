"""Where a workstation keeps its data: one folder with the database and the caches beside it.

The folder comes from platformdirs unless INSPECTOR_DATA_DIR says otherwise, which is how tests and the
demo keep away from a user's real data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "inspector"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def default(cls) -> Workspace:
        override = os.environ.get("INSPECTOR_DATA_DIR")
        root = Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)
        return cls(root)

    @classmethod
    def chosen(cls, data_dir: Path | None, demo: bool) -> Workspace:
        """--data-dir wins; --demo keeps the demo in its own folder inside the default workspace."""
        if data_dir is not None:
            return cls(data_dir)
        default = cls.default()
        return cls(default.root / "demo") if demo else default

    @property
    def database(self) -> Path:
        return self.root / "inspector.sqlite3"

    @property
    def peak_cache(self) -> Path:
        return self.root / "peaks"

    def peak_file(self, content_hash: str) -> Path:
        return self.peak_cache / f"{content_hash}.npz"


def config_dir() -> Path:
    override = os.environ.get("INSPECTOR_CONFIG_DIR")
    return Path(override) if override else platformdirs.user_config_path(APP_NAME, appauthor=False)
