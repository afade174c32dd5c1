"""Reading a file that came from outside, bounded before a byte is read: a named pipe would block forever,
/dev/zero or a multi-gigabyte file would fill memory, so anything but a regular file within the limit is
refused by name. The refusal is an OSError, so every reader's existing "cannot read" message words it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileRefused(OSError):
    """Not read: not a regular file, or larger than its kind of file may be (``strerror`` says which)."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EINVAL, reason)


def read_bounded(path: Path | str, limit: int) -> bytes:
    # O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("not a regular file (a pipe, device or folder): refused unread")
        if info.st_size > limit:
            raise FileRefused(f"{info.st_size} bytes, more than the {limit} such a file may have: refused unread")
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused(f"grew past {limit} bytes while being read: refused")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text_bounded(path: Path | str, limit: int) -> str:
    """UTF-8 text (UnicodeDecodeError as usual when it is not)."""
    return read_bounded(path, limit).decode("utf-8")
