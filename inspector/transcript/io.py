"""Reading and writing transcript v1 JSON, with errors that name the file, the segment and the key."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from inspector.atomic_file import write_text_atomic
from inspector.bounded_read import read_text_bounded
from inspector.transcript.model import SPEAKERS, STEREO, Segment, Transcript, Word

FORMAT_VERSION = 1
MAX_TRANSCRIPT = 64 * 1024 * 1024       # an hour's call with every word is about 2 MB
SIDECAR_SUFFIX = ".transcript.json"     # NAME.transcript.json beside NAME.flac, or in a batch's output folder


class TranscriptError(ValueError):
    pass


def load_transcript(path: Path) -> Transcript:
    try:
        data = json.loads(read_text_bounded(path, MAX_TRANSCRIPT))
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise TranscriptError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return from_dict(data, str(path))


def save_transcript(transcript: Transcript, path: Path) -> None:
    write_text_atomic(path, json.dumps(to_dict(transcript), ensure_ascii=False, indent=1) + "\n")


def is_transcript_document(data: Any) -> bool:
    """Cheap test used by import to tell a transcript sidecar from a metadata sidecar."""
    return isinstance(data, dict) and "segments" in data and "version" in data


def from_dict(data: Any, origin: str) -> Transcript:
    if not isinstance(data, dict):
        raise TranscriptError(f"{origin}: the document must be a JSON object")
    version = _require(data, "version", int, origin)
    if version != FORMAT_VERSION:
        raise TranscriptError(f"{origin}: transcript format version {version} is not supported "
                              f"(this Inspector reads version {FORMAT_VERSION})")
    call_id = str(_require(data, "call_id", (str, int), origin))
    duration = float(_require(data, "duration_s", (int, float), origin))
    if not math.isfinite(duration) or duration < 0:
        raise TranscriptError(f"{origin}: 'duration_s' must be a length in seconds (0 or more), not {duration}")
    channels = data.get("channels", STEREO)
    if not isinstance(channels, dict):
        raise TranscriptError(f"{origin}: key 'channels' must be an object")
    raw_segments = _require(data, "segments", list, origin)
    segments = tuple(_segment(raw, f"{origin}: segment {index}") for index, raw in enumerate(raw_segments))
    for index in range(1, len(segments)):
        if segments[index].start < segments[index - 1].start:
            raise TranscriptError(f"{origin}: segment {index}: segments must be sorted by 'start'")
    return Transcript(call_id, duration, segments, dict(channels), version)


def to_dict(transcript: Transcript) -> dict[str, Any]:
    segments = []
    for segment in transcript.segments:
        item: dict[str, Any] = {"speaker": segment.speaker, "start": segment.start, "end": segment.end,
                                "text": segment.text}
        if segment.words:
            item["words"] = [_word_dict(word) for word in segment.words]
        if segment.alternatives:
            item["alternatives"] = list(segment.alternatives)
        segments.append(item)
    return {"version": transcript.version, "call_id": transcript.call_id,
            "duration_s": transcript.duration_s, "channels": transcript.channels, "segments": segments}


def _segment(raw: Any, where: str) -> Segment:
    if not isinstance(raw, dict):
        raise TranscriptError(f"{where}: must be a JSON object")
    speaker = _require(raw, "speaker", str, where)
    if speaker not in SPEAKERS:
        raise TranscriptError(f"{where}: key 'speaker' must be one of {', '.join(SPEAKERS)}, not {speaker!r}")
    start, end = _span(raw, where)
    text = _require(raw, "text", str, where)
    words_raw = raw.get("words", [])
    if not isinstance(words_raw, list):
        raise TranscriptError(f"{where}: key 'words' must be a list")
    words = tuple(_word(item, f"{where}, word {index}") for index, item in enumerate(words_raw))
    alternatives = raw.get("alternatives", [])
    if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
        raise TranscriptError(f"{where}: key 'alternatives' must be a list of texts")
    return Segment(speaker, start, end, text, words, tuple(alternatives))


def _word(raw: Any, where: str) -> Word:
    if not isinstance(raw, dict):
        raise TranscriptError(f"{where}: must be a JSON object")
    conf = raw.get("conf")
    if conf is not None and (not isinstance(conf, (int, float)) or not 0.0 <= conf <= 1.0):
        raise TranscriptError(f"{where}: key 'conf' must be a number in [0, 1]")
    start, end = _span(raw, where)
    return Word(_require(raw, "text", str, where), start, end, None if conf is None else float(conf))


def _span(raw: dict, where: str) -> tuple[float, float]:
    """Times in seconds from the call's start: finite, not negative, and the end not before the start."""
    start, end = (float(_require(raw, key, (int, float), where)) for key in ("start", "end"))
    for key, value in (("start", start), ("end", end)):
        if not math.isfinite(value) or value < 0:
            raise TranscriptError(f"{where}: '{key}' must be a time in seconds (0 or more), not {value}")
    if end < start:
        raise TranscriptError(f"{where}: 'end' ({end}) is before 'start' ({start})")
    return start, end


def _word_dict(word: Word) -> dict[str, Any]:
    item: dict[str, Any] = {"text": word.text, "start": word.start, "end": word.end}
    if word.conf is not None:
        item["conf"] = word.conf
    return item


def _require(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise TranscriptError(f"{where}: missing required key '{key}'")
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise TranscriptError(f"{where}: key '{key}' must be {names}, not {type(value).__name__}")
    return value
