"""What a Vosk model folder must contain, and checksums of known official models.

A model copied by hand is often incomplete (a missing graph, a truncated download); the inspector gets
the exact list of what is missing instead of a crash deep inside Kaldi.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from inspector.filehash import file_sha256

REQUIRED = ("am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "ivector/final.ie", "ivector/final.mat",
            "ivector/final.dubm", "ivector/global_cmvn.stats", "ivector/online_cmvn.conf", "ivector/splice.conf")
GRAPHS = (("graph/HCLG.fst",), ("graph/HCLr.fst", "graph/Gr.fst"))

KNOWN_MODELS: dict[str, dict[str, str]] = {
    "vosk-model-small-cn-0.22": {
        "zip": "3af8b0e7e0f835ae9d414ce5df580237a3cfb08d586c9fbbb0f7ff29ad5b14ba",
        "am/final.mdl": "91eda2c04c4f599361cb92b0e5298ccdf6b3c7a1fa52bfcefcd2c4e07aa1c131",
        "graph/Gr.fst": "46d41a9b1723abccdcb354d731a5b58d87c060100d88ada1a3e31220f52b0434",
        "graph/HCLr.fst": "798af0d9ba6f2d727747f58e1e7b2305f8618bc8ea7f6c51beecd8a2c965b965",
        "ivector/final.ie": "c39d46fbff04efb7baa9660ae7a728b0e2f35a4a1250b56ed3a599e26956df86",
    },
}


@dataclass(frozen=True)
class ModelCheck:
    path: Path
    missing: tuple[str, ...] = ()
    mismatched: tuple[str, ...] = ()
    verified: bool = False            # every file of a known official model matched its checksum
    sample_rate: int = 16000
    allow_upsample: bool = False
    allow_downsample: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return not self.missing and not self.mismatched

    def problem(self) -> str:
        parts = []
        if self.missing:
            parts.append("missing " + ", ".join(self.missing))
        if self.mismatched:
            parts.append("checksum mismatch in " + ", ".join(self.mismatched) + " (damaged or altered download)")
        return f"{self.path}: not a usable Vosk model: " + "; ".join(parts) if parts else ""


def check_model(path: Path, known_name: str | None = None) -> ModelCheck:
    """Layout, feature settings and, for known official models, checksums of the key files."""
    path = Path(path)
    if not path.is_dir():
        return ModelCheck(path, missing=("the folder itself",))
    missing = [name for name in REQUIRED if not (path / name).is_file()]
    if not any(all((path / g).is_file() for g in graph) for graph in GRAPHS):
        missing.append("graph/HCLG.fst (or graph/HCLr.fst with graph/Gr.fst)")
    rate, up, down = _features(path / "conf" / "mfcc.conf")
    known = KNOWN_MODELS.get(known_name or path.name)
    mismatched: list[str] = []
    if known is not None and not missing:
        mismatched = [name for name, digest in known.items()
                      if name != "zip" and (not (path / name).is_file() or file_sha256(path / name) != digest)]
    return ModelCheck(path, tuple(missing), tuple(mismatched), known is not None and not missing and not mismatched,
                      rate, up, down)


def _features(conf: Path) -> tuple[int, bool, bool]:
    try:
        text = conf.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 16000, False, False
    rate = re.search(r"--sample-frequency=(\d+)", text)
    return (int(rate.group(1)) if rate else 16000, "--allow-upsample=true" in text,
            "--allow-downsample=true" in text)
