"""Build the body figures (assets/body_svgs/front.svg, back.svg) from a proportional skeleton.

    python tools/make_figures.py          # rewrite both SVGs
    python tools/make_figures.py --check  # exit 1 if the committed SVGs differ from the output

The skeleton
------------
The body is measured in B-cun (WHO 2008, /BCUN.md, data/segments.toml) with one body cun of
C = 22.4 SVG units. Heights are counted up from the sole (y = 1720) so the standard segments
come out exactly:

    sole -> medial malleolus                    3 cun   (y 1652.8)
    medial malleolus -> tibial medial condyle  13 cun   (SP9 level, y 1361.6)
    condyle -> patella apex (popliteal crease)  2 cun   (apex to malleolus = 15)
    patella apex -> patella base                2 cun
    patella base -> pubic symphysis            18 cun   (y 868.8)
    greater trochanter -> popliteal crease     19 cun;  gluteal fold -> popliteal crease 14
    pubic symphysis -> umbilicus                5 cun   (y 756.8)
    umbilicus -> xiphisternal junction          8 cun   (y 577.6)
    xiphisternal junction -> suprasternal notch 9 cun   (y 376; ics1..ics5 at 2.6..9 cun
                                                          below it, nipples on ics4)
    notch -> chin 5 cun (neck), chin -> vertex 10 cun (head): vertex at y 40, 75 cun in all.

Across: nipples 4 cun from the midline, scapular medial borders 3 cun, sacral foramina
0.8 cun. The arms use the same cun: axillary fold -> cubital crease 9 cun, cubital crease
-> wrist crease 12 cun. The head is drawn as a head (a projection of a curved surface): its
B-cun are not the body's. Glabella -> anterior hairline (3 head cun) is 54 units and the
forehead hairline corners (9 head cun) are 128 apart; the mastoids are 9 head cun apart on
the back. The back of the trunk is levelled on the spine: C7 at the base of the neck,
thoracic spinous processes evenly spaced, lumbar ones 1.25x that, so that T3 is level with the
medial ends of the scapular spines, T7 with the inferior angles, T12 halfway between the
inferior angle and the iliac crest top, L4 with the crest top and S2 with the PSIS.

Parts are shapely shapes in half coordinates (u = distance from the midline, see
figure_parts.py): tapered capsules (convex hulls of circles) for limbs and fingers, ellipses
and hulls for head and hands, a Catmull-Rom outline for the trunk. They are unioned, mirrored,
closed (buffer +r then -r) to round the joins, and written as smooth cubic Bezier paths with
fixed two-decimal numbers, so the output is byte-identical on every run. Every landmark is
computed from the same skeleton and the script refuses to write a figure in which a landmark
lies less than 3 units inside the silhouette or the two sides do not mirror.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from figure_parts import (
    MID,
    UV,
    Frame,
    Node,
    both_sides,
    chain,
    circle,
    closing,
    ellipse,
    hull,
    outline,
    sync_outputs,
    to_world,
)
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

if TYPE_CHECKING:
    from figure_views import Sheet

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "body_svgs"

C = 22.4  # SVG units per body cun
SOLE = 1720.0


def lvl(cun_above_sole: float) -> float:
    return SOLE - C * cun_above_sole


# -- levels (y) ------------------------------------------------------------------------------
VERTEX, CHIN, NOTCH = lvl(75), lvl(65), lvl(60)
XIPH, UMB, PUBIS = lvl(51), lvl(43), lvl(38)
GT, GLUT_FOLD = lvl(37), lvl(32)
PAT_BASE, PAT_APEX, TIB_CONDYLE, MED_MALL = lvl(20), lvl(18), lvl(16), lvl(3)
ICS = [NOTCH + C * (2.6 + 1.6 * k) for k in range(5)]  # ics1..ics5; ics5 = xiphisternal
NIPPLE_U = 4 * C
LAT_MALL = MED_MALL + 9.0

# back: the spine
C7, ILIAC_TOP = 335.0, 750.0
T_STEP = (ILIAC_TOP - C7) / 17  # C7->T1 and each thoracic step; lumbar steps are 1.25x
# C1 lies deep under the occiput (not palpable: no tick drawn), C2 is the first bump below it,
# C3-C6 evenly down to C7 (the whole spine can be named in a placement: "c5.inferior")
SPINE: dict[str, float] = {"c1": 250.0, "c2": 268.0}
SPINE |= {f"c{i}": 268.0 + (C7 - 268.0) * (i - 2) / 5 for i in range(3, 8)}
SPINE |= {f"t{i}": C7 + i * T_STEP for i in range(1, 13)}
SPINE |= {f"l{i}": C7 + 12 * T_STEP + i * 1.25 * T_STEP for i in range(1, 6)}
SACRAL = [SPINE["l5"] + 25 + 21.5 * k for k in range(4)]  # s1..s4; s2 is the PSIS level
SPINE |= {f"s{i + 1}": y for i, y in enumerate(SACRAL)}
T3, T7 = SPINE["t3"], SPINE["t7"]

# head (drawn proportions, see docstring)
HAIRLINE, GLABELLA, PUPIL_Y = 88.0, 142.0, 155.0
POST_HAIRLINE = 262.0
# the occipital protuberance: 1.8 cun above the posterior hairline, as on the head model (so GV16,
# 1 cun above the hairline, is just below it), in the neck's cun (hairline to C7 is 3 cun)
EOP = POST_HAIRLINE - 1.8 * (C7 - POST_HAIRLINE) / 3
# the protuberance's superior border (GV17, BL9, GB19): as on the head close-ups (head model),
# 2.35 cun above the posterior hairline where the centre is 1.8 cun
EOP_TOP = EOP - (POST_HAIRLINE - EOP) * (2.35 - 1.8) / 1.8

# arm: shoulder joint, the cun-exact axillary fold -> elbow crease -> wrist crease
SHOULDER: UV = (172.0, 420.0)
UPPER_ARM_DEG, FOREARM_DEG, HAND_DEG = 11.0, 13.0, 9.0
AXILLA: UV = (148.0, 458.0)


def _elbow() -> UV:
    """The point on the upper-arm axis exactly 9 cun from the anterior axillary fold."""
    f = Frame(SHOULDER, UPPER_ARM_DEG)
    dx, dy = SHOULDER[0] - AXILLA[0], SHOULDER[1] - AXILLA[1]
    b = dx * f.d[0] + dy * f.d[1]
    t = -b + math.sqrt(b * b - (dx * dx + dy * dy - (9 * C) ** 2))
    return f.at(0, t)


ELBOW = _elbow()
FOREARM = Frame(ELBOW, FOREARM_DEG)
WRIST = FOREARM.at(0, 12 * C)
HAND = Frame(WRIST, HAND_DEG)

# hand: base knuckle (w, v), spread (deg, + towards the thumb), length, radius base / tip
FINGERS = {
    "index": (24.0, 90.0, 8.0, 74.0, 8.2, 6.8),
    "middle": (7.5, 94.0, 2.0, 84.0, 8.6, 7.1),
    "ring": (-9.0, 91.0, -4.0, 78.0, 8.2, 6.8),
    "little": (-24.5, 83.0, -11.0, 61.0, 7.2, 6.0),
}
THUMB: list[tuple[float, float, float]] = [
    (18, 14, 14), (34, 44, 12), (47, 66, 10.5), (57, 88, 9.4), (63, 110, 8.4),
]

LEG: list[Node] = [
    (86, 905, 80), (78, 1080, 62), (66, 1225, 48), (64, 1294, 44),
    (66, 1400, 49), (63, 1530, 35), (60, 1640, 26),
]  # fmt: skip
KNEE_U, ANKLE_U = 64.0, 60.0
# front-view toes: base (u, y), tip (u, y), radius -- big toe first
TOES = [
    ((37, 1688), (36.5, 1713), 10.8),
    ((56, 1690), (57.5, 1711), 6.8),
    ((70.5, 1690), (72.5, 1708.5), 6.3),
    ((84, 1688), (86.5, 1705), 5.9),
    ((96, 1686), (99.5, 1700.5), 5.4),
]
SOLE_U = 335.0  # sole insets on the back view, centred this far from the midline


def finger_axes() -> dict[str, tuple[UV, UV, float, float]]:
    """Each finger's base and tip centre and radii, thumb included."""
    out = {}
    for name, (w, v, spread, length, rb, rt) in FINGERS.items():
        base = HAND.at(w, v)
        out[name] = (base, HAND.rotated(base, spread).at(0, length), rb, rt)
    out["thumb"] = (HAND.at(*THUMB[-2][:2]), HAND.at(*THUMB[-1][:2]), THUMB[-2][2], THUMB[-1][2])
    return out


# -- the silhouette -----------------------------------------------------------------------------
def cranium() -> Polygon:
    """The skull seen from the front or back: a superellipse, fuller at the top than an egg."""
    pts = []
    for k in range(192):
        t = 2 * math.pi * k / 192
        c, s = math.cos(t), math.sin(t)
        pts.append((76 * math.copysign(abs(c) ** (2 / 2.3), c),
                    142 - 102 * math.copysign(abs(s) ** (2 / 2.3), s)))  # fmt: skip
    return Polygon(pts)


def trunk() -> BaseGeometry:
    side = [(120, 372), (146, 405), (151, 450), (147, 495), (139, 545), (129, 600), (121, 650),
            (118, 695), (122, 735), (133, 775), (147, 815), (157, 855), (160, 890), (148, 918),
            (60, 928)]  # fmt: skip
    ring = [(0.0, 356.0), *side, (0.0, 922.0), *[(-u, y) for u, y in reversed(side)]]
    return outline(ring, per=12)


def skull() -> BaseGeometry:
    """The cranium with the jaw (front) or the back of the skull down to the nape (back)."""
    return unary_union(
        [cranium(), circle(57, 206, 13), circle(37, 244, 15), circle(0, 251, 13)]
    ).convex_hull


def head(back: bool) -> BaseGeometry:
    skull_ = skull()
    ear = outline([(70, 148), (82, 146), (89.5, 156), (89, 176), (85, 194), (79, 208), (71, 207)])
    if back:  # seen from behind the ear stands off the head a little less
        ear = outline([(70, 151), (79, 150), (85, 159), (84, 179), (81, 196), (77, 208),
                       (70, 206)])  # fmt: skip
    return unary_union([skull_, ear])


def hand_shape() -> BaseGeometry:
    h = HAND
    palm = hull([h.node(-12, 2, 13), h.node(12, 2, 13), h.node(20, 38, 15), h.node(-23, 46, 13),
                 h.node(-25, 74, 11), h.node(-11, 84, 12), h.node(6, 87, 12),
                 h.node(22, 80, 10)])  # fmt: skip
    parts = [palm, chain([h.node(*n) for n in THUMB])]
    for base, tip, rb, rt in list(finger_axes().values())[:4]:
        parts.append(hull([(*base, rb), (*tip, rt)]))
    return closing(unary_union(parts), 2.5)


def foot_shape(back: bool) -> BaseGeometry:
    bumps = [circle(38.5, MED_MALL, 7.5), circle(84.5, LAT_MALL, 7.0)]
    if back:
        body = hull([(60, 1640, 26), (60, 1697, 23), (40, 1708, 12), (84, 1709, 10)])
        return closing(unary_union([body, *bumps]), 4)
    body = hull([(60, 1640, 26), (36, 1680, 13), (64, 1682, 14), (92, 1684, 10)])
    toes = [hull([(*b, r), (*t, r)]) for b, t, r in TOES]
    return closing(unary_union([body, *bumps, *toes]), 2.5)


def body_half(back: bool) -> BaseGeometry:
    neck = hull([(0, 235, 45), (0, 345, 48)])
    trap = hull([(36, 306, 18), (100, 345, 20), (178, 386, 22), (150, 400, 20), (0, 360, 30)])
    deltoid = circle(176, 422, 35)
    arm = chain([(*SHOULDER, 35), (*Frame(SHOULDER, UPPER_ARM_DEG).at(0, 110), 32), (*ELBOW, 28)])
    fore = chain([(*ELBOW, 28.5), (*FOREARM.at(0, 75), 31.5), (*WRIST, 24)])
    main = unary_union([head(back), neck, trap, deltoid, trunk(), arm, fore, chain(LEG)])
    main = closing(both_sides(main), 8)
    return unary_union([main, hand_shape(), foot_shape(back)])


def silhouette(back: bool) -> BaseGeometry:
    return to_world(closing(both_sides(body_half(back)), 1.2))


def sole_shape() -> BaseGeometry:
    """Plantar view of the left foot, toes up, big toe towards the midline (half coords)."""
    u0 = SOLE_U
    pts = [(0, 1676), (27, 1663), (36, 1625), (38, 1580), (41, 1530), (46, 1488), (44, 1462),
           (20, 1444), (-10, 1440), (-36, 1450), (-44, 1478), (-38, 1515), (-26, 1555),
           (-24, 1595), (-32, 1632), (-24, 1664)]  # fmt: skip
    foot = outline([(u0 + a, y) for a, y in pts], per=10)
    toes = [
        ellipse(u0 - 31, 1428, 13.5, 21, 5),
        ellipse(u0 - 5, 1428, 7.9, 15, -2),
        ellipse(u0 + 14, 1432, 7.3, 14, -8),
        ellipse(u0 + 32, 1441, 6.5, 12, -18),
        ellipse(u0 + 47, 1457, 5.7, 10.5, -30),
    ]
    sole = closing(unary_union([foot, *toes]), 1.5)
    assert isinstance(sole, Polygon), "every toe must join the sole"
    return Polygon(sole.exterior)  # the webs between toe bases are skin, not holes


def verify(sheet: Sheet, sil: BaseGeometry) -> None:
    """Refuse to write a figure that breaks the contract's geometry."""
    boundary = sil.boundary
    bad = []
    for name, (x, y) in sheet.landmarks.items():
        p = Point(x, y)
        if not sil.contains(p) or boundary.distance(p) < 3.0:
            bad.append(f"{name} is not 3 units inside the outline ({x:.1f}, {y:.1f})")
        if name.endswith("-l"):
            xr, yr = sheet.landmarks[name[:-2] + "-r"]
            if abs((x + xr) / 2 - MID) > 1e-6 or abs(y - yr) > 1e-6:
                bad.append(f"{name} does not mirror its -r twin")
    if bad:
        raise SystemExit(f"{sheet.view}: " + "; ".join(bad))


def build(view: str) -> str:
    import figure_views  # the artwork and landmarks of each view (imports this module)

    back = view == "back"
    body = silhouette(back)
    half = unary_union([trunk(), chain(LEG)])  # for edges of the trunk and legs: no arms
    sheet = figure_views.Sheet(view)
    if back:
        soles = to_world(both_sides(sole_shape()))
        sil = unary_union([body, soles])
        figure_views.back(sheet, half, sole_shape())
    else:
        sil = body
        figure_views.front(sheet, half)
    body_polys = list(sil.geoms) if isinstance(sil, MultiPolygon) else [sil]
    if any(p.interiors for p in body_polys):
        raise SystemExit(f"{view}: the silhouette has a hole (a limb touches the trunk)")
    verify(sheet, sil)
    return figure_views.render(sheet, sil)


def main(argv: list[str]) -> int:
    files = {OUT / f"{view}.svg": build(view) for view in ("front", "back")}
    status = sync_outputs(files, "--check" in argv, "make_figures.py")
    return status | regions(argv)


def regions(argv: list[str]) -> int:
    """The rest of the figure set: each region has its own generator (and landmark table)."""
    import importlib

    status = 0
    for name in ("figure_lateral", "figure_head", "figure_hand", "figure_foot"):
        status |= importlib.import_module(name).main(["--check"] if "--check" in argv else [])
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
