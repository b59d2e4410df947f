"""face.svg: the front of the head and neck, down to the clavicles.

Drawn in half coordinates (u, Y) in millimetres: u from the midline towards the patient's
left (the viewer's right), Y the same heights as the profile (figure_head_model.py). Each
part is drawn once and mirrored. The anterior hairline comes from the scalp model, so its
corners (ST8's forehead corners, 9 head cun apart) and the pupils' line (GB15, 2.25 cun out)
agree with head-side and head-top.
"""

from __future__ import annotations

from collections.abc import Sequence

from figure_head import Canvas, K, as_polygon, render, verify
from figure_head_model import SCALP, anterior_hairline, front_uy
from figure_parts import UV, closing, ellipse, outline, spline
from shapely import affinity
from shapely.geometry import Polygon
from shapely.ops import unary_union

Y_TOP, Y_BOTTOM, MID = 141.0, -250.0, 450.0
SIZE = (900, round(40 * 2 + K * (Y_TOP - Y_BOTTOM)))


def _page(q: UV) -> UV:
    return (MID + K * q[0], 40 + K * (Y_TOP - q[1]))


def _mirror(pts: Sequence[UV]) -> list[UV]:
    return [(-u, y) for u, y in pts]


def _full(half: Sequence[UV]) -> list[UV]:
    """A closed outline from its left half, which runs from the top midline down to the
    bottom midline."""
    return [*half, *reversed(_mirror(half[1:-1]))]


# -- shapes ---------------------------------------------------------------------------------------
HEAD = [(0, 140), (20, 138.5), (38, 133.5), (52, 125.5), (62, 115), (69, 102), (73, 88),
        (75, 74), (75.5, 60), (74.5, 47), (72.5, 36), (70.5, 20), (69.5, 4), (67.5, -12),
        (64, -30), (59, -44), (53.5, -54), (45, -67.5), (34.5, -78.5), (22.5, -86.2),
        (11, -90.6), (0, -92)]  # fmt: skip
EAR = [(71, 38.5), (75.5, 40.4), (79.8, 36.5), (82.4, 27), (83, 14), (81.6, 0), (78.8, -12),
       (75.6, -21), (72.6, -26.2), (69, -27.6), (65.6, -25), (67, 10)]  # fmt: skip
NECK = [(0, -60), (63.5, -29), (61, -40), (58.5, -56), (57, -80), (56.5, -102), (57.5, -125),
        (59.5, -150), (64, -169), (73, -178.5), (96, -186.5), (121, -193.5), (140, -200),
        (147, -207), (150.5, -220), (151, -238), (147.5, -248), (120, -250),
        (0, -250)]  # fmt: skip
EYE = [(17, 14.5), (22, 18.6), (30, 21), (38, 20.8), (44, 18.6), (47, 16.5), (42, 12.6),
       (33, 10.8), (24, 11.4), (19.2, 13)]  # fmt: skip
PUPIL: UV = (32.0, 15.6)
BROW = [(11.2, 40), (20, 43.2), (32, 45.3), (44, 44.2), (52, 41.2), (55.4, 38.3), (52, 38.6),
        (44, 40.8), (32, 41.4), (20, 39.4), (11.8, 36.2)]  # fmt: skip
UPPER_LIP = [(25, -44.5), (15, -40), (5, -36), (0, -37.2), (-5, -36), (-15, -40), (-25, -44.5),
             (-12, -44.7), (0, -44.2), (12, -44.7)]  # fmt: skip
LOWER_LIP = [(25, -44.5), (12, -44.7), (0, -44.2), (-12, -44.7), (-25, -44.5), (-15, -50.6),
             (0, -52.9), (15, -50.6)]  # fmt: skip
SCM_FRONT = [(46, -74), (41.5, -100), (29.5, -145), (14.5, -194)]
SCM_BACK = [(53, -74), (52.5, -100), (46.5, -150), (34.5, -196)]
CLAVICLE = [(17, -197), (40, -202.5), (70, -204), (100, -201.5), (127, -201)]
TEMPLE_HAIRLINE_TAIL = [(63, 72), (66.5, 55), (68.6, 38), (69.3, 22), (69.4, 6)]


def _hairline() -> list[UV]:
    return [front_uy(s, t) for s, t in anterior_hairline()]


def silhouette_half() -> Polygon:
    head = outline(HEAD + _mirror(HEAD[1:-1])[::-1])
    ear = outline(EAR)
    neck = outline(_full(NECK))
    body = unary_union([head, ear, affinity.scale(ear, -1, 1, origin=(0, 0)), neck])
    return Polygon(closing(body, 4.0).exterior)


# -- artwork -------------------------------------------------------------------------------------
def _both(c: Canvas, group: str, pts: Sequence[UV], closed: bool = False) -> None:
    c.curve(group, pts, closed)
    c.curve(group, _mirror(pts), closed)


def _hair(c: Canvas, head: Polygon) -> None:
    line = _hairline()
    corner = line[-1]
    half = [(0, 150), *line, *TEMPLE_HAIRLINE_TAIL, (90, 6), (90, 150)]
    region = unary_union([Polygon(half), Polygon(_mirror(half))]).buffer(0.01)
    c.shape("hair", head.intersection(region).buffer(-0.45))
    assert corner[0] > 55  # the corners of the forehead lie well out on the temples


def _face(c: Canvas) -> None:
    for side in (1, -1):
        eye = [(side * u, y) for u, y in EYE]
        white = Polygon(spline(eye, closed=True, per=10))
        c.curve("eyes", eye, closed=True)
        c.shape("irises", white.intersection(ellipse(side * PUPIL[0], PUPIL[1], 5.8, 5.8)))
        c.dot("pupils", (side * PUPIL[0], PUPIL[1]), 2.1)
        c.dot("irises", (side * (PUPIL[0] + 1.6), PUPIL[1] + 1.8), 0.7,
              ' fill="#ffffff" fill-opacity="0.8"')  # fmt: skip
        c.curve("brow-fill", [(side * u, y) for u, y in BROW], closed=True)
    _both(c, "fine", [(19.5, 19.8), (30, 25), (42.5, 23.4), (47.5, 19.5)])  # lid fold
    _both(c, "fine", [(23, 9), (33, 7.6), (42, 9.4)])  # lower lid
    _both(c, "fine", [(11.2, 33), (9.8, 20), (10.8, 5), (12.6, -6.5)])  # side of the nose
    _both(c, "lines", [(12.6, -6.2), (16.8, -10), (18.2, -16), (16.6, -21.4), (12, -24),
                       (9.5, -23.3)])  # fmt: skip
    for side in (1, -1):
        c.shape("nostril", ellipse(side * 7.6, -22.4, 3.1, 1.35, side * 14))
    c.curve("fine", [(-4.5, -16.2), (-2.5, -18.8), (0, -19.4), (2.5, -18.8), (4.5, -16.2)])
    _both(c, "fine", [(3.8, -26), (4.4, -35.4)])  # philtrum
    _both(c, "fine", [(19.8, -14), (22.2, -22.5), (25.4, -30.5)])  # nasolabial fold
    c.curve("lips", UPPER_LIP, closed=True)
    c.curve("lips", LOWER_LIP, closed=True)
    c.curve("fine", [(-9, -60.2), (-4.5, -61.6), (0, -62), (4.5, -61.6), (9, -60.2)])
    _both(c, "fine", [(59, -9), (63, -2), (65.5, 5)])  # cheekbone
    # the jaw: from the angle round the chin, in front of the neck
    c.curve("lines", [(54, -52.5), (45, -67.5), (34.5, -78.5), (22.5, -86.2), (11, -90.6), (0, -92),
                      (-11, -90.6), (-22.5, -86.2), (-34.5, -78.5), (-45, -67.5), (-54, -52.5)])
    # ears: the rim of the helix and the concha as seen from in front
    for side in (1, -1):
        c.curve("lines.ear", [(side * u, y) for u, y in
                              [(75, 36.5), (80.3, 29), (81.4, 13), (79, -4), (75.2, -15)]])
        c.curve("fine.ear", [(side * u, y) for u, y in [(72.6, 9), (74.6, 1), (72.8, -8)]])


def _neck(c: Canvas) -> None:
    _both(c, "fine", SCM_FRONT[1:])  # the muscle shows below the jaw
    _both(c, "fine", SCM_BACK[1:])
    c.curve("fine", [(-8, -117.5), (-3.5, -120.5), (0, -126.5), (3.5, -120.5), (8, -117.5)])
    c.curve("fine", [(-7.5, -146), (0, -147.6), (7.5, -146)])  # cricoid
    c.curve("lines", [(-12.5, -195.5), (-6, -199.5), (0, -201), (6, -199.5), (12.5, -195.5)])
    _both(c, "lines", CLAVICLE)
    _both(c, "fine", [(62.5, -168), (74, -184), (92, -193.5)])  # trapezius


# -- landmarks -----------------------------------------------------------------------------------
def _pair(c: Canvas, name: str, q: UV) -> None:
    c.points[name + "-l"] = c.p(q)
    c.points[name + "-r"] = c.p((-q[0], q[1]))


def _pair_line(c: Canvas, name: str, pts: Sequence[UV]) -> None:
    c.curves[name + "-l"] = [c.p(q) for q in pts]
    c.curves[name + "-r"] = [c.p(q) for q in _mirror(pts)]


def _landmarks(c: Canvas) -> None:
    for name, y in [("vertex", 138.2), ("anterior-hairline", SCALP.xy(SCALP.ant)[1]),
                    ("glabella", 38.2), ("nose-tip", -13.5), ("subnasale", -25),
                    ("upper-lip", -37.2), ("upper-lip-tubercle", -40.6),
                    ("mentolabial-groove", -61.2), ("chin", -90), ("hyoid", -108),
                    ("thyroid-cartilage-superior", -118), ("laryngeal-prominence", -126.5),
                    ("cricoid-cartilage", -147), ("suprasternal-notch", -199.5)]:  # fmt: skip
        c.point(name, (0, y), sided=False)
    line = _hairline()
    for name, q in [
        ("forehead-hairline-corner", line[-1]), ("eyebrow-medial", (12.2, 38)),
        ("eyebrow-center", (PUPIL[0], 43.2)), ("eyebrow-lateral", (54, 39)),
        ("inner-canthus", (17.4, 14.5)), ("outer-canthus", (46.6, 16.5)), ("pupil", PUPIL),
        ("infraorbital-margin", (PUPIL[0], 2)), ("infraorbital-foramen", (PUPIL[0], -7)),
        ("lateral-orbital-rim", (52.5, 16.5)), ("cheekbone-lower", (46.6, -13)),
        ("nose-ala", (17.6, -16)), ("nose-ala-inferior", (15.2, -22.2)),
        ("alar-crease-top", (13.8, -8.6)), ("mouth-corner", (24.6, -44.5)),
        ("zygomatic-arch", (64, 2)), ("mandibular-notch", (63.6, -5.5)),
        ("tragus", (70.8, 0)), ("auricular-apex", (76.5, 38.6)), ("earlobe", (72, -24.8)),
        ("mandible-angle", (52, -53.5)), ("facial-artery-notch", (40, -71)),
        ("carotid-pulse", (31.5, -118)), ("sternoclavicular", (18, -197.5)),
    ]:  # fmt: skip
        _pair(c, name, q)
    _pair_line(c, "anterior-hairline-line", line)
    _pair_line(c, "temple-hairline", spline([line[-1], *TEMPLE_HAIRLINE_TAIL], per=6))
    _pair_line(c, "infraorbital-rim", spline([(19, 5.5), (PUPIL[0], 2), (44, 3.5), (52, 8)], per=6))
    _pair_line(c, "nasolabial-sulcus", spline([(18.6, -10.5), (19.5, -13), (22.6, -23),
                                               (27.4, -35.5), (31, -47)], per=6))  # fmt: skip
    _pair_line(c, "zygomatic-arch-lower-border", spline([(52, -2), (60, 1), (66, 2.5)], per=6))
    _pair_line(c, "mandible-border", spline([(52.6, -54.5), (45, -66.5), (35.5, -76.5),
                                             (24, -84), (12, -88.6), (0, -90.1)], per=6))
    _pair_line(c, "scm-anterior-border", spline(SCM_FRONT, per=6))
    _pair_line(c, "scm-posterior-border", spline(SCM_BACK, per=6))


def build() -> str:
    c = Canvas("face", SIZE, _page)
    half = silhouette_half()
    head = outline(HEAD + _mirror(HEAD[1:-1])[::-1])
    _hair(c, head)
    _face(c)
    _neck(c)
    _landmarks(c)
    sil = as_polygon(c.geom(half))
    verify(c, sil, mirror_x=MID)
    return render(c, sil, "the face and the front of the neck")
