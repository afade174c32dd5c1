"""Listening again: a stretch of one channel decoded by a recogniser that may only say a few phrases.

Free recognition of telephone Mandarin loses a required phrase to one misheard character (工号 → 恭候);
a recogniser given a grammar of that phrase's wordings plus ``[unk]`` either hears the phrase or hears
"something else", a far more certain second hearing (the phonetic search of commercial QA works on the
audio for the same reason). Only the seconds in question are decoded, on the model already loaded for the
call, so it costs a few per cent of the call's recognition.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from inspector.asr.recognizer import CHUNK_S, LoadedModel
from inspector.asr.vocabulary import UNKNOWN, Vocabulary, VocabularyError, model_vocabulary
from inspector.audio.recording import Recording
from inspector.transcript.hearing import HeardWord, Hearing
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
    _heard: dict = field(default_factory=dict)

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
        key = (channel, first, last, tuple(grammar))
        if key not in self._heard:
            self._heard[key] = self._decode(speaker, channel, first, last, grammar, phrases)
        return self._heard[key]

    def _decode(self, speaker: str, channel: int, first: int, last: int, grammar: list[str],
                phrases: tuple[str, ...]) -> Hearing:
        import vosk
        started = time.thread_time()
        rate = self.recording.sample_rate
        recognizer = vosk.KaldiRecognizer(self.loaded.model, float(rate), json.dumps(grammar, ensure_ascii=False))
        recognizer.SetWords(True)
        samples = self.recording.samples[channel]
        results = []
        step = int(CHUNK_S * rate)
        for at in range(first, last, step):
            if recognizer.AcceptWaveform(samples[at: min(last, at + step)].tobytes()):
                results.append(recognizer.Result())
        results.append(recognizer.FinalResult())
        offset = first / rate
        words = tuple(HeardWord(w["word"], round(float(w["start"]) + offset, 3), round(float(w["end"]) + offset, 3),
                                round(min(1.0, max(0.0, float(w.get("conf", 1.0)))), 3))
                      for r in results for w in json.loads(r).get("result", []) if w.get("word"))
        self.cost.windows += 1
        self.cost.audio_s += (last - first) / rate
        self.cost.cpu_s += time.thread_time() - started
        return Hearing(speaker, round(first / rate, 3), round(last / rate, 3), phrases, words)
