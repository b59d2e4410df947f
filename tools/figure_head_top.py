"""head-top.svg: the scalp seen from above, face towards the top of the page.

The scalp is drawn as a map (like the top-of-head diagrams of EEG atlases): down the page is
the arc along the scalp's midline (s, from the glabella over the vertex to the nape) and
across the page the arc across the scalp (t, from the midline towards the ears), both true
lengths in millimetres at the same scale. So the 12 cun from the anterior to the posterior
hairline are a straight line of true length, and the lines 1.5 cun (Bladder) and 2.25 cun
(Gallbladder, above the pupil) lateral are straight lines parallel to it: a point "N cun
within the hairline, M cun lateral" is N cun along scalp-midline and M cun across, exactly.
Near the vertex the map looks like the head seen from above; towards its rim (the temples,
above the ears, the occiput) it shows more of the head than a photograph from above would.
The patient's right is on the viewer's right (we look down on the top of the head).
"""

from __future__ import annotations

from collections.abc import Sequence

from figure_head import Canvas, K, as_polygon, render, verify
from figure_head_model import (
    CORNER_T,
    SCALP,
    W_CUN,
    anterior_hairline,
    lateral_line,
    posterior_hairline,
)
from figure_parts import UV, outline, spline
from shapely.geometry import Polygon
from shapely.ops import unary_union

S_TOP, S_BOTTOM, MID = -12.0, 404.0, 450.0
SIZE = (900, round(40 * 2 + K * (S_BOTTOM - S_TOP)))
FRONT_K, BACK_K = 0.5, 0.6  # outside the hairlines the map is shortened, as seen from above


def ms(s: float) -> float:
    """Map a true arc position to the page's: true length between the hairlines (the whole
    hairy scalp), shortened in front of the anterior hairline (the forehead, which a view
    from above foreshortens) and behind the posterior hairline (the nape)."""
    if s < SCALP.ant:
        return SCALP.ant - (SCALP.ant - s) * FRONT_K
    if s > SCALP.post:
        return SCALP.post + (s - SCALP.post) * BACK_K
    return s


def _page(q: UV) -> UV:
    """(t, s) in mm to the page: t to the patient's right is to the viewer's right."""
    return (MID + K * q[0], 40 + K * (q[1] - S_TOP))


def _mirror(pts: Sequence[UV]) -> list[UV]:
    return [(-t, s) for t, s in pts]


def _ts(st: Sequence[tuple[float, float]], sign: float = 1.0) -> list[UV]:
    """Model (s, t) pairs as map points (t, s')."""
    return [(sign * t, ms(s)) for s, t in st]


# the map's rim (t, s'): the brows in front, the widest contour of the skull at the sides
# (about 3 cm above the ears, which stand out beyond it), the nape behind
RIM = [(0, 23), (25, 24), (48, 28), (68, 37), (85, 52), (98, 75), (108, 108), (114, 148),
       (116, 190), (114, 232), (109, 270), (100, 305), (87, 338), (70, 366), (50, 386),
       (26, 398), (0, 401)]  # fmt: skip
NOSE = [(-15, 27.5), (-14, 20), (-11.5, 13.5), (-8.5, 7.5), (-4.5, 3.2), (0, 2), (4.5, 3.2),
        (8.5, 7.5), (11.5, 13.5), (14, 20), (15, 27.5)]  # fmt: skip
EAR = [(110, 166), (120.5, 169.5), (127.5, 179), (130, 194), (127.5, 210), (121, 220.5),
       (112, 224), (114.5, 208), (116, 190), (113.5, 176)]  # fmt: skip
EAR_APEX: UV = (122.0, SCALP.gv20)  # the ear's highest point lies level with GV20
# the hairline beyond the forehead corners: down the temple to the rim in front of the ear,
# and from the rim behind the ear down past the mastoid to the posterior hairline's end
TEMPLE = [(76, 62), (90, 82), (102, 110), (110, 140), (117, 161)]
BEHIND_EAR = [(117, 231), (110, 266), (97, 302), (81, 334), (64, 361)]


def _rim() -> Polygon:
    return outline([*RIM, *reversed(_mirror(RIM[1:-1]))], per=24)


def _hair(c: Canvas, head: Polygon) -> None:
    front = _ts(anterior_hairline())
    back = _ts(posterior_hairline())
    edge = spline([*front[-2:], *TEMPLE], per=8)[8:]
    behind = spline([*BEHIND_EAR, *back[::-1][:2]], per=8)[:-8]
    half = [(0, 0), *front, *edge, (170, 150), (170, 240), *behind, *reversed(back)]
    region = unary_union([Polygon(half), Polygon(_mirror(half))]).buffer(0.01)
    c.shape("hair", head.intersection(region).buffer(-0.45))


def build() -> str:
    c = Canvas("head-top", SIZE, _page, suffix="-r")
    head = _rim()
    nose = outline(NOSE, per=12)
    ears = [outline(EAR), outline(_mirror(EAR))]
    sil = as_polygon(c.geom(unary_union([head, nose, *ears]).buffer(2.5).buffer(-2.5)))
    _hair(c, head)
    for side in (1, -1):  # brows, ears, the wings of the nose
        brow = [(side * t, s) for t, s in [(11, 29.6), (30, 27.4), (47, 29.6), (55, 33.4),
                                          (47, 32), (30, 30), (12, 32.2)]]  # fmt: skip
        c.curve("brow-fill", brow, closed=True)
        c.curve("ear", [(side * t, s) for t, s in EAR], closed=True)
        c.curve("lines.ear", [(side * t, s) for t, s in [(119.5, 175.5), (125, 186.5),
                                                          (125.6, 201), (121.5, 213.5)]])
        c.curve("fine", [(side * t, s) for t, s in [(5.5, 8.5), (9.6, 13.5), (11, 20.5)]])
    c.curve("fine", [(-3.8, 5.6), (0, 4.4), (3.8, 5.6)])  # the tip of the nose
    # landmarks
    sc = SCALP
    c.line("scalp-midline", [(0, sc.ant + (sc.post - sc.ant) * k / 48) for k in range(49)],
           sided=False)  # fmt: skip
    for name, s in [("anterior-hairline", sc.ant), ("vertex", sc.vertex),
                    ("posterior-hairline", sc.post), ("external-occipital-protuberance", sc.eop),
                    ("external-occipital-protuberance-superior", sc.eop_top)]:  # fmt: skip
        c.point(name, (0, ms(s)), sided=False)
    for suffix, sign in (("-r", 1), ("-l", -1)):
        c.suffix = suffix
        front = _ts(anterior_hairline(), sign)
        c.point("forehead-hairline-corner", front[-1])
        c.point("auricular-apex", (sign * EAR_APEX[0], EAR_APEX[1]))
        c.line("anterior-hairline-line", front)
        c.line("posterior-hairline-line", _ts(posterior_hairline(), sign))
        c.line("scalp-bl-line", _ts(lateral_line(1.5 * W_CUN), sign))
        c.line("scalp-gb-line", _ts(lateral_line(2.25 * W_CUN), sign))
    assert abs(abs(front[-1][0]) - CORNER_T) < 1e-9
    verify(c, sil, mirror_x=MID)
    return render(c, sil, "the scalp seen from above (an unrolled map of the scalp)")
