"""head-side.svg: the right side of the head and neck in profile, facing the viewer's right.

Millimetres as in figure_head_model.py (X forward, Y up, origin at the tragus). Midline
landmarks sit on the skin midline, 1.8 mm (5 units) inside the drawn outline. Points 1.5 and
2.25 cun lateral of the midline are seen foreshortened: the curves scalp-bl-line and
scalp-gb-line are those lines as the profile shows them (each point moved inwards by the
transverse curvature of the scalp), from the anterior to the posterior hairline's level.
"""

from __future__ import annotations

import math

import figure_head_ear as ear
from figure_head import Canvas, K, as_polygon, render, shape_path, verify
from figure_head_model import (
    SCALP,
    W_CUN,
    anterior_hairline,
    lateral_line,
    normal_in,
    posterior_hairline,
    side_ring,
    side_xy,
)
from figure_parts import UV, ellipse, spline
from shapely.geometry import LineString, Polygon
from shapely.ops import substring

X_MIN, X_MAX, Y_TOP, Y_BOTTOM = -101.0, 126.0, 141.0, -241.0
MARGIN = 50.0
SIZE = (round(MARGIN * 2 + K * (X_MAX - X_MIN)), round(MARGIN * 2 + K * (Y_TOP - Y_BOTTOM)))


def _page(q: UV) -> UV:
    return (MARGIN + K * (q[0] - X_MIN), MARGIN + K * (Y_TOP - q[1]))


def _out(s: float, by: float = 6.0) -> UV:
    """The midline point at arc s pushed out of the head (to close the hair shape)."""
    x, y = SCALP.xy(s)
    nx, ny = normal_in(SCALP.line, s)
    return (x - nx * by, y - ny * by)


# -- measured constructions ---------------------------------------------------------------------
C = SCALP.cun  # mm per scalp cun
FACE_CUN = math.dist(SCALP.xy(SCALP.glabella), SCALP.xy(SCALP.ant)) / 3  # glabella-hairline
CORNER = side_xy(*anterior_hairline()[-1])
ST8 = (CORNER[0], CORNER[1] + 0.5 * FACE_CUN)  # 0.5 cun straight above the corner
GB7 = (ear.SIDEBURN_BACK[0], ear.OUTLINE[3][1])  # sideburn's back edge, level with the apex
TEMPLE_HAIRLINE = [CORNER, (CORNER[0] - 3.5, 72), (62, 57), (53, 40), (42, 25), (30, 12),
                   (21, 4.5), (14, 2), (ear.AURICULAR_HAIRLINE[0][0], 4)]  # fmt: skip


def _hairline_y_at(x: float) -> float:
    """Height of the hairline over the ear at X = x."""
    pts = spline(ear.AURICULAR_HAIRLINE[3:9], per=40)
    return max(y for (px, y) in pts if abs(px - x) < 0.6)


GB8 = (ear.APEX[0], _hairline_y_at(ear.APEX[0]) + 1.5 * C)
GB9 = (ear.ROOT_POSTERIOR[0], _hairline_y_at(ear.ROOT_POSTERIOR[0]) + 2.0 * C)
GB12 = (-41.0, -33.0)  # in the hollow behind and below the mastoid process
TE17 = (-22.5, -24.5)  # behind the lobe, in front of the mastoid's lower end
TE20 = (ear.APEX[0], ear.OUTLINE[3][1] + 2.8)  # just above the apex


POSTERIOR_HAIRLINE = [side_xy(s, t) for s, t in posterior_hairline()]


# -- artwork --------------------------------------------------------------------------------------
def _hair(c: Canvas, sil: Polygon) -> None:
    front = [side_xy(s, t) for s, t in anterior_hairline()]
    # one smooth line from the corner round the ear and into the posterior hairline
    around = [*TEMPLE_HAIRLINE[1:], *ear.AURICULAR_HAIRLINE[1:], *POSTERIOR_HAIRLINE[::-1][2:]]
    path = [_out(SCALP.ant), *front, *spline(around, per=8), _out(SCALP.post)]
    path += [(-150, SCALP.xy(SCALP.post)[1]), (-150, 200), (150, 200), (150, 95)]
    c.shape("hair", sil.intersection(Polygon(path).buffer(0)).buffer(-0.45))


def _ear(c: Canvas) -> None:
    c.curve("ear", ear.OUTLINE, closed=True)
    for part in (ear.CONCHA, ear.FOSSA):
        c.curve("ear-shade", part, closed=True)
    c.add("deep", f'<path d="{_ellipse_d(c, ear.CANAL, 2.1, 2.9)}"/>')
    c.curve("lines.ear", ear.HELIX_FOLD)
    c.curve("lines.ear", ear.ANTIHELIX)
    c.curve("fine.ear", ear.INFERIOR_CRUS)
    c.curve("fine.ear", ear.ANTITRAGUS)
    c.curve("fine.ear", ear.TRAGUS_EDGE)


def _ellipse_d(c: Canvas, q: UV, rx: float, ry: float) -> str:
    return shape_path(c.geom(ellipse(q[0], q[1], rx, ry, 8)))


def _face(c: Canvas) -> None:
    # eye: the lids meet at the outer canthus, the cornea shows between them in front
    eye = [(80, 16.5), (86.5, 19.6), (92.8, 19.5), (95.2, 15.6), (92.6, 11.6), (86.2, 12.3)]
    c.curve("eyes", eye, closed=True)
    white = Polygon(spline(eye, closed=True, per=10))
    c.shape("irises", white.intersection(ellipse(92.1, 15.6, 2.3, 5.4)))
    c.shape("pupils", white.intersection(ellipse(93.6, 15.6, 0.9, 2.3)))
    c.curve("fine", [(81.5, 21), (87.5, 23.6), (93, 23.4)])  # upper lid fold
    c.curve("fine", [(84.5, 10.4), (90.5, 9.6)])  # lower lid
    brow = [(101.2, 41), (96, 44.2), (88, 43.6), (80, 39.8), (77.4, 37.4), (80.5, 37.9),
            (88.5, 39.7), (96.2, 39.8), (101.6, 37.3)]  # fmt: skip
    c.curve("brow-fill", brow, closed=True)
    # nose: the wing, the nostril, the tip
    c.curve("lines", [(108.6, -9.2), (105.2, -12.4), (104.6, -16.4), (106.4, -19.8),
                      (110.5, -21.6)])  # fmt: skip
    c.shape("nostril", ellipse(113.6, -19.8, 3.2, 1.05, -12))
    c.curve("fine", [(118.5, -8.5), (121.5, -12.5), (121, -16)])
    c.curve("fine", [(104.5, -12.5), (101.5, -25), (98.5, -37)])  # nasolabial fold
    # lips: upper and lower vermilion, the line of the mouth
    upper = [(108.6, -36.3), (109.1, -39.6), (104.4, -44.1), (95.2, -44.8), (99.5, -41.6),
             (104.4, -38)]  # fmt: skip
    lower = [(104.4, -44.3), (107.2, -47.8), (106.6, -51.6), (104, -53.6), (98.6, -49.6),
             (95.2, -45)]  # fmt: skip
    c.curve("lips", upper, closed=True)
    c.curve("lips", lower, closed=True)
    c.curve("fine", [(99, -60.5), (96, -63), (95.5, -67)])  # mentolabial sulcus
    c.curve("fine", [(95.4, -44.8), (93, -45.6)])  # the corner of the mouth
    # jaw, cheek
    c.curve("lines", [(11.5, -37), (10.6, -46.5), (14.2, -55), (30, -66.8), (55, -80),
                      (78, -89.6)])  # fmt: skip
    c.curve("fine", [(57, 1.5), (35, 1.6), (22, 3.2)])  # lower border of the zygomatic arch
    c.curve("fine", [(84, 0.5), (76, -5.5), (66, -6)])  # cheekbone
    c.curve("fine", [(-84.2, 24), (-86.6, 20), (-84.6, 15.5)])  # occipital protuberance


def _neck(c: Canvas) -> None:
    c.curve("fine", SCM_FRONT)
    c.curve("fine", SCM_BACK)
    c.curve("fine", TRAPEZIUS)
    c.curve("fine", [(50.5, -116), (46, -122), (47.5, -131), (44, -139)])  # thyroid cartilage
    c.curve("fine", [(46, -146), (40, -148)])  # cricoid
    c.curve("lines", [(44.5, -198), (30, -193), (6, -189), (-18, -188)])  # clavicle
    c.curve("lines", [(-70, -150), (-52, -166), (-32, -180), (-18, -188)])  # top of shoulder
    c.curve("fine", [(-74.5, -124), (-78, -121), (-78.5, -117)])  # C7


SCM_FRONT = [(-24.5, -28), (-6, -62), (12, -110), (30, -160), (41.5, -193)]
SCM_BACK = [(-45.5, -4), (-33, -50), (-17, -110), (0, -160), (12, -190)]
TRAPEZIUS = [(-67, 2), (-60, -50), (-56, -100), (-58, -140), (-66, -152)]


# -- landmarks -------------------------------------------------------------------------------------
def _midline(c: Canvas) -> None:
    sc = SCALP
    c.line("scalp-midline", list(substring(sc.line, sc.ant, sc.post).coords), sided=False)
    for name, s in [("glabella", sc.glabella), ("anterior-hairline", sc.ant),
                    ("vertex", sc.vertex), ("posterior-hairline", sc.post),
                    ("external-occipital-protuberance", sc.eop),
                    ("external-occipital-protuberance-superior", sc.eop_top),
                    ("c2", sc.c2), ("c7", sc.c7)]:  # fmt: skip
        c.point(name, sc.xy(s), sided=False)
    # the face's midline, on the skin 1.8 mm inside the outline
    ring = LineString([*side_ring(), side_ring()[0]])
    face = ring.offset_curve(1.8, join_style="round")
    for name, (x, y) in [("nose-tip", (125, -13)), ("subnasale", (105, -26)),
                         ("upper-lip", (108.6, -36.3)), ("upper-lip-tubercle", (109, -39.5)),
                         ("mentolabial-groove", (98, -61)), ("chin", (97, -88)),
                         ("hyoid", (48, -110)), ("thyroid-cartilage-superior", (51, -118)),
                         ("laryngeal-prominence", (54, -128)), ("cricoid-cartilage", (47, -148)),
                         ("suprasternal-notch", (45, -199))]:  # fmt: skip
        near = face.interpolate(face.project(LineString([(x, y), (x, y + 0.01)]).centroid))
        c.point(name, (near.x, near.y), sided=False)


def _sided(c: Canvas) -> None:
    lm = c.point
    for name, q in [
        ("forehead-hairline-corner", CORNER), ("eyebrow-medial", (100.2, 38.6)),
        ("eyebrow-center", (95.2, 41.8)), ("eyebrow-lateral", (79.5, 38.6)),
        ("outer-canthus", (80.6, 16.4)), ("pupil", (92.6, 15.6)),
        ("infraorbital-margin", (90.5, 2.5)), ("lateral-orbital-rim", (77.5, 16.4)),
        ("cheekbone-lower", (80.6, -13)), ("nose-ala", (105.6, -16)),
        ("alar-crease-top", (108.2, -10)), ("mouth-corner", (95.6, -44.8)),
        ("zygomatic-arch", (34, 1.6)), ("mandibular-notch", (31, -6)),
        ("mandible-condyle", (11.5, 0)), ("mandible-angle", (12.6, -51.5)),
        ("facial-artery-notch", (37, -70.8)), ("superficial-temporal-artery", (7, 12)),
        ("tragus", ear.TRAGUS), ("intertragic-notch", ear.INTERTRAGIC),
        ("supratragic-notch", ear.SUPRATRAGIC), ("helix-root", ear.HELIX_ROOT),
        ("auricular-apex", ear.APEX), ("earlobe", ear.EARLOBE),
        ("auricle-root-posterior", ear.ROOT_POSTERIOR), ("sideburn-posterior", ear.SIDEBURN_BACK),
        ("mastoid", ear.MASTOID_TIP), ("scm-origin", (-45.5, -1.1)),
        ("trapezius-origin", (-67, -1.1)), ("carotid-pulse", (20, -118)),
        ("sternoclavicular", (41, -195)),
    ]:  # fmt: skip
        lm(name, q)
    ln = c.line
    ln("anterior-hairline-line", [side_xy(s, t) for s, t in anterior_hairline()])
    ln("posterior-hairline-line", POSTERIOR_HAIRLINE)
    ln("temple-hairline", spline(TEMPLE_HAIRLINE, per=6))
    ln("auricular-hairline", spline(ear.AURICULAR_HAIRLINE, per=6))
    ln("scalp-bl-line", [side_xy(s, t) for s, t in lateral_line(1.5 * W_CUN)])
    ln("scalp-gb-line", [side_xy(s, t) for s, t in lateral_line(2.25 * W_CUN)])
    ln("temple-arc", spline([ST8, (CORNER[0] - 6, 80), (56, 62), (43, 50.5), (26, 43), GB7],
                            per=8))  # fmt: skip
    ln("mastoid-arc", spline([GB9, (-44, 82), (-50.5, 55), (-54, 30), (-54.5, 8), (-50, -16),
                              GB12], per=8))  # fmt: skip
    ln("retroauricular-arc", spline([TE17, (-28, -16), (-33, -8), (-37.5, 2.5), (-40.5, 13.5),
                                     (-41.3, 23), (-39.8, 32.5), (-34.5, 40), TE20], per=8))
    ln("helix", spline(ear.HELIX_RIM, per=6))
    ln("zygomatic-arch-lower-border", spline([(57, 1.5), (35, 1.6), (14, 4.5)], per=6))
    ln("mandible-border", spline([(12.5, -3), (11.6, -25), (10.8, -44), (12, -53),
                                  (17, -59), (32, -68.5), (56, -81.5), (80, -90)], per=6))
    ln("scm-anterior-border", spline(SCM_FRONT, per=6))
    ln("scm-posterior-border", spline(SCM_BACK, per=6))
    ln("trapezius-anterior-border", spline(TRAPEZIUS, per=6))
    ln("mastoid-posterior-border", spline(ear.MASTOID_BORDER, per=6))
    ln("nasolabial-sulcus", spline([(104.5, -12.5), (101.5, -25), (98.5, -37)], per=6))


def build(mirror: bool = False) -> str:
    c = Canvas("head-side", SIZE, _page, mirror=mirror, suffix="-l" if mirror else "-r")
    head = Polygon(side_ring()).buffer(0)
    _hair(c, head)
    _face(c)
    _neck(c)
    _ear(c)
    _midline(c)
    _sided(c)
    sil = as_polygon(c.geom(head))
    verify(c, sil)
    side = "left" if mirror else "right"
    return render(c, sil, f"the {side} side of the head in profile")
