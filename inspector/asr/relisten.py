"""Listening again: a stretch of one channel decoded by a recogniser that may only say a few phrases.

Free recognition of telephone Mandarin loses a required phrase to one misheard character (工号 → 恭候);
a recogniser given a grammar of that phrase's wordings plus ``[unk]`` either hears the phrase or hears
"something else", a far more certain second hearing (the phonetic search of commercial QA works on the
audio for the same reason). Only the seconds in question are decoded, on the model already loaded for the
call, so it costs a few per cent of the call's recognition.

Several rules often ask about the same stretch: on a short call that ends badly R15, R16, R17 and R19 each
hear the call's end against their own phrases, four decodings of one stretch. Before the rules run, the
engine lets the listener see every stretch they are going to ask about (``share``); stretches of one
channel that start or end together are decoded once, against the union of their grammars, and each rule is answered
from that shared hearing: the words heard inside its own stretch, those outside its own grammar written
``[unk]``. A stretch asked alone is decoded alone, as before.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from inspector.asr.recognizer import LoadedModel, Stretches, voiced_stretches
from inspector.asr.vocabulary import UNKNOWN, Vocabulary, VocabularyError, model_vocabulary
from inspector.audio.recording import Recording
from inspector.transcript.hearing import HeardWord, Hearing, Listener
from inspector.transcript.model import channel_map

PAD_S = 0.4           # kept around the stretch asked for, so the phrase's edges are not cut


@dataclass
class ListeningCost:
    """What re-listening cost on one call: windows decoded, audio seconds, CPU seconds (for bench/)."""

    windows: int = 0
    audio_s: float = 0.0
    cpu_s: float = 0.0


@dataclass
class GrammarListener:
    loaded: LoadedModel
    recording: Recording
    cost: ListeningCost = field(default_factory=ListeningCost)
    _heard: dict = field(default_factory=dict)      # (channel, first, last, grammar) -> its Hearing
    _shared: dict = field(default_factory=dict)     # a stretch asked about -> the shared window that answers it
    _windows: dict = field(default_factory=dict)    # a shared window -> its Hearing

    @property
    def vocabulary(self) -> Vocabulary:
        return model_vocabulary(self.loaded.check.path)

    def grammar(self, phrases: tuple[str, ...]) -> list[str]:
        """The phrases as vocabulary words (phrases the model cannot say are left out), plus [unk]."""
        out: list[str] = []
        for phrase in phrases:
            words = self.vocabulary.split(phrase)
            if words is not None and " ".join(words) not in out:
                out.append(" ".join(words))
        return out + [UNKNOWN]

    def hear(self, speaker: str, start: float, end: float, phrases: tuple[str, ...]) -> Hearing | None:
        key = self._window(speaker, start, end, phrases)
        if key is None:
            return None
        if key not in self._heard:
            shared = self._shared.get(key)
            self._heard[key] = (self._decode(speaker, *key, phrases) if shared is None
                                else self._within(self._shared_hearing(speaker, shared), key, phrases))
        return self._heard[key]

    def share(self, ask_all: Callable[[Listener], None]) -> None:
        """Plan shared hearings: ``ask_all`` asks, through the listener it is given (which hears nothing),
        every stretch the rules will ask about; stretches of one channel that start or end at the same
        moment (the call's end that R15, R16, R17 and R19 all hear up to; the call's start that R01, R02 and
        an identity check's episode hear from) become one decoding of them all against all their grammars,
        made when the first of them is asked for (never, if none is). Only those: stretches that merely
        overlap made a grammar of many words that drew digits away from a job number (a shared hearing of
        the opening and an order's episode lost dev E32's). Its CPU is counted as listening's."""
        try:
            self.vocabulary          # read once per model and process (asr/vocabulary.py): not one call's cost
        except VocabularyError:
            return                   # nothing will be heard again (``hear`` says None)
        started = time.thread_time()
        asked: list[tuple | None] = []
        ask_all(_Asking(lambda speaker, start, end, phrases: asked.append(self._window(speaker, start, end, phrases))))
        groups: list[list[tuple]] = []
        for key in dict.fromkeys(k for k in asked if k is not None):
            joined = [g for g in groups if any(k[0] == key[0] and (k[1] == key[1] or k[2] == key[2]) for k in g)]
            for group in joined:
                groups.remove(group)
            groups.append([k for g in joined for k in g] + [key])
        for keys in groups:
            if len(keys) > 1:
                grammar = tuple(dict.fromkeys(w for k in keys for w in k[3] if w != UNKNOWN))
                window = (keys[0][0], min(k[1] for k in keys), max(k[2] for k in keys), (*grammar, UNKNOWN))
                for key in keys:
                    self._shared[key] = window
        self.cost.cpu_s += time.thread_time() - started

    def _window(self, speaker: str, start: float, end: float, phrases: tuple[str, ...]) -> tuple | None:
        """(channel, first sample, last sample, grammar) of a stretch asked about; None: cannot be heard."""
        channels = channel_map(self.recording.channels)
        channel = channels.get(speaker, 0 if self.recording.channels == 1 else None)
        rate = self.recording.sample_rate
        first = max(0, int((start - PAD_S) * rate))
        last = min(self.recording.frames, int((end + PAD_S) * rate))
        try:
            grammar = self.grammar(phrases)
        except VocabularyError:
            return None          # a model whose word list cannot be read is not asked twice: text only
        if channel is None or last <= first or len(grammar) == 1:
            return None
        return channel, first, last, tuple(grammar)

    def _within(self, shared: Hearing, key: tuple, phrases: tuple[str, ...]) -> Hearing:
        """One rule's answer from a shared hearing: the words whose middle falls in its own stretch, those
        its own grammar lacks written [unk] (it could not have heard them), with its own stretch and phrases."""
        _channel, first, last, grammar = key
        start, end = first / self.recording.sample_rate, last / self.recording.sample_rate
        own = {w for entry in grammar for w in entry.split()}
        words = tuple(w if w.text in own else HeardWord(UNKNOWN, w.start, w.end, w.conf)
                      for w in shared.words if start <= (w.start + w.end) / 2 <= end)
        return Hearing(shared.speaker, round(start, 3), round(end, 3), phrases, words)

    def _shared_hearing(self, speaker: str, window: tuple) -> Hearing:
        if window not in self._windows:
            self._windows[window] = self._decode(speaker, *window, tuple(w for w in window[3] if w != UNKNOWN))
        return self._windows[window]

    def _decode(self, speaker: str, channel: int, first: int, last: int, grammar: tuple[str, ...],
                phrases: tuple[str, ...]) -> Hearing:
        import vosk
        started = time.thread_time()
        rate = self.recording.sample_rate
        recognizer = Stretches(vosk.KaldiRecognizer(self.loaded.model, float(rate),
                                                    json.dumps(list(grammar), ensure_ascii=False)), rate)
        samples = self.recording.samples[channel]
        # only the channel's voiced stretches: in a window the speaker is silent while the other party talks
        results = [result for start, end in voiced_stretches(samples[first:last], rate)
                   for result in recognizer.decode(samples, first + start, first + end, None)]
        words = tuple(HeardWord(w["word"], round(float(w["start"]) + offset, 3), round(float(w["end"]) + offset, 3),
                                round(min(1.0, max(0.0, float(w.get("conf", 1.0)))), 3))
                      for r, offset in results for w in json.loads(r).get("result", []) if w.get("word"))
        self.cost.windows += 1
        self.cost.audio_s += (last - first) / rate
        self.cost.cpu_s += time.thread_time() - started
        return Hearing(speaker, round(first / rate, 3), round(last / rate, 3), phrases, words)


@dataclass(frozen=True)
class _Asking:
    """The listener handed to the rules while the hearings are planned: notes each stretch, hears nothing."""

    note: Callable[[str, float, float, tuple[str, ...]], None]

    def hear(self, speaker: str, start: float, end: float, phrases: tuple[str, ...]) -> Hearing | None:
        self.note(speaker, start, end, phrases)
        return None


