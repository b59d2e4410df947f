"""The visible artwork of the lateral body figure (right profile coordinates): hair, face, ear,
folds, bony marks and the hand. Same palette and stroke styles as front/back (figure_views)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import figure_lateral_body as b
from figure_lateral_marks import Marks
from figure_parts import UV, ellipse, outline
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

X = b.X


@dataclass
class Art:
    """Artwork items per style group, in drawing order."""

    items: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def curve(self, group: str, pts: list[UV], closed: bool = False, extra: str = "") -> None:
        self.items.setdefault(group, []).append(("curve", pts, closed, extra))

    def shape(self, group: str, g: BaseGeometry, extra: str = "") -> None:
        self.items.setdefault(group, []).append(("shape", g, extra))

    def dot(self, group: str, xy: UV, r: float, extra: str = "") -> None:
        self.items.setdefault(group, []).append(("dot", xy, r, extra))


def rel(pts: list[tuple[float, float]]) -> list[UV]:
    """Points given as (offset from the plumb line, y)."""
    return [(X(dx), y) for dx, y in pts]


def hair() -> BaseGeometry:
    """The hair cap: the head above the hairline, which runs from the forehead over the temple,
    in front of and above the ear, behind it and down to the nape."""
    line = rel([(88, 86), (74, 89), (60, 94), (52, 104), (47, 122), (41, 142), (36, 160),
                (30, 174), (22, 174), (16, 160), (8, 146), (-6, 139), (-22, 140), (-34, 152),
                (-40, 174), (-44, 204), (-52, 236), (-62, 260), (-75, 263)])  # fmt: skip
    cap = Polygon([*line, (X(-140), 270), (X(-140), 0), (X(140), 0), (X(140), 84)])
    return b.body_profile().intersection(cap).buffer(-1.2)


def ear() -> BaseGeometry:
    return outline(rel([(0, 168), (-2, 152), (-12, 145), (-24, 149), (-31, 162), (-30, 180),
                        (-24, 194), (-15, 204), (-6, 208), (-1, 202), (2, 188)]), per=10)


def face(a: Art) -> None:
    a.shape("hair", hair())
    a.curve("brows", rel([(73, 141), (83, 138.5), (92, 139.5)]))
    a.curve("eyes", rel([(77, 153), (84, 150.5), (89.5, 154.5), (84.5, 158.5), (78, 157.5)]),
            closed=True)  # fmt: skip
    a.dot("irises", (X(86), 154.5), 2.8)
    a.dot("pupils", (X(86.6), 154.5), 1.3)
    a.curve("fine", rel([(76, 150), (84, 147.5), (90, 151)]))  # eyelid fold
    a.curve("lines", rel([(107, 196), (100, 193.5), (96, 188), (99, 183)]))  # ala of the nose
    a.curve("fine", rel([(103, 199.5), (108, 199)]))  # nostril
    a.curve("lips", rel([(104, 212.5), (97, 211.5), (91, 218.5), (99.5, 219.5)]), closed=True)
    a.curve("lips", rel([(99.5, 219.5), (91, 218.5), (96, 224), (102, 226)]), closed=True)
    a.curve("fine", rel([(90, 219), (86, 221)]))  # mouth corner
    a.curve("fine", rel([(99, 207), (92, 196), (90, 182)]))  # nasolabial fold, soft
    a.curve("fine", rel([(84, 262), (60, 250), (36, 232), (17, 216), (10, 200)]))  # mandible
    a.curve("fine", rel([(30, 175), (48, 172), (62, 176)]))  # zygomatic arch
    # ear: its own skin-coloured shape with the helix, antihelix and concha drawn in
    a.shape("ear", ear())
    a.curve("fine", rel([(-5, 152), (-16, 150), (-24, 158), (-25, 175), (-19, 190), (-11, 196)]))
    a.curve("fine", rel([(-9, 165), (-15, 172), (-13, 185), (-6, 190)]))  # concha
    a.curve("lines", rel([(2, 174), (5, 178), (2, 183)]))  # tragus
    a.curve("fine", rel([(-9, 199), (-5, 203)]))  # lobule


def neck_and_shoulder(a: Art, m: Marks) -> None:
    a.curve("fine", m.curves["scm-anterior-border-r"][0][1:])
    a.curve("fine", m.curves["scm-posterior-border-r"][0][2:])
    a.curve("lines", rel([(56, 379), (40, 384), (24, 386.5), (10, 389)]))  # clavicle
    a.curve("fine", rel([(-64, 340), (-58, 347)]))  # C7 prominence
    # scapula: spine, medial border, the lateral border towards the raised arm
    a.curve("lines", m.curves["scapular-spine-r"][0])
    ia = m.points["scapula-inferior-angle-r"][0]
    a.curve("fine", [m.points["scapular-spine-medial-r"][0], (X(-103), 452), ia,
                     (ia[0] + 9, ia[1] - 12)])  # fmt: skip
    # deltoid, arm
    a.curve("fine", m.curves["deltoid-anterior-border-r"][0])
    a.curve("fine", m.curves["deltoid-posterior-border-r"][0][1:])  # clear of the spine's end
    # armpit: the pectoral fold in front, the latissimus fold behind, the hollow between
    fa = b.FOLD_ANT
    a.curve("lines", [fa, (fa[0] + 22, 478), (X(96), 500), (X(104), 514)])
    a.curve("lines", [m.points["axillary-fold-posterior-r"][0], (X(-42), 482), (X(-60), 512),
                      (X(-72), 540)])  # fmt: skip
    a.curve("fine", [(X(-18), 464), (X(0), 471), (X(20), 470), (fa[0] - 4, fa[1] + 3)])


def trunk(a: Art, m: Marks) -> None:
    nx, ny = m.points["nipple-r"][0]
    a.dot("nipples", (nx, ny), 5.0, ' fill="#e7c2ae" stroke="none"')
    a.dot("nipples", (nx, ny), 2.2)
    a.curve("fine", [(X(118), 556), (X(100), 566), (X(80), 560), (X(62), 540)])  # pectoral
    a.curve("fine", m.curves["costal-arch-r"][0][3:])
    a.curve("lines", rel([(100, 752), (104.5, 757), (100.5, 762)]))  # navel
    a.curve("fine", m.curves["iliac-crest-r"][0][:36])  # ASIS to the top of the crest
    a.curve("fine", [m.points["asis-r"][0], (X(84), 826), (X(85), 856), (X(84), 878)])  # groin
    # buttock: the fold under it and the hollow behind the greater trochanter
    a.curve("lines", rel([(-89, 1008), (-72, 1006), (-54, 998)]))
    a.curve("fine", rel([(-18, 872), (-28, 902), (-22, 934)]))


def leg(a: Art, m: Marks) -> None:
    a.curve("fine", rel([(62, 1270), (50, 1274), (44, 1290), (47, 1306), (56, 1316)]))  # patella
    a.curve("fine", rel([(52, 1320), (50, 1345)]))  # patellar ligament
    a.curve("lines", rel([(-51, 1318), (-40, 1317.5), (-32, 1319)]))  # popliteal crease
    a.curve("fine", m.curves["biceps-femoris-tendon-r"][0][1:])
    a.curve("fine", rel([(-8, 1336), (-16, 1334), (-24, 1340), (-22, 1350)]))  # fibula head
    a.curve("fine", rel([(-42, 1362), (-47, 1415), (-41, 1470)]))  # gastrocnemius, lateral head
    a.curve("fine", m.curves["fibula-anterior-border-r"][0][-14:])  # the fibula's lower third
    a.curve("fine", m.curves["calcaneal-tendon-r"][0][:3])
    a.curve("fine", rel([(2, 1650), (-1, 1660), (-6, 1670), (-14, 1672), (-19, 1664),
                         (-18, 1653)]))  # lateral malleolus, lower rim
    a.curve("fine", rel([(-56, 1713), (10, 1714), (90, 1713), (150, 1712)]))  # sole edge
    a.curve("fine", rel([(140, 1694), (146, 1706), (150, 1712)]))  # little-toe cleft
    a.curve("fine", rel([(158, 1697), (164, 1707), (166, 1713)]))
    a.shape("nails", ellipse(X(179), 1703.5, 5.2, 2.4, 12))
    a.curve("fine", rel([(34, 1643), (46, 1650)]))  # ankle crease


def hand(a: Art) -> None:
    u, f, h = b.UPPER, b.FORE, b.HAND
    ev = b.ELBOW_V
    a.curve("fine", [u.at(-14, ev - 18), u.at(-21, ev - 6), u.at(-16, ev + 6)])  # olecranon
    a.curve("fine", [f.at(7, 4), f.at(10, 60), f.at(6, 140), f.at(1, 210)])  # brachioradialis
    a.curve("fine", [f.at(-12, b.WRIST_V - 2), f.at(0, b.WRIST_V + 1), f.at(12, b.WRIST_V - 2)])
    for name, (base, tip, rb, rt) in b.finger_axes().items():
        dx, dy = tip[0] - base[0], tip[1] - base[1]
        length = math.hypot(dx, dy)
        fr = b.Frame(base, math.degrees(math.atan2(dx, dy)))
        stops = (0.35,) if name == "thumb" else (0.42, 0.74)
        for t in stops:
            r = (rb + (rt - rb) * t) * 0.6
            a.curve("fine", [fr.at(-r, t * length), fr.at(0, t * length - 1.2),
                             fr.at(r, t * length)])  # fmt: skip
        angle = -math.degrees(math.atan2(fr.d[0], fr.d[1]))
        a.shape("nails", ellipse(*fr.at(0, length + rt * 0.1), rt * 0.58, rt * 0.92, angle))
        if name != "thumb":
            k = rb * 0.7
            a.curve("fine", [fr.at(-k, -3), fr.at(0, -6), fr.at(k, -3)])  # knuckle
    axes = b.finger_axes()
    thumb = [h.at(w - r * 0.8, v) for w, v, r in b.THUMB[1:]]
    a.curve("fine", [*thumb[:-1], h.at(b.THUMB[-1][0] - 5, b.THUMB[-1][1] + 2)])
    order = ["index", "middle", "ring", "little"]
    for upper, lower in pairwise(order):  # clefts between touching fingers
        (ba, ta, _, _), (bb, tb, _, _) = axes[upper], axes[lower]
        pts = []
        for k in range(7):
            t = 0.1 + 0.83 * k / 6
            la = math.hypot(ta[0] - ba[0], ta[1] - ba[1])
            lb = math.hypot(tb[0] - bb[0], tb[1] - bb[1])
            sh = min(la, lb) * t
            pa = (ba[0] + (ta[0] - ba[0]) * sh / la, ba[1] + (ta[1] - ba[1]) * sh / la)
            pb = (bb[0] + (tb[0] - bb[0]) * sh / lb, bb[1] + (tb[1] - bb[1]) * sh / lb)
            pts.append(((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2))
        a.curve("fine", pts)
    for w in (18, 7, -8.5, -22):  # extensor tendons to the knuckles
        a.curve("fine", [h.at(w * 0.45, 20), h.at(w * 0.85, 56), h.at(w, 78)])


def compose(m: Marks) -> Art:
    a = Art()
    face(a)
    neck_and_shoulder(a, m)
    trunk(a, m)
    leg(a, m)
    hand(a)
    return a

