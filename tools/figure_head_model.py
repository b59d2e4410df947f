"""The head's measured geometry, shared by the three head figures (tools/figure_head.py).

Everything here is in millimetres of a neutral adult head, seen from its right side:
X forward, Y up, origin at the tragus (the ear canal). The front view uses the same Y (heights
agree between face and profile) and u = distance from the midline.

The scalp is modelled as the midline profile plus a transverse curvature: a point t mm
(arc) to the side of the midline point at arc s lies, seen from the side, `depth(s, t)` mm
inside the profile along its normal, and seen from the front `lateral(s, t)` mm from the
midline. That one model draws the hairline on the face, in profile and on the top map, and
the lines 1.5 and 2.25 cun lateral on the profile, so the three figures agree.

Why the proportions are what they are (WHO 2008, BCUN.md): the arc from the anterior to the
posterior hairline is 12 cun. The profile, the forehead height and the hairline at the nape
are chosen so that, at once, GV20 (5 cun behind the anterior hairline) lies straight above
the ear apex, GV17 (2.5 cun above the posterior hairline) sits at the upper border of the
external occipital protuberance and GV16 (1 cun) in the hollow below it. On a real skull
these WHO proportions cannot all hold exactly; the compromise is documented in the report.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from figure_parts import UV, spline
from shapely.geometry import LineString

# -- the midline profile (the side view's outline), counter-clockwise from the suprasternal
# notch up the throat and round the face, over the vertex, down the back of the neck and
# round the bottom of the bust --------------------------------------------------------------
FACE_FRONT: list[UV] = [
    (46, -199), (44, -184), (45, -166), (47, -149), (49, -139), (54, -128), (51, -118),
    (48, -110), (58, -104), (75, -99), (90, -93), (99, -85), (103, -75), (101, -66), (98, -61),
    (103, -56), (107, -51), (105, -46), (104, -44), (107, -41), (109, -37), (107, -31),
    (105, -26), (109, -24), (116, -21), (123, -17), (125, -13), (122, -6), (116, 5),
    (109.5, 15), (104, 22.5), (101.4, 28), (102.2, 33),
]  # fmt: skip
CRANIUM: list[UV] = [
    (104, 38), (104, 55), (101, 73), (95, 90), (85, 106), (70, 120), (50, 131), (26, 138),
    (0, 140), (-24, 137), (-46, 128), (-65, 113), (-79, 94), (-88, 72), (-91, 50), (-89, 30),
    (-84, 12), (-79, -4), (-75, -20), (-72, -36), (-70, -52), (-70, -70), (-72, -90),
    (-76, -110), (-82, -128), (-88.5, -146),
]  # fmt: skip
BUST: list[UV] = [
    (-94, -168), (-98, -195), (-100, -224), (-97, -238), (-80, -241), (0, -241),
    (50, -240), (61, -236), (62, -224), (58, -213), (51, -204),
]  # fmt: skip
SIDE_RING = [*FACE_FRONT, *CRANIUM, *BUST]
PER = 24  # samples per span of the outline


@cache
def side_ring() -> list[UV]:
    """The drawn side outline, densely sampled (closed)."""
    return spline(SIDE_RING, closed=True, per=PER)


@cache
def outline_back() -> LineString:
    """The part of the drawn outline from the glabella over the vertex to the upper back."""
    start = len(FACE_FRONT) * PER
    return LineString(side_ring()[start : start + (len(CRANIUM) - 1) * PER + 1])


INSET = 1.8  # mm: midline landmarks sit this far inside the drawn outline (5 page units)
FOREHEAD = 52.0  # mm of arc from the glabella up to the anterior hairline (3 face cun)
EOP_CUN = 1.8  # the protuberance's centre, in cun above the posterior hairline


@cache
def skin_midline() -> LineString:
    """The midline of the skin, INSET inside the drawn outline (cranium and nape)."""
    off = outline_back().offset_curve(INSET, join_style="round")
    return LineString(list(off.coords))


def point_at(line: LineString, s: float) -> UV:
    p = line.interpolate(s)
    return (p.x, p.y)


def normal_in(line: LineString, s: float) -> UV:
    """Unit normal pointing into the head at arc s (the left of the profile's direction)."""
    a = point_at(line, max(s - 1.0, 0.0))
    b = point_at(line, min(s + 1.0, line.length))
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    return (-dy / n, dx / n)


def _arc_where(line: LineString, test: Callable[[UV], bool], lo: float, hi: float) -> float:
    """Bisection for the arc position where `test(point)` stops being true."""
    for _ in range(60):
        mid = (lo + hi) / 2
        if test(point_at(line, mid)):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


class Scalp:
    """Arc positions (mm along skin_midline) of the WHO landmarks on the midline."""

    def __init__(self) -> None:
        line = skin_midline()
        self.line = line
        half = line.length / 2
        self.glabella = 0.0  # the profile starts at the glabella
        self.ant = FOREHEAD  # anterior hairline (midpoint)
        # the protuberance sits where the occiput turns into the nape (Y = 20 on the profile)
        self.eop = _arc_where(line, lambda p: p[1] > 20.0, half, line.length)
        self.cun = (self.eop - self.ant) / (12.0 - EOP_CUN)  # mm per scalp cun (arc)
        self.post = self.ant + 12.0 * self.cun  # posterior hairline (midpoint)
        self.eop_top = self.post - 2.35 * self.cun  # upper border of the protuberance
        self.gv20 = self.ant + 5.0 * self.cun
        self.vertex = max(
            (k * 0.5 for k in range(int(line.length * 2))), key=lambda s: point_at(line, s)[1]
        )
        # C7 lies 3 cun (chord, textbook) below the posterior hairline on the back of the neck
        p = point_at(line, self.post)
        self.c7 = _arc_where(
            line, lambda q: math.hypot(q[0] - p[0], q[1] - p[1]) < 3.0 * 31.0, self.post,
            line.length,
        )  # fmt: skip
        self.c2 = self.post + 0.25 * self.cun

    def xy(self, s: float) -> UV:
        return point_at(self.line, s)


SCALP = Scalp()

# -- the transverse model ----------------------------------------------------------------------
# transverse radius of curvature (mm) along the midline arc: flat forehead, rounder vertex,
# tighter occiput and nape (from head breadth 150 mm, forehead breadth 115 mm)
_R = [(-80.0, 75.0), (0.0, 90.0), (70.0, 84.0), (150.0, 72.0), (250.0, 62.0), (340.0, 56.0),
      (450.0, 50.0)]  # fmt: skip


def radius(s: float) -> float:
    rel = s - SCALP.ant
    for (s0, r0), (s1, r1) in pairwise(_R):
        if rel <= s1:
            f = min(max((rel - s0) / (s1 - s0), 0.0), 1.0)
            return r0 + (r1 - r0) * f
    return _R[-1][1]


def depth(s: float, t: float) -> float:
    """How far a point t mm (arc) to the side lies inside the profile, seen from the side."""
    r = radius(s)
    return r * (1.0 - math.cos(min(abs(t) / r, math.pi / 2)))


def lateral(s: float, t: float) -> float:
    """Its distance from the midline seen from the front or from above."""
    r = radius(s)
    return r * math.sin(min(abs(t) / r, math.pi / 2))


def side_xy(s: float, t: float) -> UV:
    """A scalp point (s along the midline, t to the side) as seen in profile."""
    x, y = SCALP.xy(s)
    nx, ny = normal_in(SCALP.line, s)
    d = depth(s, t)
    return (x + nx * d, y + ny * d)


def front_uy(s: float, t: float) -> UV:
    """The same point seen from the front: (distance from the midline, height)."""
    return (lateral(s, t), side_xy(s, t)[1])


# -- head cun across (W-cun) and the hairline ----------------------------------------------------
PUPIL_U = 32.0  # mm from the midline (interpupillary 64 mm)
# GB15 lies above the pupil at the midpoint of GV24-ST8: the pupil's line is 2.25 W-cun out
W_CUN = radius(SCALP.ant) * math.asin(PUPIL_U / radius(SCALP.ant)) / 2.25
CORNER_T = 4.5 * W_CUN  # forehead hairline corner (ST8 is 0.5 cun above it)
CORNER_DROP = 4.0  # mm (arc): the hairline comes this far forward at the corners


def hairline_s(t: float) -> float:
    """Arc position of the anterior hairline t mm to the side: a gentle arch, highest on the
    midline (as on front.svg)."""
    f = min(abs(t) / CORNER_T, 1.0)
    return SCALP.ant - CORNER_DROP * f**2


def anterior_hairline(n: int = 24) -> list[tuple[float, float]]:
    """(s, t) of the anterior hairline from the midline out to the corner."""
    return [(hairline_s(CORNER_T * k / n), CORNER_T * k / n) for k in range(n + 1)]


def posterior_hairline() -> list[tuple[float, float]]:
    """(s, t) of the posterior hairline from the midline outward, rising towards the mastoid
    behind the ear."""
    return [(SCALP.post - 10.0 * (k / 12) ** 2, 52.0 * k / 12) for k in range(13)]


def lateral_line(t: float, n: int = 48) -> list[tuple[float, float]]:
    """(s, t) of a line t mm lateral, from the anterior to the posterior hairline level."""
    a, b = hairline_s(t), SCALP.post
    return [(a + (b - a) * k / n, t) for k in range(n + 1)]


if __name__ == "__main__":  # a quick look at the numbers
    sc = SCALP

    def show(name: str, s: float) -> None:
        x, y = sc.xy(s)
        print(f"{name:10s} s={s:6.1f}  X={x:6.1f} Y={y:6.1f}  ({(s - sc.ant) / sc.cun:5.2f} cun)")

    print(f"cun {sc.cun:.2f} mm, W-cun {W_CUN:.2f} mm, corner t {CORNER_T:.1f}")
    for nm, s in [("glabella", sc.glabella), ("ant", sc.ant), ("vertex", sc.vertex),
                  ("GV20", sc.gv20), ("eop_top", sc.eop_top), ("eop", sc.eop),
                  ("GV16", sc.post - sc.cun), ("post", sc.post), ("c2", sc.c2), ("c7", sc.c7)]:
        show(nm, s)
    print("corner side", side_xy(hairline_s(CORNER_T), CORNER_T),
          "front", front_uy(hairline_s(CORNER_T), CORNER_T))
    print("pupil line front", front_uy(hairline_s(2.25 * W_CUN), 2.25 * W_CUN))
