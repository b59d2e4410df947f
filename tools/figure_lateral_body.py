"""The lateral body figure's shapes: the profile outline, the raised arm and hand, and a small
model of the trunk's cross-sections (for tools/figure_lateral.py).

Coordinates are SVG units of the *right* profile (x grows towards the face); the left profile
is its mirror image. Heights are the body cun levels of tools/make_figures.py (C = 22.4 units
per cun, sole at y 1720), so a point on the side lands at the same height as on front/back.

Depths (front-to-back), for an adult of 75 cun = 1680 units (9.6 units per cm at 175 cm):
head glabella-opisthocranion 192 (20 cm), neck 120 (12.5 cm), chest at the nipples 240
(25 cm), waist at the umbilicus 190 (20 cm), buttocks 215 (22.5 cm), thigh below the fold 176
(18 cm), knee 112 (11.5 cm), calf 112 (11.5 cm), ankle 76 (8 cm), foot 250 (26 cm). A plumb line
x = P runs through the tragus, the acromion and the greater trochanter, just in front of the
knee's axis and the lateral malleolus; the spine has a cervical and a lumbar lordosis and a
thoracic kyphosis (deepest at L3, fullest near T7).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

import make_figures as sk
from figure_parts import UV, Frame, chain, circle, closing, edge_u, hull, outline, spline
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

C = sk.C
W = 920.0  # viewBox width (the forward arm needs more room than the 900 of front/back)
P = 185.0  # x of the plumb line
N_SEC = 2.5  # superellipse exponent of the trunk's cross-section (flatter front than an oval)


def X(dx: float) -> float:
    return P + dx


# -- the profile: head, front of the trunk and leg, sole, back (x offset from P, y) ------------
HEAD_FRONT: list[UV] = [
    (-8, 40), (30, 45), (62, 61), (83, 84), (94, 110), (97, 130), (97, 142), (91, 151),
    (97, 164), (107, 180), (117, 191.5), (114, 198), (101, 200.5), (101, 206), (104, 212.5),
    (99.5, 219.5), (102, 226), (96, 232), (92, 236.5), (96, 245), (97.5, 253), (89, 263),
    (70, 268), (52, 273), (41, 282),
]  # fmt: skip
NECK_TRUNK_FRONT: list[UV] = [
    (41.5, 292), (44.5, 299), (44, 310), (47, 333), (54, 358), (62, 376), (78, 396), (92, 421),
    (104, 452), (113, 486), (119, 520), (120, 546), (116, 568), (109, 590), (103, 620),
    (100, 655), (101, 695), (104, 735), (105, 762), (103, 795), (98, 828), (91, 855),
    (86, 872), (85, 886),
]  # fmt: skip
LEG_FRONT: list[UV] = [
    (90, 915), (93, 965), (92, 1040), (86, 1120), (76, 1195), (66, 1248), (64, 1272),
    (67, 1292), (62, 1314), (56, 1330), (57, 1350), (52, 1385), (46, 1450), (40, 1530),
    (35, 1600), (34, 1634), (43, 1649), (70, 1661), (110, 1676), (146, 1690), (169, 1699),
    (184, 1707), (187, 1714), (178, 1720),
]  # fmt: skip
BACK: list[UV] = [
    (-40, 1720), (-55, 1716), (-63, 1701), (-60, 1680), (-49, 1656), (-42, 1626), (-44, 1580),
    (-52, 1530), (-62, 1472), (-68, 1422), (-66, 1382), (-58, 1346), (-52, 1317), (-54, 1280),
    (-60, 1222), (-70, 1150), (-80, 1080), (-86, 1032), (-91, 1009), (-105, 995), (-117, 968),
    (-123, 927), (-121, 882), (-114, 842), (-100, 805), (-87, 765), (-80, 722), (-84, 680),
    (-94, 638), (-106, 594), (-114, 550), (-118, 505), (-116, 460), (-108, 420), (-95, 386),
    (-81, 360), (-70, 340), (-65, 320), (-64, 296), (-67, 271), (-74, 246), (-83, 216),
    (-89, 185), (-95, 155), (-93, 120), (-81, 86), (-61, 60), (-36, 46),
]  # fmt: skip


def body_profile() -> Polygon:
    """Head, trunk and the near leg (the far leg stands exactly behind it)."""
    pts = [(X(dx), y) for dx, y in [*HEAD_FRONT, *NECK_TRUNK_FRONT, *LEG_FRONT, *BACK]]
    return outline(pts, per=12)


# -- the arm, raised forward to the horizontal, thumb up ---------------------------------------
SHOULDER: UV = (X(5), 425.0)
UPPER = Frame(SHOULDER, 90 - 3)  # v forward (3 deg below horizontal), w up = the arm's front
ARM_R = [(0.0, 36.0), (110.0, 32.5), (232.0, 27.5)]  # upper-arm radius along v
FOLD_V = 38.0  # where the anterior axillary fold meets the underside of the arm


def arm_r(v: float) -> float:
    (v0, r0), (v1, r1), (v2, r2) = ARM_R
    if v <= v1:
        return r0 + (r1 - r0) * max(v - v0, 0) / (v1 - v0)
    return r1 + (r2 - r1) * (v - v1) / (v2 - v1)


def _solve_v(frame: Frame, fixed: UV, w_of_v: Callable[[float], float], dist: float,
             v0: float) -> float:
    """The v (>= v0) at which frame.at(w_of_v(v), v) lies `dist` from `fixed` (bisection)."""
    lo, hi = v0, v0 + 2 * dist
    for _ in range(80):
        mid = (lo + hi) / 2
        p = frame.at(w_of_v(mid), mid)
        if math.hypot(p[0] - fixed[0], p[1] - fixed[1]) < dist:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


FOLD_ANT: UV = UPPER.at(-(arm_r(FOLD_V) - 3), FOLD_V)
# the cubital crease faces up in this pose: its middle is 4 units inside the top edge, exactly
# 9 cun from the anterior axillary fold (the `upper-arm` segment)
ELBOW_V = _solve_v(UPPER, FOLD_ANT, lambda v: arm_r(v) - 4, 9 * C, FOLD_V)
ELBOW: UV = UPPER.at(0, ELBOW_V)
CUBITAL_MID: UV = UPPER.at(arm_r(ELBOW_V) - 4, ELBOW_V)
OLECRANON: UV = UPPER.at(-(arm_r(ELBOW_V) - 4), ELBOW_V - 8)
FORE = Frame(ELBOW, 90 + 8)  # the forearm rises 8 degrees (a soft elbow), mid-pronation
# the back of the wrist faces the viewer: its crease middle is 12 cun from the olecranon
WRIST_V = _solve_v(FORE, OLECRANON, lambda v: 0.0, 12 * C, 100.0)
WRIST: UV = FORE.at(0, WRIST_V)
HAND = Frame(WRIST, 90 + 3)  # dorsum towards the viewer, fingers forward, thumb (w > 0) up

# fingers seen from the back of the hand: base (w, v), spread (deg), length, radius base/tip
FINGERS = {
    "index": (22.0, 88.0, 1.5, 72.0, 8.0, 6.6),
    "middle": (7.0, 92.0, 0.0, 80.0, 8.4, 6.9),
    "ring": (-8.5, 89.0, -1.5, 75.0, 8.0, 6.6),
    "little": (-22.5, 81.0, -3.5, 60.0, 7.0, 5.8),
}
THUMB: list[tuple[float, float, float]] = [
    (16, 13, 13.5), (27, 40, 11.5), (33, 60, 10.2), (36, 80, 9.2), (37, 98, 8.2),
]


def finger_axes() -> dict[str, tuple[UV, UV, float, float]]:
    out = {}
    for name, (w, v, spread, length, rb, rt) in FINGERS.items():
        base = HAND.at(w, v)
        out[name] = (base, HAND.rotated(base, spread).at(0, length), rb, rt)
    out["thumb"] = (HAND.at(*THUMB[-2][:2]), HAND.at(*THUMB[-1][:2]), THUMB[-2][2], THUMB[-1][2])
    return out


def hand_shape() -> BaseGeometry:
    h = HAND
    palm = hull([h.node(-12, 2, 12.5), h.node(12, 2, 12.5), h.node(19, 38, 14.5),
                 h.node(-22, 44, 12.5), h.node(-24, 72, 10.5), h.node(-10, 84, 11.5),
                 h.node(6, 87, 11.5), h.node(21, 80, 9.5)])  # fmt: skip
    parts = [palm, chain([h.node(*n) for n in THUMB])]
    for base, tip, rb, rt in list(finger_axes().values())[:4]:
        parts.append(hull([(*base, rb), (*tip, rt)]))
    return closing(unary_union(parts), 2.5)


def arm_shape() -> BaseGeometry:
    upper = chain([UPPER.node(0, v, r) for v, r in ARM_R])
    deltoid = circle(*UPPER.at(0, 14), 37.0)
    fore = chain([FORE.node(0, -6, 28.0), FORE.node(1.5, 75, 30.5), FORE.node(0, WRIST_V, 22.0)])
    return unary_union([upper, deltoid, fore])


def silhouette() -> BaseGeometry:
    body = unary_union([body_profile(), arm_shape()])
    return closing(unary_union([closing(body, 7.0), hand_shape()]), 1.2)


# -- the trunk's cross-sections ------------------------------------------------------------------
_PROFILE = body_profile()
_FRONT_TRUNK = sk.trunk()  # the front figure's trunk: its half-width at each height


def edges(y: float) -> tuple[float, float]:
    """Back and front x of the body profile at height y (no arm)."""
    cut = _PROFILE.intersection(LineString([(0, y), (W, y)]))
    xs = [c[0] for c in cut.coords] if not hasattr(cut, "geoms") else [
        c[0] for g in cut.geoms for c in g.coords]  # fmt: skip
    return min(xs), max(xs)


def half_width(y: float) -> float:
    """Half the trunk's width on the front figure at height y."""
    return edge_u(_FRONT_TRUNK, y)


def _mid(y: float) -> float:
    xb, xf = edges(y)
    return (xb + xf) / 2


_MAL_KNOTS = [(_mid(y), y) for y in (440.0, 520.0, 600.0, 680.0, 760.0)]
_MAL = spline(_MAL_KNOTS, per=16)


def mal_x(y: float) -> float:
    """The midaxillary line: the side of the trunk, halfway between its front and back
    (smoothed through a few heights so the outline's small bumps do not make it wander)."""
    for (x0, y0), (x1, y1) in pairwise(_MAL):
        if y0 <= y <= y1:
            return x0 + (x1 - x0) * (y - y0) / (y1 - y0)
    raise ValueError(f"no midaxillary line at y {y}")


def section_x(y: float, phi: float) -> float:
    """x of the surface point at angle phi round the cross-section at height y: 0 is the front
    midline, pi/2 the midaxillary line, pi the back midline (a superellipse, see N_SEC)."""
    xb, xf = edges(y)
    xm = (xb + xf) / 2
    c = math.cos(phi)
    depth = abs(c) ** (2 / N_SEC)
    return xm + (xf - xm) * depth if c >= 0 else xm - (xm - xb) * depth


def phi_at_u(y: float, u: float) -> float:
    """The section angle of the surface point that lies u from the midline on the front view."""
    return math.asin(min(u / half_width(y), 1.0) ** (N_SEC / 2))


def chest_point(u: float, y: float) -> UV:
    """The point u units lateral to the front midline at height y (front half of the trunk)."""
    return (section_x(y, phi_at_u(y, u)), y)


def surface_curve(controls: Sequence[tuple[float, float]], per: int = 10) -> list[UV]:
    """A line on the trunk given as (phi, y) control points, projected to the profile."""
    pts = spline([(phi * 100, y) for phi, y in controls], per=per)
    out = []
    for s, y in pts:  # keep the line 3.5 units inside the outline where it meets the front
        phi = max(s / 100, phi_inset(y, 3.5))
        out.append((section_x(y, phi), y))
    return out


def phi_inset(y: float, inset: float) -> float:
    """The section angle whose point lies `inset` units behind the front edge."""
    xb, xf = edges(y)
    ratio = 1 - inset / ((xf - xb) / 2)
    return math.acos(max(min(ratio, 1.0), 0.0) ** (N_SEC / 2))
