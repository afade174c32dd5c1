"""Running a rule pack over one call."""

from __future__ import annotations

from collections.abc import Callable

from inspector.audio.activity import ActivityMap
from inspector.rules import acoustic_kinds, clarity_kind, courtesy_kinds, phrase_kinds, red_line_kinds, tariff_kind
from inspector.rules.calibration import calibrate
from inspector.rules.context import CallContext
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule, RulePack
from inspector.transcript.hearing import Listener, SharingListener
from inspector.transcript.model import Transcript

EVALUATORS: dict[str, Callable[[Rule, CallContext], list[Hit]]] = {
    "required": phrase_kinds.required,
    "forbidden": phrase_kinds.forbidden,
    "sequence": phrase_kinds.sequence,
    "cooccur": phrase_kinds.cooccur,
    "followup": phrase_kinds.followup,
    "silence": acoustic_kinds.silence,
    "hold": acoustic_kinds.hold,
    "overlap": acoustic_kinds.overlap,
    "rate": acoustic_kinds.rate,
    "politeness": courtesy_kinds.politeness,
    "understanding": courtesy_kinds.understanding,
    "tariff": tariff_kind.tariff,
    "clarity": clarity_kind.clarity,
    "disclosure": red_line_kinds.disclosure,
    "hangup": red_line_kinds.hangup,
}


def check_call(pack: RulePack, transcript: Transcript, activity: ActivityMap | None = None,
               listener: Listener | None = None) -> list[Hit]:
    """All hits of every rule, in time order. ``activity`` (from the audio) makes acoustic rules measured;
    ``listener`` (the audio and its model) lets phrase rules hear a doubtful stretch again."""
    call = CallContext(transcript, activity, pack.listen_below, listener)
    if is_recognised(transcript):       # a reference transcript's pace is what was said, not what was heard
        call.unfollowed = {rule.speaker: why for rule in pack.rules if rule.kind == "rate"
                           and (why := acoustic_kinds.beyond_following(rule, call)) is not None}
    if isinstance(listener, SharingListener):
        listener.share(lambda asking: _ask_all(pack, CallContext(transcript, activity, pack.listen_below, asking)))
    hits = [hit for rule in pack.rules for hit in EVALUATORS[rule.kind](rule, call)]
    if pack.calibration is not None and is_recognised(transcript):
        hits = calibrate(hits, pack.calibration)
    return sorted(hits, key=lambda h: (h.start, h.rule))


LISTENING_KINDS = ("required", "forbidden", "sequence", "cooccur", "followup", "disclosure", "hangup", "politeness")


def _ask_all(pack: RulePack, call: CallContext) -> None:
    """Runs the rules that may listen again with a listener that hears nothing, so it learns every stretch
    they ask about before any is decoded (several rules hearing one stretch share one decoding)."""
    for rule in pack.rules:
        if rule.kind in LISTENING_KINDS:
            EVALUATORS[rule.kind](rule, call)


def is_recognised(transcript: Transcript) -> bool:
    """Words with the recogniser's confidences: the transcript came from recognition, not a reference."""
    return any(word.conf is not None for seg in transcript.segments for word in seg.words)
