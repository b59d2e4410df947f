"""Before the QApplication: is there a desktop to open a window on?

Without a display, or without the libraries Qt's xcb plugin loads, Qt aborts with a core dump
and blames the wrong library. One line that says what is missing (and that the headless
commands work anyway) is what a person needs instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# The libraries Qt's xcb platform plugin needs beyond Xlib, and the Debian packages with them.
XCB_LIBS = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}
HEADLESS = "`acumap handout` and `acumap --screenshot` work without one"


def window_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why a window cannot open here, in one line, or None when it can (or we cannot tell)."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb", "wayland"):
        return None  # offscreen, minimal, another OS: Qt copes
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return f"no display to open the window on (DISPLAY is not set); {HEADLESS}"
    if env.get("DISPLAY") and platform != "wayland" and not env.get("WAYLAND_DISPLAY"):
        missing = [pkg for lib, pkg in XCB_LIBS.items() if ctypes.util.find_library(lib) is None]
        if missing:
            return (
                f"the window needs {', '.join(missing)} (sudo apt-get install "
                f"{' '.join(XCB_LIBS.values())}); {HEADLESS}"
            )
    return None
