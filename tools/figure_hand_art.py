"""Artwork of the hand close-ups (tools/figure_hand.py): creases, nails, knuckles, tendons.

All in hand coordinates (cm of the reference hand, u towards the thumb, v towards the
fingertips); figure_hand.Sheet projects them onto the palm or the back view. The palette and
stroke widths are those of the body figures (figure_views.STYLES): "lines" for the main
palmar creases and contours, "fine" for the rest, "nails", and "skin-shade" for the balls of
the thumb and the little finger.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import figure_hand_shape as hs
from figure_parts import UV
from shapely.geometry import LineString, box
from shapely.geometry.base import BaseGeometry

if TYPE_CHECKING:
    from figure_hand import Sheet

FINGERS, THUMB = hs.FINGERS, hs.THUMB


def palm_creases() -> dict[str, list[UV]]:
    """The three main palmar creases and the hypothenar border (also landmarks)."""
    return {
        # from the wrist, round the ball of the thumb, to the radial edge above the web
        "thenar-crease": [(0.85, 0.55), (1.0, 1.9), (1.32, 3.5), (1.92, 5.1), (2.72, 6.42),
                          (3.42, 7.28), (3.86, 7.72)],
        # radial -> ulnar: from the radial edge (with the thenar crease) across the palm
        "palmar-crease-proximal": [(3.86, 7.72), (3.0, 7.38), (1.8, 7.06), (0.5, 6.78),
                                   (-0.9, 6.4), (-2.15, 5.92), (-3.0, 5.5)],
        # radial -> ulnar: from the web of the index and middle fingers to the ulnar edge
        "palmar-crease-distal": [(1.5, 9.5), (0.85, 8.98), (-0.05, 8.5), (-1.25, 8.08),
                                 (-2.45, 7.82), (-3.45, 7.7), (-4.28, 7.6)],
        "hypothenar-border": [(-2.05, 1.0), (-2.45, 2.5), (-2.75, 4.1), (-2.9, 5.1)],
    }  # fmt: skip


def across(f: hs.Finger, t: float, frac: float, bow: float) -> list[UV]:
    """A short crease across a finger at t: frac of its width, bowed by `bow` cm distally."""
    w = f.half_width(t) * frac
    return [f.at(t, -w), f.at(t + bow * 0.75, -w / 2), f.at(t + bow, 0),
            f.at(t + bow * 0.75, w / 2), f.at(t, w)]  # fmt: skip


def thumb_across(t: float, frac: float, bow: float, shift: float = 0.0) -> list[UV]:
    w = THUMB.half_width(t) * frac
    th = THUMB
    return [th.at(t, shift - w), th.at(t + bow * 0.75, shift - w / 2), th.at(t + bow, shift),
            th.at(t + bow * 0.75, shift + w / 2), th.at(t, shift + w)]  # fmt: skip


def nail(f: hs.Finger | hs.Thumb, base: float, lo: float, hi: float) -> list[UV]:
    """A nail plate seen from the back, between w = lo and hi across the finger: from the
    cuticle (a curve convex towards the knuckle) to the free edge just short of the tip."""
    tip = f.stations["tip"]
    t0, t1 = tip - base, tip - 0.34
    mid, half = (lo + hi) / 2, (hi - lo) / 2
    side = []
    for k in range(7):  # a little fuller in the middle, and clear of the rounded fingertip
        t = t0 + (t1 - t0) * k / 6
        room = f.half_width(t) - 0.1 - abs(mid)
        side.append((t, min(half * (1.0 + 0.07 * math.sin(math.pi * k / 6)), room)))
    right = [f.at(t, mid + w) for t, w in side]
    end = side[-1][1]
    free = [f.at(t1 + 0.12 * math.sin(math.pi * k / 8), mid + end * math.cos(math.pi * k / 8))
            for k in range(1, 8)]  # fmt: skip
    left = [f.at(t, mid - w) for t, w in reversed(side)]
    cuticle = [f.at(t0 - 0.1 * math.sin(math.pi * k / 8), mid - half * math.cos(math.pi * k / 8))
               for k in range(1, 8)]  # fmt: skip
    return right + free + left + cuticle


def between_v(pts: list[UV], lo: float, hi: float) -> list[UV]:
    """The part of a curve (given proximal -> distal) between two heights v."""
    part = LineString(pts).intersection(box(-20.0, lo, 20.0, hi))
    return [(float(x), float(y)) for x, y in part.coords]


def from_v(pts: list[UV], lo: float) -> list[UV]:
    return between_v(pts, lo, 30.0)


def inside(pts: list[UV], outline: BaseGeometry, margin: float = 0.05) -> list[UV]:
    """A crease stopped just short of the outline."""
    part = LineString(pts).intersection(outline.buffer(-margin))
    return [(float(x), float(y)) for x, y in part.coords]


def draw(s: Sheet, outline: BaseGeometry) -> None:
    view = s.v.view
    if view == "palm":
        _palm(s, outline)
    else:
        _back(s, outline)


def _palm(sh: Sheet, outline: BaseGeometry) -> None:
    th = THUMB
    ts = th.stations
    creases = palm_creases()
    for name in ("thenar-crease", "palmar-crease-proximal", "palmar-crease-distal"):
        sh.curve("lines", inside(creases[name], outline))
    # wrist creases (the distal one is WHO's palmar wrist crease)
    import figure_hand_marks as mk

    sh.curve("fine", [(u, mk.palm_crease_v(u)) for u in mk._steps(2.75, -2.85)])
    sh.curve("fine", [(u, -0.75 + mk.palm_crease_v(u)) for u in mk._steps(2.1, -2.2)])
    # tendons just above the wrist creases
    tendons = mk.tendons()
    for name, top in (("tendon-palmaris-longus", -3.9), ("tendon-flexor-carpi-radialis", -3.9),
                      ("tendon-flexor-carpi-ulnaris", -3.3)):  # fmt: skip
        sh.curve("fine", between_v(tendons[name][1], top, -1.1))
    # finger creases: root (double), PIP (double), DIP
    for f in FINGERS.values():
        st = f.stations
        for dt in (0.0, 0.14) if f.name != "little" else (0.0,):
            sh.curve("fine", across(f, st["root"] + dt, 0.8, 0.05))
        for dt in (-0.07, 0.08):
            sh.curve("fine", across(f, st["pip"] + dt, 0.84, 0.04))
        sh.curve("fine", across(f, st["dip"], 0.78, 0.03))
    # thumb: the MCP creases and the long IP crease; the nail seen edge-on on its radial side
    for dt in (0.25, 0.45):
        sh.curve("fine", thumb_across(ts["mcp"] + dt, 0.78, 0.06, -0.1))
    sh.curve("fine", thumb_across(ts["ip"], 0.86, 0.05))


def _back(sh: Sheet, outline: BaseGeometry) -> None:
    import figure_hand_marks as mk

    th = THUMB
    ts = th.stations
    # dorsal wrist crease, head of the ulna, the radial styloid
    sh.curve("fine", [(u, mk.back_crease_v(u)) for u in mk._steps(2.6, -2.75)])
    hu, hv = mk.ULNA_HEAD  # the head of the ulna: an arc round its radial side
    sh.curve("fine", [(hu - 0.3, hv + 0.62), (hu + 0.32, hv + 0.38), (hu + 0.5, hv - 0.1),
                      (hu + 0.28, hv - 0.6)])
    # extensor tendons on the back of the hand, fanning out to the knuckles
    for f in FINGERS.values():
        m = f.mcp
        sh.curve("fine", [(0.1 + m[0] * 0.35, 2.6), (m[0] * 0.8 + 0.05, 5.6), f.at(-0.75)])
    # thumb tendons (the snuffbox lies between them), from the wrist on
    tendons = mk.tendons()
    for name in ("tendon-extensor-pollicis-longus", "tendon-extensor-pollicis-brevis"):
        sh.curve("fine", from_v(tendons[name][1][:4], -0.9))  # up to the thumb's knuckle
    # knuckles (metacarpal heads), PIP and DIP wrinkles, nails
    for f in FINGERS.values():
        st = f.stations
        w = f.half_width(0.0) * 0.55
        sh.curve("fine", [f.at(0.05, -w), f.at(0.32, -w * 0.45), f.at(0.38, 0),
                          f.at(0.32, w * 0.45), f.at(0.05, w)])  # fmt: skip
        for dt, frac, bow in ((-0.24, 0.42, -0.05), (0.0, 0.55, -0.02), (0.2, 0.5, 0.04),
                              (0.4, 0.36, 0.05)):  # fmt: skip
            sh.curve("fine", across(f, st["pip"] + dt, frac, bow))
        for dt, frac, bow in ((0.02, 0.45, -0.03), (0.2, 0.38, 0.03)):
            sh.curve("fine", across(f, st["dip"] + dt, frac, bow))
        base, half = mk.NAILS[f.name]
        sh.curve("nails", nail(f, base, -half, half), closed=True)
        sh.curve("fine", across(f, st["tip"] - base - 0.16, 0.62, -0.1))
    # thumb: MCP knuckle, IP wrinkles, the nail turned towards the side
    sh.curve("fine", thumb_across(ts["mcp"] + 0.1, 0.5, 0.2, -0.15))
    for dt, frac, bow in ((-0.2, 0.45, -0.05), (0.05, 0.55, -0.02), (0.28, 0.42, 0.05)):
        sh.curve("fine", thumb_across(ts["ip"] + dt, frac, bow, -0.05))
    nb, w0, w1 = mk.THUMB_NAIL
    sh.curve("nails", nail(th, nb, w0, w1), closed=True)
    sh.curve("fine", thumb_across(ts["tip"] - nb - 0.16, 0.45, -0.1, (w0 + w1) / 2))
