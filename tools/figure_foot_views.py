"""Silhouette, artwork and landmarks of each foot figure, for tools/figure_foot.py.

Each function draws one view of the right foot into a `Canvas` (figure_foot.py) in that
view's coordinates in cun: (X, Z) for the side views, (Y, X*sin e - Z*cos e) for the dorsum
and (Y, X) for the sole (see figure_foot_model). The canvas maps them onto the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import figure_foot_model as m
from figure_foot_parts import (
    arc,
    clefts,
    inner_lines,
    nail_shape,
    profile_x,
    side_nail,
    smooth,
    split_above,
    toe_gaps,
    toe_shapes,
)
from figure_parts import circle, closing, hull, outline, spline
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

if TYPE_CHECKING:
    from figure_foot import Canvas

UV = tuple[float, float]


# -- the side views ------------------------------------------------------------------------------
ACHILLES: tuple[UV, ...] = ((0.4, 1.3), (0.6, 1.8), (0.76, 2.4), (0.88, 3.0), (0.97, 3.7),
                            (1.08, 4.5), (1.17, 5.2), (1.24, 6.0), (1.27, 6.8))  # fmt: skip
SOLE_BORDER_MEDIAL: tuple[UV, ...] = ((0.3, 0.32), (0.8, 0.3), (1.6, 0.36), (2.4, 0.55),
                                      (3.2, 0.84), (3.95, 0.98), (4.7, 0.95), (5.4, 0.82),
                                      (6.3, 0.55), (7.2, 0.36), (8.1, 0.28), (8.9, 0.25),
                                      (9.7, 0.24), (10.4, 0.24), (10.9, 0.28))  # fmt: skip
SOLE_BORDER_LATERAL: tuple[UV, ...] = ((0.3, 0.32), (1.25, 0.3), (2.5, 0.29), (3.2, 0.29),
                                       (3.8, 0.29), (4.5, 0.29), (5.6, 0.28), (6.6, 0.27),
                                       (7.15, 0.26), (7.8, 0.25), (8.6, 0.23),
                                       (9.2, 0.22))  # fmt: skip


def side_silhouette() -> BaseGeometry:
    body = outline(m.PROFILE, per=10)
    pads = hull([(8.2, 0.1, 0.12), (10.3, 0.14, 0.12)])  # the toe pads all reach the ground
    return smooth(closing(unary_union([body, pads, *toe_shapes(m.side)]), 0.3), 0.2)


def _sole_shade(cv: Canvas, border: Sequence[UV]) -> None:
    """The strip of sole seen below the red-white border."""
    below = Polygon([*spline(border, per=6), (border[-1][0] + 0.6, -1.0), (-1.0, -1.0),
                     (-1.0, border[0][1])])  # fmt: skip
    cv.shape("skin-shade", cv.silhouette_uv.intersection(below).buffer(-0.02))


def _side_common(cv: Canvas, lateral: bool) -> None:
    cv.silhouette(side_silhouette())
    sil = cv.silhouette_uv
    border = SOLE_BORDER_LATERAL if lateral else SOLE_BORDER_MEDIAL
    _sole_shade(cv, border)
    cv.curve("fine", border)
    cv.curve("fine", ACHILLES)
    # toes: the nearer toes hide the contours of those behind them
    shapes = toe_shapes(m.side)
    order = [4, 3, 2, 1, 0] if lateral else [0, 1, 2, 3, 4]
    webs = [m.TOES[k].nodes[0][0] + 0.75 for k in order]
    if lateral:  # of the toes behind the 4th only the tips show
        webs[2:] = [m.TOES[k].tip_x - 0.3 for k in order[1:4]]
    for rank, line in inner_lines(sil, [shapes[k] for k in order], [True] * 5, webs):
        if not lateral:  # from the inner side the big toe hides the others
            continue
        if rank < 2:
            cv.curve("lines", line)
        else:  # the tips of the toes behind: only their upper curve, clear of the ground
            for part in split_above(line, 0.22):
                cv.curve("lines", part)
    for rank, k in enumerate(order[:3] if lateral else order[:1]):
        nail = side_nail(m.TOES[k], lateral).intersection(sil.buffer(-0.012))
        nail = nail.intersection(shapes[k].buffer(-0.012))
        for j in order[:rank]:
            nail = nail.difference(shapes[j].buffer(0.012))
        if not nail.is_empty:
            cv.shape("nails", nail)
    hallux = m.TOES[0]
    if not lateral:
        _y, z, r = hallux.axis(9.75)
        cv.curve("fine", [(9.7, z + r - 0.03), (9.76, z + r - 0.2)])  # interphalangeal crease
    # landmarks common to both sides
    cv.point("heel", (0.0, 0.85))
    cv.point("achilles-insertion", m.side(m.P["achilles-insertion"]))
    cv.polyline("achilles-tendon", ACHILLES)
    cv.polyline("sole-border", border)
    cv.point("ankle-crease-anterior", m.side(m.P["ankle-crease-anterior"]))


def inner(cv: Canvas) -> None:
    """The medial side of the right foot, toes to the right."""
    _side_common(cv, lateral=False)
    mall = arc(2.42, 2.92, 0.5, 0.62, 192, 352)  # the cup under the prominence
    cv.curve("lines", mall)
    tibia = [(1.9, 3.45), (1.95, 4.2), (1.99, 5.0), (2.04, 6.0), (2.1, 7.0), (2.17, 8.0),
             (2.24, 9.0)]  # fmt: skip
    cv.curve("fine", [*tibia, (2.3, 10.0)])
    ta = [m.side(p) for p in m.CURVES["tendon-tibialis-anterior"]]
    cv.curve("fine", ta)
    crease = [m.side(p) for p in m.CURVES["ankle-crease"] if p[1] <= 0.1]
    cv.curve("fine", crease[-3:])
    cv.curve("fine", arc(3.95, 1.5, 0.3, 0.22, 190, 350))  # navicular tuberosity
    cv.curve("fine", arc(8.1, 0.85, 0.42, 0.3, 195, 345))  # 1st MTP joint
    cv.curve("fine", [(1.25, 6.8), (1.2, 7.6), (1.08, 8.5)])  # soleus, above the tendon
    # landmarks
    for name in ("medial-malleolus", "medial-malleolus-tip", "navicular-tuberosity",
                 "metatarsal1-base", "toe1-tip", "toe1-nail-medial"):  # fmt: skip
        cv.point(name, m.side(m.P[name]))
    cv.point("metatarsal1-head", (8.1, 0.85))  # the bulge of the joint on the inner foot
    cv.point("calcaneal-tuberosity", m.side(m.P["calcaneal-tuberosity"]))
    cv.point("sole-medial", (m.P["medial-malleolus"][0], 0.0))
    cv.point("ankle-posterior", (0.71, m.MED_MALL_Z))
    cv.polyline("ankle-crease", crease)
    cv.polyline("tibia-medial-border", tibia)
    cv.polyline("tendon-tibialis-anterior", ta)


def outer(cv: Canvas) -> None:
    """The lateral side of the right foot, toes to the left."""
    _side_common(cv, lateral=True)
    mall = arc(1.95, 2.52, 0.48, 0.67, 198, 356)
    cv.curve("lines", mall)
    fib_a = [(2.46, 3.25), (2.42, 4.2), (2.37, 5.0), (2.35, 6.0), (2.37, 7.0), (2.42, 8.0),
             (2.5, 9.0)]  # fmt: skip
    fib_p = [(1.47, 3.3), (1.6, 4.2), (1.71, 5.0), (1.8, 6.0), (1.86, 7.0), (1.9, 8.0),
             (1.95, 9.0)]  # fmt: skip
    cv.curve("fine", fib_p[:3])
    cv.curve("fine", [(1.5, 2.05), (1.86, 1.58), (2.6, 1.24), (3.3, 0.96),
                      (3.72, 0.78)])  # peroneal tendons, under the malleolus
    edl = [m.side(p) for p in m.CURVES["tendon-extensor-digitorum-toe5"]]
    cv.curve("fine", edl)
    cv.curve("fine", [m.side(p) for p in m.EDL_SLIPS[2]][1:])
    cv.curve("fine", [(2.8, 1.78), (3.3, 1.62), (3.95, 1.68)])  # extensor digitorum brevis
    cv.curve("fine", arc(3.8, 0.62, 0.3, 0.2, 190, 350))  # 5th metatarsal tuberosity
    crease = [m.side(p) for p in m.CURVES["ankle-crease"] if p[1] >= 0.1]
    cv.curve("fine", crease[:3])
    # landmarks
    for name in ("lateral-malleolus", "lateral-malleolus-tip", "sinus-tarsi", "cuboid",
                 "metatarsal5-tuberosity", "metatarsal-bases-4-5", "metatarsal4-head",
                 "toe4-tip", "toe5-tip", "toe4-nail-lateral", "toe5-nail-lateral",
                 "web-toe4-5"):  # fmt: skip
        cv.point(name, m.side(m.P[name]))
    cv.point("metatarsal5-head", (7.15, 0.62))  # the bulge of the joint on the outer foot
    cv.point("calcaneal-tuberosity", (0.8, 0.95))
    cv.point("sole-lateral", (m.P["lateral-malleolus"][0], 0.0))
    cv.point("ankle-posterior", (0.69, m.LAT_MALL_Z))
    cv.polyline("ankle-crease", crease)
    cv.polyline("fibula-anterior-border", fib_a)
    cv.polyline("fibula-posterior-border", fib_p)
    cv.polyline("tendon-extensor-digitorum-toe5", edl)


# -- the dorsum ---------------------------------------------------------------------------------
def _leg_top() -> Polygon:
    med, lat = [], []
    for k in range(0, 33):
        z = 3.1 + 0.25 * k
        xc = (profile_x(z, True) + profile_x(z, False)) / 2
        ym, yl = m.leg_half(z)
        v = xc * m.SIN_E - z * m.COS_E
        med.append((ym, v))
        lat.append((yl, v))
    return Polygon([*med, *reversed(lat)])


def _plan_cut(x: float, sgn: int) -> list[UV]:
    """The points of the plan outline at X = x on the lateral (sgn 1) or medial side."""
    cut = Polygon(m.PLAN).intersection(LineString([(x, -5), (x, 5)]))
    return [c for c in cut.coords if c[1] * sgn > 0]


def top(cv: Canvas) -> None:
    """The dorsum of the right foot seen from the front and above, toes down."""
    plan = outline([m.top((x, y, m.plan_edge_z(x, y))) for x, y in m.PLAN], per=10)
    malls = [circle(*m.top(c), r) for c, r in (m.MED_MALL, m.LAT_MALL)]
    body = smooth(closing(unary_union([plan, _leg_top(), *malls]), 0.6), 0.2)
    cv.silhouette(closing(unary_union([body, *toe_shapes(m.top)]), 0.03))
    sil = cv.silhouette_uv
    # the sides of the foot, turned away from the eye, a shade darker
    for sgn, x0, x1, depth in ((1, 2.7, 7.5, 0.42), (-1, 3.0, 7.7, 0.3)):
        edge, inner_ = [], []
        for k in range(13):
            x = x0 + (x1 - x0) * k / 12
            y = sgn * max(abs(c[1]) for c in _plan_cut(x, sgn))
            w = depth * math.sin(math.pi * k / 12) ** 0.7
            edge.append(m.top((x, y + sgn * 1.2 * w, m.plan_edge_z(x, y))))
            inner_.append(m.top((x, y - sgn * w, m.plan_edge_z(x, y) + 2.2 * w)))
        band = Polygon(spline([*edge, *reversed(inner_)], closed=True, per=6)).buffer(0)
        cv.shape("skin-shade", band.intersection(sil.buffer(-0.02)))
    # malleoli: the lower rim of each
    for c, r in (m.MED_MALL, m.LAT_MALL):
        u, v = m.top(c)
        cv.curve("fine", [(u + 0.85 * r * math.cos(math.radians(a)),
                           v + 0.85 * r * math.sin(math.radians(a))) for a in range(25, 160, 15)])
    # the shin and the tendons
    shin = [m.top((profile_x(z, True) - 0.12, -0.2, z)) for z in (9.4, 8.0, 6.5, 5.2)]
    cv.curve("fine", shin)
    for name in ("tendon-tibialis-anterior", "tendon-extensor-hallucis-longus",
                 "tendon-extensor-digitorum-longus", "tendon-extensor-digitorum-toe5"):
        pts = [m.top(p) for p in m.CURVES[name] if p[1] > -1.45]  # its insertion is below
        cv.curve("fine", pts)
        cv.polyline(name, pts)
    for slip in m.EDL_SLIPS:
        cv.curve("fine", [m.top(p) for p in slip])
    crease = [m.top(p) for p in m.CURVES["ankle-crease"]]
    cv.curve("fine", crease[1:-1])
    cv.polyline("ankle-crease", crease)
    # toes: the clefts between them, the joint creases, the nails
    shapes = toe_shapes(m.top)
    webs = [m.top((*m.WEBS[w], 0.62))[1] for w in ("1-2", "2-3", "3-4", "4-5")]
    cv.shape("skin-shade", toe_gaps(sil, shapes, min(webs)))
    for line in clefts(sil, shapes, webs):
        cv.curve("lines", line[::2])
    for t in m.TOES:  # the wrinkles over the first toe joint, across the round of the toe
        x = t.nodes[1][0]
        y, z, r = t.axis(x)
        wrinkle = []
        for f in (-0.55, -0.3, 0.0, 0.3, 0.55):
            h = math.sqrt(r * r - (f * r) ** 2)
            wrinkle.append(m.top((x - 0.6 * (r - h) * m.COS_E / m.SIN_E, y + f * r, z + h)))
        cv.curve("fine", wrinkle)
        cv.shape("nails", nail_shape(t, m.top))
    # landmarks
    names = ["medial-malleolus", "lateral-malleolus", "ankle-crease-anterior",
             "metatarsal1-base", "metatarsal2-base", "metatarsal-bases-1-2",
             "metatarsal-bases-4-5", "navicular-tuberosity",
             "sinus-tarsi"]  # fmt: skip
    names += [f"metatarsal{k}-head" for k in range(1, 6)]
    names += [f"web-toe{w}" for w in m.WEBS]
    for k in range(1, 6):
        names += [f"toe{k}-tip", f"toe{k}-nail-medial", f"toe{k}-nail-lateral"]
    for name in names:
        p = m.P[name]
        if name == "metatarsal1-base":  # its dorsal side, as seen from above
            p = (p[0], -1.25, 2.05)
        cv.point(name, m.top(p))


# -- the sole -----------------------------------------------------------------------------------
PLANTAR_BORDER: tuple[UV, ...] = ((-1.3, 0.7), (-1.12, 1.8), (-1.0, 2.8), (-0.88, 3.8),
                                  (-1.0, 4.8), (-1.34, 5.8), (-1.7, 6.8),
                                  (-2.2, 7.7))  # fmt: skip


def sole(cv: Canvas) -> None:
    """The sole of the right foot, toes up, big toe to the right."""
    plan = outline([(y, x) for x, y in m.PLAN], per=10)
    cv.silhouette(closing(unary_union([plan, *toe_shapes(m.sole)]), 0.03))
    sil = cv.silhouette_uv
    arch = Polygon([*spline(PLANTAR_BORDER, per=6), (-3.0, 7.7), (-3.0, 0.7)])
    cv.shape("skin-shade", sil.intersection(arch).buffer(-0.02))
    cv.curve("fine", [p for p in spline(PLANTAR_BORDER, per=4) if sil.contains(Point(p))])
    cv.curve("fine", [(-1.05, 2.25), (-0.4, 2.5), (0.5, 2.55), (1.2, 2.42), (1.6, 2.2)])  # heel
    cv.curve("fine", [(-1.8, 7.2), (-1.1, 6.78), (-0.2, 6.58), (0.8, 6.55), (1.6, 6.65),
                      (2.15, 6.85)])  # the back of the ball of the foot
    shapes = toe_shapes(m.sole)
    webs = [m.WEBS[w][0] for w in ("1-2", "2-3", "3-4", "4-5")]
    cv.shape("skin-shade", toe_gaps(sil, shapes, min(webs)))
    for line in clefts(sil, shapes, webs):
        cv.curve("lines", line[::2])
    for k, t in enumerate(m.TOES):
        base = m.WEBS["1-2" if k < 2 else ("2-3", "3-4", "4-5")[k - 2]][0] + 0.02
        stops = [base, t.nodes[-2][0]]  # the crease at the toe's base and the distal one
        for x in stops:
            y, _z, r = t.axis(x)
            cv.curve("fine", [(y - r * 0.7, x + 0.02), (y, x - 0.04), (y + r * 0.7, x + 0.02)])
    # landmarks
    cv.point("sole-heel", (0.18, 1.3))
    cv.point("sole-heel-back", (0.15, 0.0))
    for w, (x, y) in m.WEBS.items():
        cv.point(f"sole-web-toe{w}", (y, x - 0.06))
    for k, t in enumerate(m.TOES, start=1):
        tip = t.nodes[-1]
        cv.point(f"toe{k}-tip", (tip[1], t.tip_x - 0.07))
        cv.point(f"toe{k}-pad", (tip[1], tip[0] - 0.1))
        cv.point(f"metatarsal{k}-head", (t.nodes[0][1], t.nodes[0][0]))
    dip = m.TOES[1].nodes[2][0]
    cv.point("toe2-distal-crease", (m.TOES[1].axis(dip)[0], dip))
