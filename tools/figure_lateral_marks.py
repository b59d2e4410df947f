"""Landmarks of the lateral body figure (right profile coordinates; see figure_lateral_body).

Every landmark is computed from the skeleton: heights from tools/make_figures.py, depths from the
profile outline, positions round the trunk from its cross-section model (surface lines such as
the mammillary line keep the front figure's cun across: the nipple is 4 cun from the midline on
the front view and here). Each entry also carries its `part` ("body", "shoulder" or "arm"): the
verifier refuses a body landmark that the raised arm hides.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import figure_lateral_body as b
import make_figures as sk
from figure_parts import UV, spline

X, C = b.X, b.C
PI2 = math.pi / 2

# intercostal spaces: (phi, y) control points round the chest, front midline (phi 0) to the
# posterior axillary line (phi 2.1). Anterior levels are the front figure's (ics4 at the nipple);
# along a space the ribs sink to their cartilages near the anterior axillary line and rise
# towards the back. On the midaxillary line ics4 is 3 cun and ics6 6 cun below the axilla
# apex (the classical GB22 / SP21 distances; WHO names only the spaces).
AXILLA_Y = 464.0
ICS_MAL = {3: 498.0, 4: AXILLA_Y + 3 * C, 5: AXILLA_Y + 4.5 * C, 6: AXILLA_Y + 6 * C, 7: 629.0}
ICS_FRONT = {3: sk.ICS[2], 4: sk.ICS[3], 5: sk.ICS[4], 6: 600.0, 7: 622.0}  # at 4 cun
ICS_START = {6: (1.2 * C, 592.0), 7: (3.3 * C, 620.0)}  # lower spaces begin at the costal arch
PHI_AAL, PHI_PAL = 1.05, 2.1  # anterior and posterior axillary lines (section angles)
COSTAL_Y_4CUN = 632.0  # the costal margin on the mammillary line (front figure: 630)
RIB11_Y, RIB12_Y = 713.0, 724.0  # free ends of the 11th and 12th ribs (about L3)
CREST_TOP_PHI = 2.14  # the back figure's iliac-crest-top (105 of 120 units out) on the section


@dataclass
class Marks:
    points: dict[str, tuple[UV, str]] = field(default_factory=dict)
    curves: dict[str, tuple[list[UV], str]] = field(default_factory=dict)

    def pt(self, name: str, xy: UV, part: str = "body") -> None:
        self.points[name] = ((float(xy[0]), float(xy[1])), part)

    def cv(self, name: str, pts: list[UV], part: str = "body") -> None:
        self.curves[name] = ([(float(x), float(y)) for x, y in pts], part)


def front_in(y: float, inset: float) -> UV:
    return (b.edges(y)[1] - inset, y)


def back_in(y: float, inset: float) -> UV:
    return (b.edges(y)[0] + inset, y)


def ics_curve(k: int) -> list[UV]:
    if k in ICS_START:
        u0, y0 = ICS_START[k]
        start = (b.phi_at_u(y0, u0), y0)
    else:
        y0 = ICS_FRONT[k]
        start = (b.phi_inset(y0, 3.5), y0)
    yn, ym = ICS_FRONT[k], ICS_MAL[k]
    ctrl = [start, (b.phi_at_u(yn, 4 * C), yn), (PHI_AAL, yn + 9), (PI2, ym), (PHI_PAL, ym - 15)]
    return b.surface_curve(ctrl, per=8)


def costal_arch() -> list[UV]:
    ctrl = [(b.phi_at_u(590, 8), 590.0), (b.phi_at_u(607, 40), 607.0),
            (b.phi_at_u(COSTAL_Y_4CUN, 4 * C), COSTAL_Y_4CUN), (0.95, 655.0), (1.2, 680.0),
            (1.42, 697.0), (1.56, 702.0)]  # fmt: skip
    return b.surface_curve(ctrl, per=8)


def iliac_crest() -> list[UV]:
    asis_phi = b.phi_at_u(796, 106)  # the front figure's ASIS, 106 units out
    ctrl = [(asis_phi, 796.0), (1.15, 771.0), (1.5, 757.0), (1.85, 751.5), (CREST_TOP_PHI, 750.0),
            (2.5, 766.0), (2.8, 792.0)]  # fmt: skip
    pts = b.surface_curve(ctrl, per=8)
    return [*pts, back_in(812, 8), back_in(sk.SACRAL[1], 7)]


def vertical(fn: Callable[[float], UV], y0: float, y1: float, step: float = 8.0) -> list[UV]:
    n = max(int(abs(y1 - y0) / step), 2)
    return [fn(y0 + (y1 - y0) * k / n) for k in range(n + 1)]


def compute() -> Marks:
    m = Marks()
    # -- head and neck (small here: the head figures carry the detail)
    m.pt("vertex", (X(-6), sk.VERTEX + 4))
    m.pt("glabella", front_in(sk.GLABELLA, 4))
    m.pt("nose-tip", (X(112), 192))
    m.pt("chin", (X(88), 259))
    m.pt("tragus-r", (X(2), 178))
    m.pt("earlobe-r", (X(-4), 203))
    m.pt("auricular-apex-r", (X(-15), 150))
    m.pt("mastoid-r", (X(-21), 209))
    m.pt("mandible-angle-r", (X(16), 215))
    m.pt("external-occipital-protuberance", back_in(sk.EOP, 5))
    m.pt("posterior-hairline", back_in(sk.POST_HAIRLINE, 5))
    m.pt("laryngeal-prominence", front_in(297, 5.5))
    m.pt("cricoid-cartilage", front_in(318, 4))
    m.cv("scm-anterior-border-r", [(X(-12), 214), (X(6), 250), (X(27), 300), (X(45), 345),
                                   (X(54), 371)])  # fmt: skip
    m.cv("scm-posterior-border-r", [(X(-28), 218), (X(-16), 255), (X(2), 305), (X(20), 352),
                                    (X(33), 384)])  # fmt: skip
    m.cv("trapezius-anterior-border-r", [(X(-58), 228), (X(-44), 270), (X(-27), 318),
                                         (X(-10), 360), (X(3), 384)])  # fmt: skip
    # -- spine: spinous processes just inside the back outline (deeper in the lumbar groove)
    for name, y in sk.SPINE.items():
        if name == "c1":  # deep under the occiput: not a mark on a profile
            continue
        inset = 6.0 if name[0] in "ct" else 9.0 if name[0] == "l" else 0.0
        if name[0] == "s":
            inset = 6.0 + 2.5 * int(name[1:])
        m.pt(name, back_in(y, inset))
    m.pt("sacral-hiatus", back_in(sk.SACRAL[-1] + 19, 20))
    m.pt("coccyx", back_in(sk.SACRAL[-1] + 42, 30))
    spine = [m.points[n][0] for n in sk.SPINE if n not in ("c1", "c2", "c3", "c4", "c5", "c6")]
    spine += [m.points["sacral-hiatus"][0]]  # the curve as before: from C7 down
    m.cv("posterior-midline", spline(spine, per=4))
    # -- front midline (the stretch 1-4 cun below the notch lies behind the raised arm)
    m.pt("suprasternal-notch", front_in(sk.NOTCH, 5))
    for k in (3, 4, 5):
        m.pt(f"ics{k}", front_in(sk.ICS[k - 1], 4))
    m.pt("xiphisternal-junction", front_in(sk.XIPH, 4))
    m.pt("umbilicus", front_in(sk.UMB, 5))
    m.pt("pubic-symphysis", front_in(sk.PUBIS, 5))
    m.cv("anterior-midline", vertical(lambda y: front_in(y, 4), sk.NOTCH, sk.PUBIS))
    # -- chest and side
    nipple = b.chest_point(sk.NIPPLE_U, sk.ICS[3])
    m.pt("nipple-r", nipple)
    m.cv("mammillary-line-r", vertical(lambda y: b.chest_point(4 * C, y), 474, COSTAL_Y_4CUN))
    for k in range(3, 8):
        m.cv(f"intercostal-{k}-r", ics_curve(k))
    mal = {k: (b.mal_x(y), y) for k, y in ICS_MAL.items()}
    m.pt("ics4-midaxillary-r", mal[4])
    m.pt("ics6-midaxillary-r", mal[6])
    m.pt("ics6-mammillary-r", b.chest_point(4 * C, ICS_FRONT[6]))
    m.pt("ics7-mammillary-r", b.chest_point(4 * C, ICS_FRONT[7]))
    m.pt("costal-margin-r", b.chest_point(4 * C, COSTAL_Y_4CUN))
    m.cv("costal-arch-r", costal_arch())
    m.pt("rib11-free-end-r", (b.mal_x(RIB11_Y) + 10, RIB11_Y))
    m.pt("rib12-free-end-r", (b.section_x(RIB12_Y, 2.25), RIB12_Y))
    crest_mal_y = 755.0
    m.cv("midaxillary-line-r", vertical(lambda y: (b.mal_x(y), y), AXILLA_Y, crest_mal_y))
    m.cv("anterior-axillary-line-r", vertical(lambda y: (b.section_x(y, PHI_AAL), y), 500, 770))
    m.cv("posterior-axillary-line-r", vertical(lambda y: (b.section_x(y, PHI_PAL), y), 520, 752))
    m.pt("axilla-apex-r", (b.mal_x(AXILLA_Y), AXILLA_Y))
    m.pt("axillary-fossa-center-r", (b.mal_x(AXILLA_Y + 10) + 9, AXILLA_Y + 10))
    m.pt("asis-r", b.chest_point(106, 796))
    m.cv("iliac-crest-r", iliac_crest())
    m.pt("iliac-crest-top-r", (b.section_x(sk.ILIAC_TOP, CREST_TOP_PHI), sk.ILIAC_TOP))
    m.pt("psis-r", back_in(sk.SACRAL[1], 7))
    # -- shoulder and arm (the arm is raised forward: w > 0 is its front, now on top)
    u = b.UPPER
    m.pt("acromion-r", (X(3), 390), "shoulder")
    m.pt("acromion-anterior-r", (X(15), 393), "shoulder")
    m.pt("acromion-angle-r", (X(-22), 389), "shoulder")
    m.pt("clavicle-acromial-end-r", (X(13), 386), "shoulder")
    m.pt("greater-tubercle-r", (X(24), 407), "shoulder")
    m.pt("scapular-spine-medial-r", back_in(sk.T3 + 6, 11), "shoulder")
    m.pt("scapular-spine-mid-r", (X(-62), 399), "shoulder")
    m.pt("scapula-superior-angle-r", back_in(374, 14), "shoulder")
    m.pt("scapula-inferior-angle-r", (X(-84), 492), "shoulder")
    m.cv("scapular-spine-r", [back_in(sk.T3 + 6, 11), (X(-62), 399), (X(-38), 392),
                              (X(-22), 389)], "shoulder")  # fmt: skip
    m.pt("axillary-fold-anterior-r", b.FOLD_ANT, "shoulder")
    m.pt("axillary-fold-posterior-r", (X(-26), 458), "shoulder")
    ins = u.at(3, 108)
    m.pt("deltoid-insertion-r", ins, "arm")
    m.cv("deltoid-anterior-border-r", [(X(32), 393), u.at(27, 55), u.at(15, 84), ins], "arm")
    m.cv("deltoid-posterior-border-r", [(X(-22), 389), (X(-27), 413), (X(-15), 437),
                                        u.at(-17, 48), u.at(-7, 80), ins], "arm")  # fmt: skip
    ev, r_e = b.ELBOW_V, b.arm_r(b.ELBOW_V)
    m.pt("cubital-crease-mid-r", b.CUBITAL_MID, "arm")
    m.pt("cubital-crease-lateral-r", u.at(r_e - 10, ev), "arm")
    m.pt("humerus-lateral-epicondyle-r", u.at(3, ev - 5), "arm")
    m.pt("olecranon-r", b.OLECRANON, "arm")
    m.pt("wrist-crease-posterior-mid-r", b.WRIST, "arm")
    # -- hip and thigh
    m.pt("greater-trochanter-r", (X(0), sk.GT))
    m.pt("gluteal-fold-r", back_in(sk.GLUT_FOLD, 6))
    # the outer thigh's midline: halfway between front and back, smoothed over the buttock fold
    ys = [sk.GT + 8, 1000.0, 1100.0, 1200.0, 1288.0]
    mids = [((b.edges(y)[0] + b.edges(y)[1]) / 2 + 1, y) for y in ys]
    mids[1] = ((mids[0][0] + mids[2][0]) / 2, ys[1])
    m.cv("thigh-lateral-midline-r", spline(mids, per=8))
    m.cv("iliotibial-band-posterior-r", [(x - 12 + 5 * (y - ys[0]) / (ys[-1] - ys[0]), y)
                                         for x, y in spline(mids[:-1], per=8)[4:]])  # fmt: skip
    # -- knee
    m.pt("patella-base-r", front_in(sk.PAT_BASE, 5))
    m.pt("patella-apex-r", front_in(sk.PAT_APEX, 5))
    m.pt("patella-lateral-r", (X(46), (sk.PAT_BASE + sk.PAT_APEX) / 2))
    m.pt("patella-base-lateral-r", (X(50), sk.PAT_BASE + 3))
    m.pt("knee-eye-lateral-r", (X(44), 1327))
    m.pt("knee-lateral-r", (X(4), sk.PAT_APEX))
    m.pt("lateral-femoral-epicondyle-r", (X(-4), 1294))
    m.pt("popliteal-crease-mid-r", back_in(sk.PAT_APEX, 5))
    m.pt("popliteal-crease-lateral-r", (X(-36), sk.PAT_APEX))
    m.cv("biceps-femoris-tendon-r", [(X(-58), 1160), (X(-50), 1230), (X(-40), 1290),
                                     (X(-30), 1322), (X(-20), 1340)])  # fmt: skip
    m.pt("fibula-head-r", (X(-16), 1343))
    # -- leg, ankle, foot: the fibula from its head to the malleolus, borders either side
    lat = sk.LAT_MALL

    def fib(y: float, side: float) -> UV:
        t = (y - 1343) / (lat - 1343)
        centre = -16 + 8 * t + 3 * math.sin(math.pi * t)
        half = 7.0 - 1.5 * math.sin(math.pi * t) + 2.5 * max(0.0, t - 0.75) / 0.25
        return (X(centre + side * half), y)

    m.cv("fibula-anterior-border-r", vertical(lambda y: fib(y, 1), 1356, 1644))
    m.cv("fibula-posterior-border-r", vertical(lambda y: fib(y, -1), 1356, 1644))
    m.pt("ankle-crease-anterior-r", (X(35), 1650))
    m.pt("lateral-malleolus-r", (X(-8), lat))
    m.pt("lateral-malleolus-tip-r", (X(-10), 1681))
    m.cv("calcaneal-tendon-r", [(X(-34), 1560), (X(-30), 1610), (X(-29), 1650),
                                (X(-33), 1690)])  # fmt: skip
    m.pt("ankle-posterior-r", back_in(sk.MED_MALL, 5))
    m.pt("heel-r", back_in(1702, 4))
    m.pt("metatarsal5-tuberosity-r", (X(31), 1706))
    m.pt("metatarsal5-head-r", (X(125), 1707))
    m.cv("extensor-digitorum-tendon-r", [(X(28), 1636), (X(50), 1662), (X(80), 1677),
                                         (X(112), 1689)])  # fmt: skip
    return m
