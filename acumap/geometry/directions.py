"""Anatomical directions on a flat figure, through the figure's frame (figures.toml).

An atlas says "1 cun lateral", "2 cun superior", "proximal to the wrist crease". On a page
those are directions that depend on the figure: lateral on the front view is towards larger x
for the patient's left and smaller x for the right; on a right profile it points into the page,
which a flat figure cannot show — that is an error with a clear message, never a guess.
"""

from __future__ import annotations

from typing import Literal

from acumap.core.model import Direction, Frame

XY = tuple[float, float]
Anatomical = Literal[
    "superior", "inferior", "anterior", "posterior", "medial", "lateral", "proximal", "distal"
]
ANATOMICAL: tuple[Anatomical, ...] = (
    "superior", "inferior", "anterior", "posterior", "medial", "lateral", "proximal", "distal",
)  # fmt: skip

_PAGE: dict[Direction, XY | None] = {
    "+x": (1.0, 0.0), "-x": (-1.0, 0.0), "+y": (0.0, 1.0), "-y": (0.0, -1.0),
    "toward": None, "away": None,
}  # fmt: skip
_OPPOSITE: dict[Direction, Direction] = {
    "+x": "-x", "-x": "+x", "+y": "-y", "-y": "+y", "toward": "away", "away": "toward",
}  # fmt: skip


class DirectionError(ValueError):
    """A direction that does not lie on this figure's page."""


def frame_direction(frame: Frame, word: Anatomical, side: str, figure: str) -> XY:
    """The unit vector on the page for an anatomical direction on one side of the body."""
    d: Direction | None
    if word in ("superior", "inferior"):
        d = frame.up if word == "superior" else _OPPOSITE[frame.up]
    elif word in ("anterior", "posterior"):
        d = frame.anterior if word == "anterior" else _OPPOSITE[frame.anterior]
    elif word in ("proximal", "distal"):
        if frame.proximal is None:
            raise DirectionError(
                f"'{word}' has no single direction on the {figure} figure: measure along a "
                "segment of the limb instead"
            )
        d = frame.proximal if word == "proximal" else _OPPOSITE[frame.proximal]
    else:  # medial / lateral: towards or away from the midline, so it depends on the side
        if side not in ("left", "right"):
            raise DirectionError(f"a midline point has no '{word}' direction")
        towards_left = word == "lateral" if side == "left" else word == "medial"
        d = frame.left if towards_left else _OPPOSITE[frame.left]
    vec = _PAGE[d]
    if vec is None:
        raise DirectionError(
            f"'{word}' points {'out of' if d == 'toward' else 'into'} the page on the "
            f"{figure} figure, so it cannot be measured there"
        )
    return vec
