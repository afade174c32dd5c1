"""What a hit's confidence means on recognised speech: how often hits resting on the same kind of evidence
were right, measured on recognised calls (bench/rules_e2e.py), and what that decides.

A rule gives a hit a confidence from how it found it (an exact phrase 1.0, an absence 0.9, a phrase by
sound 0.74 …). Those are guesses; on recognised speech some kinds of evidence are right far less often
than their number says (a trigger heard by sound, a speech rate read from misrecognised characters). The
pack's ``[calibration]`` table gives, per kind of evidence (``basis``), the share of such hits that were
right, and two cut-offs: a hit at ``hit_from`` or more is asserted with that confidence, one between
``listen_from`` and ``hit_from`` becomes "listen to confirm" (nothing prefilled until an inspector
confirms it), one under ``listen_from`` is not raised. Only recognised transcripts (words with
confidences) are calibrated: a reference text has no recognition errors to discount.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from inspector.rules.hits import Hit

BASES = ("exact", "by_sound", "heard_again", "absent", "absent_not_heard", "absent_by_sound", "measured")
SOUND_WHYS = ("同音", "近音", "备选识别", "略去语气词")
LISTEN_MARK = "需听音确认："


@dataclass(frozen=True)
class Calibration:
    precision: dict[str, float]     # basis -> share of such hits that were right on recognised speech
    hit_from: float = 0.8
    listen_from: float = 0.5
    source: str = ""                # where it was measured, for the record


def basis(hit: Hit) -> str | None:
    """The kind of evidence a hit rests on; None for a "listen to confirm" hit (already not asserted)."""
    if hit.listen:
        return None
    parts = [p.strip() for p in hit.why.split(";")]
    by_sound = any(p.startswith(SOUND_WHYS) for p in parts)
    if parts[0] == "absent":
        if any(p.startswith("relistened") and p.endswith("not heard") for p in parts):
            return "absent_not_heard"
        return "absent_by_sound" if by_sound else "absent"
    if parts[0] == "measured":
        return "measured"
    if any(p.startswith("relistened") and p.endswith(": heard") for p in parts):
        return "heard_again"
    return "by_sound" if by_sound else "exact"


def calibrate(hits: list[Hit], calibration: Calibration) -> list[Hit]:
    out = []
    for hit in hits:
        kind = basis(hit)
        if kind is None or kind not in calibration.precision:
            out.append(hit)
            continue
        right = calibration.precision[kind]
        why = f"{hit.why}; calibrated {kind} {right:.2f}"
        if right >= calibration.hit_from:
            out.append(replace(hit, confidence=round(right, 2), why=why))
        elif right >= calibration.listen_from:
            out.append(replace(hit, confidence=round(right, 2), why=f"listen: {why}", listen=True,
                               evidence=hit.evidence if hit.evidence.startswith(LISTEN_MARK)
                               else LISTEN_MARK + hit.evidence))
    return out
