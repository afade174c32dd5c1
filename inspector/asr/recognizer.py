"""Transcribing a call: each channel on its own recognizer, results merged into speaker segments.

The agent is the left channel and the customer the right; a mono call gives ``unknown`` segments the
inspector can reassign. The file's real sample rate goes to Vosk, which resamples only when the model
allows it; otherwise the inspector is told, rather than shown a transcript of garbage.
"""

from __future__ import annotations

import json
import math
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.asr.model_layout import ModelCheck, check_model
from inspector.asr.profiles import DEFAULT_PROFILE, profile_folder
from inspector.audio.activity import FRAME_S, frame_energy_db, runs_of, speech_mask
from inspector.audio.recording import Recording
from inspector.filehash import file_sha256
from inspector.jobs import Cancelled
from inspector.transcript.model import Segment, Transcript, Word, channel_map

CHUNK_S = 0.25
N_BEST = 8          # hypotheses asked of Vosk per utterance: word confidences come from their agreement
KEPT_ALTERNATIVES = 3   # the next-best texts stored with each segment, for the rules to consider
PAD_S = 0.3       # kept around each voiced stretch so word edges are not clipped
JOIN_S = 1.0      # pauses shorter than this stay inside one stretch


class AsrError(Exception):
    pass


@dataclass(frozen=True)
class LoadedModel:
    """One Vosk model shared by every worker; each worker makes its own recognizer."""

    id: str
    check: ModelCheck
    model: object


def load_model(path: Path, profile: str = DEFAULT_PROFILE, profile_cache: Path | None = None) -> LoadedModel:
    """Raises AsrError naming the folder and what is wrong with it. Callers keep what they load in a
    ModelPool (asr/pool.py), which decides how long it stays in memory; a decoding profile other than the
    model's own is loaded from a shadow folder in `profile_cache` (asr/profiles.py)."""
    path = Path(path).resolve()
    check = check_model(path, "")
    if not check.usable:
        raise AsrError(check.problem())
    import vosk
    vosk.SetLogLevel(-1)
    cache = profile_cache or Path(tempfile.gettempdir()) / "inspector-model-profiles"
    try:
        model = vosk.Model(str(profile_folder(path, profile, cache)))
    except Exception as exc:  # noqa: BLE001 - vosk raises a bare Exception for any load failure
        raise AsrError(f"{path}: the model cannot be loaded ({exc}); it may be truncated or damaged") from exc
    name = path.parent.name if path.name == "model" else path.name
    suffix = "" if profile == DEFAULT_PROFILE else f":{profile}"       # each profile's transcripts are their own
    return LoadedModel(f"{name}:{file_sha256(path / 'am' / 'final.mdl')[:12]}{suffix}", check, model)


def check_rate(loaded: LoadedModel, recording: Recording) -> None:
    check = loaded.check
    rate = recording.sample_rate
    if rate < check.sample_rate and not check.allow_upsample:
        raise AsrError(f"{recording.path}: {rate} Hz audio, but the model {check.path.name} expects "
                       f"{check.sample_rate} Hz and does not allow upsampling (conf/mfcc.conf has no "
                       "--allow-upsample=true); use a telephone (8 kHz) model")
    if rate > check.sample_rate and not check.allow_downsample:
        raise AsrError(f"{recording.path}: {rate} Hz audio, but the model {check.path.name} expects "
                       f"{check.sample_rate} Hz and does not allow downsampling")


def voiced_stretches(samples, sample_rate: int) -> list[tuple[int, int]]:
    """Sample ranges worth decoding: a channel's speech, padded and with short pauses joined.

    In a call each party is silent about half the time while the other speaks; decoding only the voiced
    stretches roughly halves the work without cutting words.
    """
    mask = speech_mask(frame_energy_db(samples, sample_rate))
    stretches: list[tuple[int, int]] = []
    for run in runs_of(mask, FRAME_S):
        start = max(0, int((run.start - PAD_S) * sample_rate))
        end = min(samples.size, int((run.end + PAD_S) * sample_rate))
        if stretches and start - stretches[-1][1] < JOIN_S * sample_rate:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def transcribe(loaded: LoadedModel, recording: Recording, call_id: str = "", grammar: list[str] | None = None,
               cancel: threading.Event | None = None,
               progress: Callable[[float], None] | None = None) -> Transcript:
    """Both channels, one after the other, on this thread (workers run several calls in parallel)."""
    import vosk
    check_rate(loaded, recording)
    channels = channel_map(recording.channels)
    speakers = sorted(channels, key=channels.get)
    segments: list[Segment] = []
    rate = recording.sample_rate
    step = int(CHUNK_S * rate)
    for channel, speaker in enumerate(speakers):
        args = [loaded.model, float(rate)]
        if grammar is not None:
            args.append(json.dumps(grammar, ensure_ascii=False))
        recognizer = vosk.KaldiRecognizer(*args)
        recognizer.SetWords(True)
        recognizer.SetMaxAlternatives(N_BEST)
        samples = recording.samples[channel]
        fed = 0
        for first, last in voiced_stretches(samples, rate):
            # Vosk counts time over all audio a recognizer was given, Reset() included; only the voiced
            # stretches are given, so each stretch's words move back by what was skipped before it
            offset = (first - fed) / rate
            fed += last - first
            for start in range(first, last, step):
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                if recognizer.AcceptWaveform(samples[start: min(last, start + step)].tobytes()):
                    segments.extend(_segment(recognizer.Result(), speaker, offset))
            segments.extend(_segment(recognizer.FinalResult(), speaker, offset))
            recognizer.Reset()
            if progress is not None:
                progress((channel * recording.frames + last) / (recording.frames * recording.channels))
    segments.sort(key=lambda s: s.start)
    return Transcript(call_id or Path(recording.path).stem, round(recording.duration_s, 3), tuple(segments),
                      channels)


def _segment(result_json: str, speaker: str, offset: float) -> list[Segment]:
    """One utterance. Vosk gives either its best hypothesis with per-word confidences or, as here (asked
    for alternatives), an N-best list with a total score each and no word confidences; a word's confidence
    is then the share of the N-best probability mass (softmax of the scores) whose hypotheses have the same
    word at that time — what Vosk's own confidences estimate from the lattice."""
    result = json.loads(result_json)
    hypotheses = result.get("alternatives") or [result]
    best = hypotheses[0]
    words = [w for w in best.get("result", []) if w.get("word")]
    if not words:
        return []
    weights = _weights([float(h.get("confidence", 0.0)) for h in hypotheses])
    timed = []
    for w in words:
        start, end = float(w["start"]), float(w["end"])
        conf = float(w["conf"]) if "conf" in w else sum(
            weight for h, weight in zip(hypotheses, weights)
            if any(o.get("word") == w["word"] and float(o["start"]) < end and float(o["end"]) > start
                   for o in h.get("result", [])))
        timed.append(Word(w["word"], round(start + offset, 3), round(end + offset, 3),
                          round(min(1.0, max(0.0, conf)), 3)))
    text = best.get("text", " ".join(w.text for w in timed))
    others = []
    for h in hypotheses[1:]:
        other = h.get("text", "")
        if other and other != text and other not in others:
            others.append(other)
    return [Segment(speaker, timed[0].start, timed[-1].end, text, tuple(timed),
                    tuple(others[:KEPT_ALTERNATIVES]))]


def _weights(scores: list[float]) -> list[float]:
    top = max(scores)
    raw = [math.exp(score - top) for score in scores]
    total = sum(raw)
    return [r / total for r in raw]
