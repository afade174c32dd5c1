"""The core's sentences (inspector.domain.messages.Message) put into the UI language.

Each template the core uses is listed here once, so lupdate finds it (context "Core"); a test keeps the list
and the core in step. Values such as file names and rule ids go in after translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.domain.messages import Message

TEMPLATES = (
    QT_TRANSLATE_NOOP("Core", "the file does not exist"),
    QT_TRANSLATE_NOOP("Core", "the file is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("Core", "not a readable audio file ({detail})"),
    QT_TRANSLATE_NOOP("Core", "the audio data is damaged ({detail})"),
    QT_TRANSLATE_NOOP("Core", "the recording has no samples (0 s)"),
    QT_TRANSLATE_NOOP("Core", "sample rate {rate} Hz is above the supported maximum of {maximum} Hz"),
    QT_TRANSLATE_NOOP("Core", "sample rate {rate} Hz is too low for speech"),
    QT_TRANSLATE_NOOP("Core", "{channels} channels; calls must be mono or stereo (agent left, customer right)"),
    QT_TRANSLATE_NOOP("Core", "folder cannot be read ({detail})"),
    QT_TRANSLATE_NOOP("Core", "the file name is not valid UTF-8 (written on another system?): rename the file "
                              "and import again"),
    QT_TRANSLATE_NOOP("Core", "a broken link: it points to {target}, which does not exist"),
    QT_TRANSLATE_NOOP("Core", "cannot be read ({detail})"),
    QT_TRANSLATE_NOOP("Core", "a named pipe, not a recording file"),
    QT_TRANSLATE_NOOP("Core", "not a regular file (a device or socket)"),
    QT_TRANSLATE_NOOP("Core", "not a folder"),
    QT_TRANSLATE_NOOP("Core", "cannot read the file ({detail})"),
    QT_TRANSLATE_NOOP("Core", "transcript not imported: {detail}"),
    QT_TRANSLATE_NOOP("Core", "metadata could not be read: {detail}"),
    QT_TRANSLATE_NOOP("Core", "row {number} has no file name column"),
    QT_TRANSLATE_NOOP("Core", "row {number}: satisfaction {value} is not a number"),
    QT_TRANSLATE_NOOP("Core", "row {number}: satisfaction {value} is not a survey score from 0 to {maximum}"),
    QT_TRANSLATE_NOOP("Core", "row {number}: resolved {value} is not yes/no (是/否, 1/0)"),
    QT_TRANSLATE_NOOP("Core", "row {number}: the caller's number was not kept (too short, or no caller key)"),
    QT_TRANSLATE_NOOP("Core", "checks not imported: {detail}"),
    QT_TRANSLATE_NOOP("Core", "checks not imported: they were made from other audio (the recording changed after "
                              "the batch run)"),
    QT_TRANSLATE_NOOP("Core", "the recording it was made from, {recording}, is not there (is the centre's shared "
                              "folder mounted?)"),
    QT_TRANSLATE_NOOP("Core", "fatal item(s) {items} still wait for review: confirm or reject them"),
    QT_TRANSLATE_NOOP("Core", "no sound server could be reached ({detail})"),
    QT_TRANSLATE_NOOP("Core", "PulseAudio client library missing: {detail}"),
    QT_TRANSLATE_NOOP("Core", "the recording is cut short: the header promises {promised:.1f} s, "
                              "the file holds {held:.1f} s"),
    QT_TRANSLATE_NOOP("Core", "version {version} of the evaluation of {call} is already acknowledged"),
    QT_TRANSLATE_NOOP("Core", "{item} of {call} is already appealed and waits for a team lead's answer"),
    QT_TRANSLATE_NOOP("Core", "the time to acknowledge the evaluation of {call} ended on {day}"),
    QT_TRANSLATE_NOOP("Core", "the time to appeal the evaluation of {call} ended on {day}"),
    QT_TRANSLATE_NOOP("Core", "an appeal needs the agent's reason"),
)


def translated(text: str) -> str:
    """A core Message in the UI language; any other text (a value, a library's words) as it is."""
    if not isinstance(text, Message):
        return text
    return QCoreApplication.translate("Core", text.template).format(**text.params)


def error_text(exc: BaseException) -> str:
    """What an exception from the core says, translated when it carries a Message."""
    first = exc.args[0] if exc.args else None
    return translated(first) if isinstance(first, Message) and len(exc.args) == 1 else str(exc)
