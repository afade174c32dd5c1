"""Decoding profiles: how wide the recogniser searches. "accurate" is the model's own setting; "fast"
narrows the search (max-active 1000, beam 8).

Measured by bench/asr_cer.py on the six demo calls with vosk-model-small-cn-0.22 on this 2-core machine:
accurate CER 57.9 %, RTF 0.172 per core; fast CER 58.2 %, RTF 0.057, the same rule hits; but fast heard
the greeting "您好，很高兴为您服务" as 你好, and the greeting is what R01 checks. So "accurate" is the default
at the workstation, and "fast" is the choice where throughput rules (a centre's batch), a third of the
cores for the same calls. Robotic demo speech: re-measure on human speech before relying on either.

Vosk reads its search width from the model's conf/model.conf only, so a profile is a shadow folder: the
model's files linked, conf/model.conf rewritten. The shadow lives in a cache folder, never in the model.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

PROFILES: dict[str, dict[str, str]] = {
    "accurate": {},
    "fast": {"max-active": "1000", "beam": "8.0"},
}
DEFAULT_PROFILE = "accurate"


def profile_folder(model: Path, profile: str, cache: Path) -> Path:
    """The folder Vosk should load for `model` under `profile` (the model itself for "accurate")."""
    if profile not in PROFILES:
        raise ValueError(f"unknown decoding profile {profile!r}; known: {', '.join(PROFILES)}")
    changes = PROFILES[profile]
    if not changes:
        return model
    model = model.resolve()
    shadow = cache / f"{model.name}-{profile}-{hashlib.sha256(str(model).encode()).hexdigest()[:8]}"
    conf = shadow / "conf"
    if not (conf / "model.conf").is_file():
        # several processes may build the same shadow at once (a batch's workers on a fresh machine): each
        # link is made by whichever comes first, and each writes its model.conf apart before moving it in
        conf.mkdir(parents=True, exist_ok=True)
        for entry in model.iterdir():
            if entry.name != "conf":
                _link(shadow / entry.name, entry)
        for entry in (model / "conf").iterdir():
            if entry.name != "model.conf":
                _link(conf / entry.name, entry)
        text = (model / "conf" / "model.conf").read_text(encoding="utf-8")
        for option, value in changes.items():
            text, found = re.subn(rf"^--{option}=.*$", f"--{option}={value}", text, flags=re.M)
            if not found:
                text += f"\n--{option}={value}\n"
        partial = conf / f"model.conf.{uuid.uuid4().hex}.partial"
        partial.write_text(text, encoding="utf-8")
        partial.replace(conf / "model.conf")     # complete or absent, never half written
    return shadow


def _link(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except FileExistsError:       # made by another process building the same shadow
        pass
