"""The steps that find something on a call, each reading what the earlier ones left on ``Work``.

The batch (``pipeline.steps``, after decoding and recognising) and the runner for stored calls
(``findings.runner``) run these same functions, so a call checked on the workstation and one imported from
a batch run carry the same findings. A step puts its result in ``work.findings[name]`` (plain JSON values,
as ``NAME.checks.json`` carries them) and its version in ``work.step_versions[name]``, which a re-run
compares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from inspector.audio.activity import ActivityMap
from inspector.audio.recording import Recording
from inspector.categories.match import categorize
from inspector.categories.pack import CategoryPack
from inspector.emotion.turns import METHOD_VERSION as EMOTION_VERSION
from inspector.emotion.turns import customer_emotion
from inspector.rules.engine import check_call
from inspector.rules.hits import Hit
from inspector.rules.pack import RulePack
from inspector.transcript.hearing import Listener
from inspector.transcript.model import Transcript


class StepPacks(Protocol):
    """What the steps are made with: the batch's worker tools and a stored-call run both provide it."""
    @property
    def rules(self) -> RulePack | None: ...

    @property
    def categories(self) -> CategoryPack | None: ...


@dataclass(kw_only=True)
class Work:
    recording: Recording | None = None
    activity: ActivityMap | None = None
    transcript: Transcript | None = None
    listener: Listener | None = None       # hears a doubtful phrase again on the audio (rules/relisten.py)
    hits: list[Hit] | None = None          # None: not checked on this transcript (categories then go without)
    findings: dict[str, Any] = field(default_factory=dict)
    step_versions: dict[str, str] = field(default_factory=dict)


def check_rules(work: Work, packs: StepPacks) -> None:
    """With a listener (a model and the audio), doubtful phrases are heard again, whether the transcript was
    recognised in this run or came with the call."""
    assert packs.rules is not None and work.transcript is not None
    work.hits = check_call(packs.rules, work.transcript, work.activity, work.listener)


def categorize_call(work: Work, packs: StepPacks) -> None:
    """Why the customer called (客户之声), on the same transcript and hits the rules saw."""
    assert packs.categories is not None and work.transcript is not None
    found = categorize(work.transcript, work.hits, packs.categories)
    work.findings["categories"] = [c.to_dict() for c in found]
    work.step_versions["categories"] = step_versions(packs.categories)["categories"]


def measure_emotion(work: Work, packs: StepPacks) -> None:
    """The customer's emotion from words and voice; None (no customer turns) is stored as such."""
    assert work.transcript is not None
    emotion = customer_emotion(work.transcript, work.recording)
    work.findings["emotion"] = emotion.to_dict() if emotion is not None else None
    work.step_versions["emotion"] = EMOTION_VERSION


def step_versions(categories: CategoryPack) -> dict[str, str]:
    """What the later steps were made with: a re-run with another category pack or emotion measure redoes
    the call; the client computes the same dict for its plan."""
    return {"categories": f"{categories.id} {categories.version}", "emotion": EMOTION_VERSION}
