"""How a transcript version made by a recogniser is named, and told apart from a reference or corrected one.

Checking listens again only on recognised words: a reference or corrected transcript is what was said, there is
nothing to hear again. The name is defined here once for the transcription queue, checking and the UI."""

RECOGNISED_PREFIX = "asr:"
EDITED = "edited"                 # an inspector's corrections of whatever version was shown


def source_for(model_id: str) -> str:
    """The transcript version ``model_id`` makes."""
    return f"{RECOGNISED_PREFIX}{model_id}"


def is_recognised(source: str) -> bool:
    return source.startswith(RECOGNISED_PREFIX)
