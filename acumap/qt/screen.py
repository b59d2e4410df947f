"""Sizes that fit the screen the window opens on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette


def fitted_size(wanted: tuple[int, int]) -> tuple[int, int]:
    """The default size, but never larger than the screen's free area (at 2x scale a
    1360x880 window would not fit a 1600x1000 screen's logical pixels)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry()
    return min(wanted[0], int(free.width() * 0.95)), min(wanted[1], int(free.height() * 0.92))


def is_dark(palette: QPalette) -> bool:
    """A dark desktop palette: what is drawn on the window's colours must be light."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
