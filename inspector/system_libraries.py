"""The libraries Inspector's window takes from the machine, checked before Qt starts.

The offline bundle carries Python, Qt and every library of its own, but not those that must agree with the
machine: its X server and keymaps, its GPU driver, its fonts and its sound server (docs/offline-install.md
lists them). When one is missing, Qt aborts with "could not load the Qt platform plugin xcb" and a list of
plugins, which tells an IT officer nothing; this names the library and the package to install instead.
The same table is the documentation's, and the bundle test checks that it covers every library the bundle
links without carrying it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SystemLibrary:
    soname: str
    purpose: str
    debian: str         # the Debian / Ubuntu package
    kylin_uos: str      # the Kylin / UOS package (both are Debian-family systems; names mostly agree)
    xcb_only: bool = False      # needed by the X11 window only, not by Qt's drawing itself


# What libQt6Gui, the xcb platform plugin and the playback need that the bundle does not carry.
WINDOW_LIBRARIES = (
    SystemLibrary("libglib-2.0.so.0", "Qt's event loop", "libglib2.0-0", "libglib2.0-0"),
    SystemLibrary("libgthread-2.0.so.0", "Qt's event loop", "libglib2.0-0", "libglib2.0-0"),
    SystemLibrary("libdbus-1.so.3", "desktop messages (input methods)", "libdbus-1-3", "libdbus-1-3"),
    SystemLibrary("libGL.so.1", "drawing (OpenGL)", "libgl1", "libgl1"),
    SystemLibrary("libEGL.so.1", "drawing (EGL)", "libegl1", "libegl1"),
    SystemLibrary("libfontconfig.so.1", "fonts", "libfontconfig1", "libfontconfig1"),
    SystemLibrary("libfreetype.so.6", "fonts", "libfreetype6", "libfreetype6"),
    SystemLibrary("libX11.so.6", "the X11 window", "libx11-6", "libx11-6"),
    SystemLibrary("libxkbcommon.so.0", "the keyboard", "libxkbcommon0", "libxkbcommon0"),
    SystemLibrary("libX11-xcb.so.1", "the X11 window", "libx11-xcb1", "libx11-xcb1", xcb_only=True),
    SystemLibrary("libxkbcommon-x11.so.0", "the X11 keyboard", "libxkbcommon-x11-0", "libxkbcommon-x11-0",
                  xcb_only=True),
    *(SystemLibrary(f"libxcb{suffix}.so.{number}", "the X11 window", f"libxcb{suffix}{number}",
                    f"libxcb{suffix}{number}", xcb_only=True)
      for suffix, number in (("", 1), ("-glx", 0), ("-randr", 0), ("-render", 0), ("-shape", 0), ("-shm", 0),
                             ("-sync", 1), ("-xfixes", 0), ("-xkb", 1))),
)
SOUND_LIBRARIES = (
    SystemLibrary("libpulse-simple.so.0", "playback (PulseAudio or PipeWire)", "libpulse0", "libpulse0"),
    SystemLibrary("libpulse.so.0", "playback (PulseAudio or PipeWire)", "libpulse0", "libpulse0"),
)
SYSTEM_LIBRARIES = WINDOW_LIBRARIES + SOUND_LIBRARIES


def loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def carried(soname: str) -> bool:
    """True when the frozen bundle has its own copy (the check then has nothing to ask of the machine)."""
    meipass = getattr(sys, "_MEIPASS", None)
    return meipass is not None and (Path(meipass) / soname).exists()


def missing(libraries: Sequence[SystemLibrary], platform: str | None = None,
            load: Callable[[str], bool] = loadable) -> list[SystemLibrary]:
    """The libraries that cannot be loaded; the X11 ones only when Qt will open an X11 window."""
    x11 = (platform or "xcb").startswith("xcb")
    return [lib for lib in libraries
            if (x11 or not lib.xcb_only) and not carried(lib.soname) and not load(lib.soname)]


def install_advice(libraries: Sequence[SystemLibrary]) -> str:
    debian = " ".join(dict.fromkeys(lib.debian for lib in libraries))
    kylin_uos = " ".join(dict.fromkeys(lib.kylin_uos for lib in libraries))
    lines = [f"  {lib.soname} ({lib.purpose})" for lib in libraries]
    return "\n".join([*lines, f"Install on Debian/Ubuntu: sudo apt install {debian}",
                      f"Install on Kylin/UOS:     sudo apt install {kylin_uos}"])


def window_problem(environ: dict[str, str] | None = None, load: Callable[[str], bool] = loadable) -> str | None:
    """Why the window cannot open, in words an IT officer can act on; None when nothing is missing."""
    environ = dict(os.environ) if environ is None else environ
    platform = environ.get("QT_QPA_PLATFORM")
    absent = missing(WINDOW_LIBRARIES, platform, load)
    if absent:
        return ("Inspector cannot open its window: this machine lacks the system libraries\n"
                + install_advice(absent))
    if (platform or "xcb").startswith("xcb") and not environ.get("DISPLAY"):
        return ("Inspector cannot open its window: no X11 display (DISPLAY is not set); start it from the "
                "desktop, or use its commands (inspector --help)")
    return None


def sound_problem(load: Callable[[str], bool] = loadable) -> str | None:
    """Playback needs the PulseAudio client; the rest of the window works without it, so this only warns."""
    absent = missing(SOUND_LIBRARIES, load=load)
    if not absent:
        return None
    return "Inspector will not play calls: this machine lacks\n" + install_advice(absent)


CHINESE_FONT_PACKAGE = "fonts-noto-cjk"      # the same name on Debian, Ubuntu, Kylin and UOS (the last two ship one)


class _FontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.c_void_p)]


def chinese_fonts() -> int:
    """How many fonts fontconfig offers for Chinese: what Qt will find when it draws the transcript."""
    fc = ctypes.CDLL("libfontconfig.so.1")
    fc.FcNameParse.restype = ctypes.c_void_p
    fc.FcNameParse.argtypes = [ctypes.c_char_p]
    fc.FcObjectSetBuild.restype = ctypes.c_void_p
    fc.FcFontList.restype = ctypes.POINTER(_FontSet)
    fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    for name in ("FcFontSetDestroy", "FcPatternDestroy", "FcObjectSetDestroy"):
        getattr(fc, name).argtypes = [ctypes.c_void_p]
    pattern = fc.FcNameParse(b":lang=zh-cn")
    objects = fc.FcObjectSetBuild(b"family", None)
    fonts = fc.FcFontList(None, pattern, objects)
    try:
        return fonts.contents.nfont if fonts else 0
    finally:
        if fonts:
            fc.FcFontSetDestroy(fonts)
        fc.FcObjectSetDestroy(objects)
        fc.FcPatternDestroy(pattern)


def font_problem(count: Callable[[], int] = chinese_fonts) -> str | None:
    """Without a Chinese font every transcript line is a row of boxes; the window still opens."""
    if count() > 0:
        return None
    return ("Inspector will show Chinese text as boxes: this machine has no Chinese font.\n"
            f"Install on Debian/Ubuntu/Kylin/UOS: sudo apt install {CHINESE_FONT_PACKAGE}")
