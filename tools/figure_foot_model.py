"""The right foot in three dimensions, measured in body cun, for tools/figure_foot.py.

Coordinates (cun): X forward from the back of the heel, Y lateral (towards the little toe)
from the line of the 2nd toe, Z up from the sole. One cun is the body's B-cun (WHO 2008,
BCUN.md) as on the body figures (make_figures.C = 22.4 units): the prominence of the medial
malleolus is exactly 3 cun above the sole and the lateral malleolus 0.4 cun lower and a
little further back (make_figures: LAT_MALL = MED_MALL + 9 units). The leg keeps the body
figure's widths (about 2.3 cun above the ankle, 3.3 cun five cun higher).

Lengths along the foot follow adult foot proportions in cun (foot length about 15 % of the
75-cun stature = 11.2 cun; 1st MTP joint at 0.72 of it; the 5th metatarsal tuberosity about
midway between the heel and the 5th MTP joint, as WHO notes for BL64; the navicular
tuberosity placed so that SP5, midway between it and the medial malleolus, falls where WHO's
note 1 puts it: below and in front of the malleolus, on its anterior and inferior borders).

Every figure is a projection of this one model, so a structure lands consistently on all
four: the side views drop Y, the sole view drops Z, the dorsum view looks down at the foot
from the front and above (ELEV degrees above the horizon). Toes are chains of spheres, so
their projection in any view is a chain of capsules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

P3 = tuple[float, float, float]
UV = tuple[float, float]

C_BODY = 22.4  # make_figures.C: units per cun on the body figures
S = 3 * C_BODY  # units per cun on the foot close-ups: three times the body figures
ELEV = 55.0  # the dorsum view looks down at this angle: the dorsum is seen nearly face-on
SIN_E, COS_E = math.sin(math.radians(ELEV)), math.cos(math.radians(ELEV))

MED_MALL_Z, LAT_MALL_Z = 3.0, 2.6  # prominences above the sole (WHO 3 cun; lateral 0.4 lower)
FOOT_LEN = 11.2  # heel to the tip of the big toe


@dataclass(frozen=True)
class Toe:
    """A toe as spheres (X, Y, Z, r) from its MTP joint to its tip, and its nail."""

    nodes: tuple[tuple[float, float, float, float], ...]
    nail_root: float  # X of the nail's root (the proximal nail fold)
    nail_half: float  # half the width of the nail

    def axis(self, x: float) -> tuple[float, float, float]:
        """Y, Z and radius of the toe at X (linear between the spheres)."""
        n = self.nodes
        for a, b in pairwise(n):
            if x <= b[0] or b is n[-1]:
                t = min(max((x - a[0]) / (b[0] - a[0]), 0.0), 1.0)
                return (a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2]),
                        a[3] + t * (b[3] - a[3]))  # fmt: skip
        raise AssertionError

    @property
    def tip_x(self) -> float:
        return self.nodes[-1][0] + self.nodes[-1][3]

    def nail_corner(self, side: int) -> P3:
        """The corner at the root of the nail: side -1 medial, +1 lateral. The nail wraps
        round the toe, so its borders lie below the top of the toe."""
        y, z, r = self.axis(self.nail_root)
        b = self.nail_half
        return (self.nail_root, y + side * b, z + math.sqrt(r * r - b * b))


# big toe .. little toe: MTP joint, (P)IP joint, tip sphere; nail root and half-width
TOES = (
    Toe(((8.1, -1.3, 0.84, 0.62), (9.8, -1.27, 0.62, 0.52), (10.72, -1.24, 0.5, 0.48)),
        10.32, 0.34),
    Toe(((8.35, -0.3, 0.62, 0.38), (9.6, -0.36, 0.66, 0.33), (10.12, -0.37, 0.56, 0.27),
         (10.66, -0.38, 0.42, 0.34)), 10.5, 0.2),
    Toe(((8.1, 0.45, 0.58, 0.36), (9.35, 0.33, 0.62, 0.32), (9.85, 0.31, 0.53, 0.26),
         (10.28, 0.3, 0.4, 0.33)), 10.14, 0.19),
    Toe(((7.7, 1.15, 0.52, 0.34), (8.95, 0.98, 0.56, 0.31), (9.4, 0.95, 0.48, 0.25),
         (9.83, 0.93, 0.37, 0.32)), 9.7, 0.18),
    Toe(((7.15, 1.85, 0.46, 0.33), (8.35, 1.63, 0.49, 0.3), (8.88, 1.58, 0.42, 0.24),
         (9.26, 1.55, 0.33, 0.29)), 9.16, 0.16),
)  # fmt: skip
MTP_Z = (1.42, 1.52, 1.42, 1.28, 1.0)  # height of the dorsal knuckle of each MTP joint

# -- outlines ----------------------------------------------------------------------------------
# the side profile (X, Z) of heel, ankle, leg and midfoot; the toes are added as spheres.
# Z = 0 is the sole level the cun are measured from; the soft heel and ball bulge a hair
# below it so that `sole-medial` (at Z = 0) lies inside the drawn outline.
PROFILE: tuple[UV, ...] = (
    (3.66, 10.6), (3.58, 9.0), (3.5, 7.5), (3.46, 6.0), (3.48, 4.8), (3.56, 4.0),
    (3.68, 3.5), (3.84, 3.12), (4.1, 2.93), (4.6, 2.84), (5.3, 2.7), (6.1, 2.44),
    (6.9, 2.14), (7.6, 1.84), (8.1, 1.62), (8.45, 1.47), (8.9, 1.3), (9.3, 1.19),
    (9.4, 0.6), (9.2, 0.1),
    (8.4, -0.04), (7.5, -0.07), (6.0, -0.05), (4.5, -0.04), (3.0, -0.05), (1.8, -0.07),
    (1.0, -0.06), (0.5, -0.02), (0.16, 0.16), (0.0, 0.45), (-0.04, 0.82), (0.0, 1.2),
    (0.14, 1.6), (0.34, 2.05), (0.5, 2.55), (0.56, 3.1), (0.54, 3.7), (0.45, 4.4),
    (0.3, 5.2), (0.1, 6.0), (-0.12, 6.8), (-0.32, 7.6), (-0.5, 8.5), (-0.62, 9.4),
    (-0.7, 10.6),
)  # fmt: skip

# the widest outline of the foot seen from below (X, Y), toes added as spheres
PLAN: tuple[UV, ...] = (
    (0.0, 0.15), (0.1, 0.72), (0.42, 1.18), (0.95, 1.46), (1.7, 1.62), (2.5, 1.72),
    (3.2, 1.82), (3.8, 1.96), (4.4, 2.06), (5.0, 2.14), (5.6, 2.22),
    (6.4, 2.34), (7.0, 2.38), (7.5, 2.3), (7.9, 2.16), (8.3, 1.98), (8.5, 1.85), (8.7, 1.2),
    (8.85, 0.9),
    (8.95, 0.1), (8.95, -0.6), (8.7, -1.4), (8.35, -1.86), (7.9, -1.96), (7.3, -1.93),
    (6.5, -1.82), (5.6, -1.66), (4.7, -1.52), (4.0, -1.5), (3.4, -1.4), (2.6, -1.3),
    (1.8, -1.25), (1.1, -1.13), (0.5, -0.82), (0.12, -0.35),
)  # fmt: skip


def plan_edge_z(x: float, y: float) -> float:
    """Height of the widest point of the foot's cross-section (what the dorsum view sees as
    the edge): low on the lateral border, higher along the medial arch."""
    if y > 0:
        return 0.4
    arch = math.exp(-(((x - 4.0) / 1.6) ** 2))  # the navicular tuberosity is the widest here
    return 0.6 + 0.9 * arch


def leg_half(z: float) -> tuple[float, float]:
    """Medial (negative) and lateral Y of the leg's sides above the ankle."""
    k = max(z - 3.3, 0.0)
    return (-(1.17 + 0.09 * k), 1.28 + 0.09 * k)


# the malleoli as spheres (centre, radius): the prominence is the sphere's outermost point
MED_MALL = ((2.4, -1.05, MED_MALL_Z), 0.33)
LAT_MALL = ((1.95, 1.25, LAT_MALL_Z), 0.35)

# -- landmarks (3D) ----------------------------------------------------------------------------
P: dict[str, P3] = {
    "medial-malleolus": (2.4, -1.38, MED_MALL_Z),
    "medial-malleolus-tip": (2.45, -1.35, 2.3),
    "lateral-malleolus": (1.95, 1.6, LAT_MALL_Z),
    "lateral-malleolus-tip": (1.95, 1.6, 1.85),
    "ankle-crease-anterior": (3.93, 0.1, 2.96),
    "navicular-tuberosity": (3.95, -1.5, 1.5),
    "metatarsal1-base": (5.4, -1.64, 1.28),
    "metatarsal2-base": (5.25, -0.15, 2.58),
    "metatarsal-bases-1-2": (5.9, -0.7, 2.32),
    "metatarsal-bases-4-5": (4.55, 1.45, 1.88),
    "metatarsal5-tuberosity": (3.8, 1.93, 0.62),
    "cuboid": (3.2, 1.72, 1.2),
    "sinus-tarsi": (2.95, 1.45, 2.0),
    "achilles-insertion": (0.36, 0.15, 1.3),
    "calcaneal-tuberosity": (0.8, -1.0, 0.95),
}
for _k, _t in enumerate(TOES, start=1):
    _y, _z, _r = _t.axis(_t.nodes[0][0])
    P[f"metatarsal{_k}-head"] = (_t.nodes[0][0], _y, MTP_Z[_k - 1])  # the dorsal knuckle
    P[f"toe{_k}-tip"] = (_t.tip_x - 0.07, _t.nodes[-1][1], _t.nodes[-1][2])
    P[f"toe{_k}-nail-medial"] = _t.nail_corner(-1)
    P[f"toe{_k}-nail-lateral"] = _t.nail_corner(+1)
# the web margins, at the border of the red and white skin (dorsal view) and on the sole
WEBS = {"1-2": (9.4, -0.76), "2-3": (9.45, 0.0), "3-4": (9.05, 0.66), "4-5": (8.55, 1.32)}
for _n, (_x, _y) in WEBS.items():
    P[f"web-toe{_n}"] = (_x, _y, 0.62)

# curves (3D): tendons and the ankle crease, from proximal to distal / medial to lateral
CURVES: dict[str, tuple[P3, ...]] = {
    "ankle-crease": ((3.0, -1.22, 2.9), (3.45, -0.92, 2.95), (3.88, -0.35, 2.98),
                     (3.93, 0.1, 2.96), (3.85, 0.6, 2.9), (3.45, 1.12, 2.75),
                     (2.8, 1.5, 2.55)),
    "tendon-tibialis-anterior": ((3.18, -0.45, 6.6), (3.24, -0.55, 5.0), (3.4, -0.68, 3.8),
                                 (3.86, -0.8, 2.95), (4.35, -1.1, 2.45), (4.85, -1.4, 1.85),
                                 (5.1, -1.55, 1.4)),
    "tendon-extensor-hallucis-longus": ((3.4, -0.12, 5.0), (3.62, -0.3, 3.6),
                                        (3.98, -0.36, 2.95), (5.0, -0.75, 2.55),
                                        (6.6, -1.15, 2.0), (8.1, -1.3, 1.45),
                                        (9.6, -1.27, 1.15)),
    "tendon-extensor-digitorum-longus": ((3.38, 0.42, 5.0), (3.6, 0.5, 3.6),
                                         (3.95, 0.56, 2.92), (4.2, 0.62, 2.8)),
    "tendon-extensor-digitorum-toe5": ((4.2, 0.62, 2.8), (4.9, 0.98, 2.45),
                                       (6.0, 1.45, 1.8), (7.15, 1.8, 1.1),
                                       (8.3, 1.66, 0.82)),
}  # fmt: skip
EDL_SLIPS = (  # the tendon's other slips, to the 2nd, 3rd and 4th toes (artwork)
    ((4.2, 0.62, 2.8), (5.3, 0.28, 2.5), (6.8, -0.12, 2.0), (8.35, -0.3, 1.5), (9.5, -0.36, 1.0)),
    ((4.2, 0.62, 2.8), (5.3, 0.55, 2.45), (6.8, 0.5, 1.9), (8.1, 0.45, 1.42), (9.25, 0.34, 0.95)),
    ((4.2, 0.62, 2.8), (5.2, 0.82, 2.4), (6.5, 1.05, 1.75), (7.7, 1.15, 1.28), (8.85, 0.99, 0.88)),
)


# -- projections -------------------------------------------------------------------------------
def side(p: P3) -> UV:
    """The inner and outer views: X along the page, Z up."""
    return (p[0], p[2])


def top(p: P3) -> UV:
    """The dorsum view (u = Y, v = distance down the page, both cun)."""
    return (p[1], p[0] * SIN_E - p[2] * COS_E)


def sole(p: P3) -> UV:
    """The sole view (u = Y, v = X: toes up)."""
    return (p[1], p[0])
