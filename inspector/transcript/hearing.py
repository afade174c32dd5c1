"""A second hearing of a stretch of a call: what a recogniser restricted to a few phrases heard there.

Shared by the two sides of re-listening: the recogniser (asr/relisten.py) makes ``Hearing``s, the rules
(rules/relisten.py) ask for them through ``Listener`` and quote them as a hit's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from typing import Protocol, runtime_checkable

UNKNOWN = "[unk]"


@dataclass(frozen=True)
class HeardWord:
    text: str
    start: float
    end: float
    conf: float


@dataclass(frozen=True)
class Hearing:
    """The words heard in [start, end] of the speaker's channel against a grammar of ``phrases``
    (``[unk]`` stands for anything else said there)."""

    speaker: str
    start: float
    end: float
    phrases: tuple[str, ...]
    words: tuple[HeardWord, ...]

    @property
    def known(self) -> tuple[HeardWord, ...]:
        return tuple(w for w in self.words if w.text != UNKNOWN)

    @property
    def text(self) -> str:
        """The grammar's words heard, in order, without the unknown stretches."""
        return " ".join(w.text for w in self.known)

    def sure_text(self, min_conf: float) -> str:
        """Only the words heard at ``min_conf`` or more: a small grammar pulls any sound towards one of its
        words, and such forced words come with a low confidence (评分 0.6 where nothing like it was said)."""
        return " ".join(w.text for w in self.known if w.conf >= min_conf)

    @property
    def confidence(self) -> float | None:
        known = self.known
        return sum(w.conf for w in known) / len(known) if known else None

    def quote(self) -> str:
        if not self.known:
            return "（未听到）"
        return " ".join(f"{w.text}@{w.start:.1f}s({w.conf:.2f})" for w in self.known)


class Listener(Protocol):
    def hear(self, speaker: str, start: float, end: float, phrases: tuple[str, ...]) -> Hearing | None:
        """None when that stretch cannot be heard again (no such channel, no audio there)."""


@runtime_checkable
class SharingListener(Listener, Protocol):
    def share(self, ask_all: Callable[[Listener], None]) -> None:
        """Before the rules ask, learn every stretch they will ask about (``ask_all`` asks them through the
        listener it is given), so stretches several rules ask about are decoded once."""
