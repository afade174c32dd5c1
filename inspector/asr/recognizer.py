"""Transcribing a call: each channel on its own recognizer, results merged into speaker segments.

The agent is the left channel and the customer the right; a mono call gives ``unknown`` segments the
inspector can reassign. The file's real sample rate goes to Vosk, which resamples only when the model
allows it; otherwise the inspector is told, rather than shown a transcript of garbage.
"""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from inspector.asr.dither import steady_dither
from inspector.asr.model_layout import ModelCheck, check_model
from inspector.asr.profiles import DEFAULT_PROFILE, profile_folder
from inspector.asr.tempo import mean_confidence, speed_to_normal, stretched
from inspector.audio.activity import FRAME_S, frame_energy_db, runs_of, speech_mask
from inspector.audio.recording import Recording
from inspector.filehash import file_sha256
from inspector.jobs import Cancelled
from inspector.transcript.model import Segment, Transcript, Word, channel_map

CHUNK_S = 0.25
PAD_S = 0.3       # kept around each voiced stretch so word edges are not clipped
JOIN_S = 1.0      # pauses shorter than this stay inside one stretch
UNSURE_WORD = 0.6     # a stretch with a word heard less surely is decoded again for alternatives
N_BEST = 4            # hypotheses asked for then; the next-best texts are stored with the segment


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
    return LoadedModel(model_identity(path, profile), check, model)


def model_identity(path: Path, profile: str = DEFAULT_PROFILE) -> str:
    """The id a model's transcripts are recorded with, known without loading it (a batch client decides
    what is already done before any worker loads anything)."""
    path = Path(path).resolve()
    name = path.parent.name if path.name == "model" else path.name
    suffix = "" if profile == DEFAULT_PROFILE else f":{profile}"       # each profile's transcripts are their own
    return f"{name}:{file_sha256(path / 'am' / 'final.mdl')[:12]}{suffix}"


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
               progress: Callable[[float], None] | None = None, alternatives: bool = False) -> Transcript:
    """Both channels, one after the other, on this thread (workers run several calls in parallel).

    ``alternatives``: decode unsure stretches again for Vosk's N-best (see _with_alternatives); off by
    default. An N-best decoding was seen to shift what later recognisers heard
    (test_recognised_times_lie_on_the_speech_they_came_from): every decoding drew Kaldi's dither from the
    process's one rand(), which each channel and the N-best pass now seed (inspector/asr/dither.py)."""
    import vosk
    check_rate(loaded, recording)
    channels = channel_map(recording.channels)
    speakers = sorted(channels, key=channels.get)
    segments: list[Segment] = []
    rate = recording.sample_rate
    for channel, speaker in enumerate(speakers):
        args = [loaded.model, float(rate)]
        if grammar is not None:
            args.append(json.dumps(grammar, ensure_ascii=False))
        samples = recording.samples[channel]
        stretches = voiced_stretches(samples, rate)

        def report(last: int, channel: int = channel) -> None:
            if progress is not None:
                progress((channel * recording.frames + last) / (recording.frames * recording.channels))

        heard = _hear(Stretches(vosk.KaldiRecognizer(*args), rate), samples, stretches, speaker, 1.0, cancel, report)
        speed = speed_to_normal(_flat(heard)) or 1.0
        if speed != 1.0:          # an unusually slow speaker (asr/tempo.py)
            again = _hear(Stretches(vosk.KaldiRecognizer(*args), rate), samples, stretches, speaker, speed, cancel)
            if mean_confidence(_flat(again)) > mean_confidence(_flat(heard)):
                heard = again
            else:
                speed = 1.0
        # only once the channel is heard: a second recogniser decoding alongside changes the first's words
        second = None
        for first, last, stretch in heard:
            if alternatives and any(w.conf is not None and w.conf < UNSURE_WORD for s in stretch for w in s.words):
                if second is None:
                    second = Stretches(vosk.KaldiRecognizer(*args), rate, N_BEST)
                stretch = _with_alternatives(stretch, _decoded(second, samples, first, last, speed, cancel))
            segments.extend(stretch)
    segments.sort(key=lambda s: s.start)
    return Transcript(call_id or Path(recording.path).stem, round(recording.duration_s, 3), tuple(segments),
                      channels)


class Stretches:
    """A recogniser given only the voiced stretches of a channel, one after the other.

    Vosk counts time over all audio a recogniser was given, Reset() included; only the voiced stretches
    are given, so each stretch's words move back by what was skipped before it. Every decoding (a channel,
    its N-best pass, a hearing) starts from the same dither (inspector/asr/dither.py).
    """

    def __init__(self, recognizer, rate: int, alternatives: int = 0) -> None:
        steady_dither()         # what it hears depends on the audio given, not on what was decoded before
        recognizer.SetWords(True)
        if alternatives:
            recognizer.SetMaxAlternatives(alternatives)
        self.recognizer, self.rate, self.fed = recognizer, rate, 0

    def decode(self, samples, first: int, last: int, cancel: threading.Event | None) -> list[tuple[str, float]]:
        """The stretch's results (Vosk JSON), each with the offset that puts its times on the call."""
        offset = (first - self.fed) / self.rate
        self.fed += last - first
        results = []
        step = int(CHUNK_S * self.rate)
        for start in range(first, last, step):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            if self.recognizer.AcceptWaveform(samples[start: min(last, start + step)].tobytes()):
                results.append((self.recognizer.Result(), offset))
        results.append((self.recognizer.FinalResult(), offset))
        self.recognizer.Reset()
        return results


def _hear(recognizer: Stretches, samples, stretches: list[tuple[int, int]], speaker: str, speed: float,
          cancel: threading.Event | None, report: Callable[[int], None] | None = None) -> list[tuple[int, int, list[Segment]]]:
    """Each voiced stretch's segments, heard at ``speed`` times the recorded pace, on the call's times."""
    heard = []
    for first, last in stretches:
        results = _decoded(recognizer, samples, first, last, speed, cancel)
        heard.append((first, last, [s for r, offset, scale in results for s in _segment(r, speaker, offset, scale)]))
        if report is not None:
            report(last)
    return heard


def _flat(heard: list[tuple[int, int, list[Segment]]]) -> list[Segment]:
    return [segment for *_, stretch in heard for segment in stretch]


def _decoded(recognizer: Stretches, samples, first: int, last: int, speed: float,
             cancel: threading.Event | None) -> list[tuple[str, float, float]]:
    """A stretch's results, each with the offset and scale that put its times on the call (time × scale +
    offset): at the recorded pace the stretch itself, else a pitch-kept copy played ``speed`` times as fast."""
    if speed == 1.0:
        return [(r, offset, 1.0) for r, offset in recognizer.decode(samples, first, last, cancel)]
    piece = stretched(samples[first:last], speed)
    return [(r, first / recognizer.rate + offset * speed, speed)
            for r, offset in recognizer.decode(piece, 0, piece.size, cancel)]


def _with_alternatives(segments: list[Segment], nbest: list[tuple[str, float, float]]) -> list[Segment]:
    """Vosk gives word confidences or an N-best list, never both from one decoding: a stretch it was
    unsure of is decoded a second time for the N-best, and each segment takes the other hypotheses of the
    utterance that covers it (when exactly one does; utterance edges may differ between decodings)."""
    utterances = []
    for result_json, offset, scale in nbest:
        hypotheses = json.loads(result_json).get("alternatives", [])
        words = [w for w in (hypotheses[0].get("result", []) if hypotheses else []) if w.get("word")]
        if words:
            utterances.append((words[0]["start"] * scale + offset, words[-1]["end"] * scale + offset,
                               [h.get("text", "") for h in hypotheses]))
    out = []
    for segment in segments:
        covering = [u for u in utterances if u[0] < segment.end and segment.start < u[1]]
        if len(covering) != 1:
            out.append(segment)
            continue
        others = []
        for text in covering[0][2]:
            if text and text != segment.text and text not in others:
                others.append(text)
        out.append(replace(segment, alternatives=tuple(others[: N_BEST - 1])))
    return out


def _segment(result_json: str, speaker: str, offset: float, scale: float = 1.0) -> list[Segment]:
    result = json.loads(result_json)
    words = [Word(w["word"], round(float(w["start"]) * scale + offset, 3), round(float(w["end"]) * scale + offset, 3),
                  round(min(1.0, max(0.0, float(w.get("conf", 1.0)))), 3))
             for w in result.get("result", []) if w.get("word")]
    if not words:
        return []
    return [Segment(speaker, words[0].start, words[-1].end, result.get("text", " ".join(w.text for w in words)),
                    tuple(words))]
