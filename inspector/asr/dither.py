"""Kaldi's dither, made the same for every decoding: what a recogniser hears depends on the audio alone.

Kaldi dithers every frame before computing features (the small Mandarin model's mfcc.conf leaves dither at
1.0), with noise drawn from the C library's rand(): one state for the whole process, so a call's words
depended on everything decoded before it in the process (the demo's S1 decoded again after S2: 144 of its 149
words heard with other times or confidences; a window heard 感谢您 at 0.56, then 0.68). Seeding rand() before
a decoding makes it hear the same whatever came before. Dither itself stays: without it a digitally silent
channel (all zeros, as synthetic calls have) has no finite log energy, and the neural dev calls' closings were
no longer heard. It holds for one decoding at a time per process (the batch's single-threaded workers, the
command line): recognisers decoding on other threads meanwhile draw from the same rand().
"""

from __future__ import annotations

import ctypes
from functools import cache

DITHER_SEED = 1


def steady_dither() -> None:
    libc = _libc()
    if libc is not None:
        libc.srand(DITHER_SEED)


@cache
def _libc() -> ctypes.CDLL | None:
    """The process's own C library, whose rand() libvosk draws from (POSIX); None where it cannot be had."""
    try:
        return ctypes.CDLL(None)
    except (OSError, TypeError):
        return None
