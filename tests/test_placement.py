"""Points are computed from landmarks and proportional cun, never placed by eye.

Two halves: the engine on a tiny hand-made figure (so each rule is checked in isolation), and
the real atlas on the real figures (each point placed along a segment sits at cun/length of it).
"""

from __future__ import annotations

import math

import pytest
from shapely.geometry import box

from acumap.core.model import Placement, Point, Segment
from acumap.geometry.figure import Figure
from acumap.geometry.placement import FINGER_BREADTH_CUN, place_on_figure
from acumap.loaders.bundle import Bundle

# -- the engine on a toy figure ----------------------------------------------------------------
# A 200 x 200 "front" figure: patient's left at larger x, midline x = 100.
TOY = Figure(
    view="front",
    source="toy.svg",
    viewbox=(0, 0, 200, 200),
    silhouette_wkb=box(0, 0, 200, 200).wkb,
    landmarks={
        "top": (100, 20), "bottom": (100, 120),
        "hand-l": (160, 60), "hand-r": (40, 60),
        "elbow-l": (160, 160), "elbow-r": (40, 160),
    },
)  # fmt: skip
SEGMENTS = {
    "trunk": Segment(name="trunk", start="top", end="bottom", cun=10, views=("front",)),
    "arm": Segment(name="arm", start="hand", end="elbow", cun=10, views=("front",)),
}


def point(code: str, laterality: str = "midline", **place: object) -> Point:
    """A bare point placed by `place` (on the front figure unless it names others)."""
    place.setdefault("view", "front")
    return Point(
        code=code, pinyin=code, hanzi="点", english=code, meridian="EX",
        laterality=laterality,  # type: ignore[arg-type]
        location="x", how_to_find="x", technique="x", pressure="gentle",
        duration={"seconds_min": 30, "seconds_max": 60},  # type: ignore[arg-type]
        conditions=(), self_care=True,
        place=(Placement(**place),),  # type: ignore[arg-type]
    )  # fmt: skip


def place(*points: Point) -> dict[tuple[str, str], tuple[float, float]]:
    placed, problems = place_on_figure(TOY, {p.code: p for p in points}, SEGMENTS)
    assert not problems, problems
    return {(p.code, p.side): (p.x, p.y) for p in placed}


def test_cun_along_a_segment_is_its_length_over_its_cun() -> None:
    got = place(point("A", at="top", along="trunk", cun=3))
    assert got[("A", "midline")] == (100, 50)  # 100 units / 10 cun * 3


def test_between_at_a_fraction_and_level_with() -> None:
    got = place(
        point("M", between=("top", "bottom"), fraction=0.25),
        point("L", "bilateral", at="hand", level_with="M"),
    )
    assert got[("M", "midline")] == (100, 45)
    assert got[("L", "left")] == (160, 45)
    assert got[("L", "right")] == (40, 45)


def test_across_is_lateral_on_each_side_and_finger_breadths_scale() -> None:
    got = place(
        point("C", "bilateral", at="hand", along="arm", cun=5, across=1),
        point("F", "bilateral", at="hand", along="arm", cun=5, across=1, across_unit="finger"),
    )
    assert got[("C", "left")] == (170, 110)  # lateral = away from x = 100
    assert got[("C", "right")] == (30, 110)
    assert got[("F", "left")] == (pytest.approx(160 + 10 * FINGER_BREADTH_CUN), 110)


def test_a_point_can_start_from_another_point_on_its_own_side() -> None:
    got = place(
        point("P1", "bilateral", at="hand", along="arm", cun=2),
        point("P2", "bilateral", at="P1", along="arm", cun=3),
    )
    assert got[("P2", "left")] == (160, 110)
    assert got[("P2", "right")] == (40, 110)


def test_toward_keeps_the_cun_size_but_changes_direction() -> None:
    got = place(point("T", "bilateral", at="hand", along="arm", cun=2, toward="top"))
    x, y = got[("T", "left")]
    assert math.dist((x, y), (160, 60)) == pytest.approx(20, abs=0.02)
    assert x < 160 and y < 60  # towards (100, 20)


def test_problems_name_the_point_and_the_field() -> None:
    pts = {
        p.code: p
        for p in (
            point("U", at="nowhere"),
            point("S", at="top", along="leg", cun=1),
            point("O", at="top", along="trunk", cun=-5),
            point("X", at="top", across=1, across_scale="trunk"),
        )
    }
    _, problems = place_on_figure(TOY, pts, SEGMENTS)
    said = {(p.code, p.field): p.message for p in problems}
    assert "unknown landmark or point 'nowhere'" in said[("U", "place.at")]
    assert "unknown segment 'leg'" in said[("S", "place.along")]
    assert "lands outside the front silhouette" in said[("O", "place")]
    assert "midline point cannot be offset" in said[("X", "place.across")]


# -- the real atlas on the real figures --------------------------------------------------------
def fraction_along(b: Bundle, code: str, view: str, a: str, z: str) -> dict[str, float]:
    """Where a point projects onto the line from landmark/point a to z, per side (0 = a, 1 = z)."""
    fig = b.figures[view]
    out = {}

    def ref(name: str, side: str) -> tuple[float, float]:
        if name in b.atlas.points:
            q = next(p for p in b.positions_of(name, view) if p.side == side)
            return (q.x, q.y)
        sided = f"{name}-{side[0]}" if side != "midline" else name
        return fig.landmarks.get(sided) or fig.landmarks[name]

    for pos in b.positions_of(code, view):
        (ax, ay), (zx, zy) = ref(a, pos.side), ref(z, pos.side)
        dx, dy = zx - ax, zy - ay
        out[pos.side] = ((pos.x - ax) * dx + (pos.y - ay) * dy) / (dx * dx + dy * dy)
    return out


@pytest.mark.parametrize(
    ("code", "view", "start", "end", "expected"),
    [
        ("ST36", "front", "ST35", "ankle-crease-anterior", 3 / 16),
        ("ST37", "front", "ST35", "ankle-crease-anterior", 6 / 16),
        ("ST39", "front", "ST35", "ankle-crease-anterior", 9 / 16),
        ("PC6", "front", "wrist-crease-anterior-mid", "cubital-crease-mid", 2 / 12),
        ("PC4", "front", "wrist-crease-anterior-mid", "cubital-crease-mid", 5 / 12),
        ("CV4", "front", "umbilicus", "pubic-symphysis", 3 / 5),
        ("CV6", "front", "umbilicus", "pubic-symphysis", 1.5 / 5),
        ("CV12", "front", "xiphisternal-junction", "umbilicus", 4 / 8),
        ("SP6", "front", "medial-malleolus", "tibia-medial-condyle", 3 / 13),
        ("BL57", "back", "popliteal-crease-mid", "ankle-posterior", 8 / 16),
        # the arm channels: WHO's forearm is 12 cun from the wrist crease to the elbow crease
        ("LU6", "front", "LU9", "LU5", 7 / 12),
        ("HT4", "front", "HT7", "HT3", 1.5 / 12),
        ("SI7", "back", "SI5", "SI8", 5 / 12),
        # the close-ups have their own cun: the hand's 3-cun forearm mark, the sole, the scalp
        ("PC6", "hand-palm", "wrist-crease-anterior-mid", "forearm-3cun-anterior-mid", 2 / 3),
        ("KI1", "foot-sole", "sole-web-toe2-3", "sole-heel-back", 1 / 3),
        ("GV20", "head-top", "anterior-hairline", "posterior-hairline", 5 / 12),
        # the leg and side channels: the medial leg is 13 cun (knee to malleolus), the lateral
        # 16, the thigh 18 (hip-knee 19 on the side), the back of the thigh 14, the calf 16
        ("SP7", "front", "medial-malleolus", "tibia-medial-condyle", 6 / 13),
        ("SP8", "front", "medial-malleolus", "tibia-medial-condyle", 10 / 13),
        ("LR5", "front", "medial-malleolus", "tibia-medial-condyle", 5 / 13),
        ("LR6", "front", "medial-malleolus", "tibia-medial-condyle", 7 / 13),
        ("SP16", "front", "xiphisternal-junction", "umbilicus", 5 / 8),
        ("SP13", "front", "umbilicus", "pubic-symphysis", 4.3 / 5),
        ("KI11", "front", "umbilicus", "pubic-symphysis", 5 / 5),
        ("KI13", "front", "umbilicus", "pubic-symphysis", 3 / 5),
        ("KI19", "front", "xiphisternal-junction", "umbilicus", 4 / 8),
        ("GB32", "lateral-r", "greater-trochanter", "popliteal-crease-lateral", 12 / 19),
        ("GB37", "front", "knee-lateral", "lateral-malleolus", 11 / 16),
        ("GB39", "lateral-r", "knee-lateral", "lateral-malleolus", 13 / 16),
        ("BL37", "back", "gluteal-fold", "popliteal-crease-mid", 6 / 14),
        ("BL55", "back", "popliteal-crease-mid", "ankle-posterior", 2 / 16),
        ("BL56", "back", "popliteal-crease-mid", "ankle-posterior", 5 / 16),
        ("GV21", "head-top", "anterior-hairline", "posterior-hairline", 3.5 / 12),
        ("GV24", "head-top", "anterior-hairline", "posterior-hairline", 0.5 / 12),
    ],
)
def test_points_sit_at_their_cun_fraction_of_the_segment(
    bundle: Bundle, code: str, view: str, start: str, end: str, expected: float
) -> None:
    fractions = fraction_along(bundle, code, view, start, end)
    assert fractions, f"{code} is not on the {view} view"
    for side, t in fractions.items():
        assert t == pytest.approx(expected, abs=0.01), (code, side)


def test_bilateral_points_mirror_about_the_midline(bundle: Bundle) -> None:
    for view, fig in bundle.figures.items():
        if not {"left", "right"} <= set(fig.sides):  # a profile or a one-sided close-up
            continue
        mid = fig.midline_x
        by = {(p.code, p.side): p for p in bundle.on_view(view)}
        for (code, side), p in by.items():
            if side == "left":
                r = by[(code, "right")]
                assert (p.x + r.x) / 2 == pytest.approx(mid, abs=0.05), code
                assert p.y == pytest.approx(r.y, abs=0.05), code
            elif side == "midline":
                assert p.x == pytest.approx(mid, abs=0.05), code


def test_every_position_is_inside_its_silhouette(bundle: Bundle) -> None:
    for p in bundle.positions:
        assert bundle.figures[p.view].contains((p.x, p.y)), p


def test_the_patients_left_is_on_the_viewers_right_in_front(bundle: Bundle) -> None:
    front = {p.side: p.x for p in bundle.positions_of("ST36", "front")}
    back = {p.side: p.x for p in bundle.positions_of("BL40", "back")}
    assert front["left"] > front["right"]
    assert back["left"] < back["right"]


@pytest.mark.parametrize(
    ("code", "curve", "expected"),
    [
        # WHO divides these curved lines into quarters and thirds, by length
        ("GB4", "temple-arc-r", 1 / 4),
        ("GB5", "temple-arc-r", 1 / 2),
        ("GB6", "temple-arc-r", 3 / 4),
        ("GB10", "mastoid-arc-r", 1 / 3),
        ("GB11", "mastoid-arc-r", 2 / 3),
        ("TE18", "retroauricular-arc-r", 1 / 3),
        ("TE19", "retroauricular-arc-r", 2 / 3),
    ],
)
def test_points_sit_at_their_share_of_a_curved_line(
    bundle: Bundle, code: str, curve: str, expected: float
) -> None:
    from acumap.geometry import curves

    fig = bundle.figures["head-side"]
    pts = fig.curves.get(curve) or fig.curves[curve[:-2]]
    (pos,) = bundle.positions_of(code, "head-side")
    share = curves.arc_of(pts, (pos.x, pos.y)) / curves.line(pts).length
    assert share == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(
    ("code", "spine", "cun"),
    [
        # the Bladder's two lines on the back: 1.5 and 3 cun from the midline (the medial
        # borders of the scapulae are 6 cun apart), level with the border below a process
        ("BL13", "t3.inferior", 1.5),
        ("BL23", "l2.inferior", 1.5),
        ("BL42", "t3.inferior", 3),
        ("BL52", "l2.inferior", 3),
        ("GV4", "l2.inferior", 0),
        ("GV14", "c7.inferior", 0),
    ],
)
def test_back_points_sit_beside_their_vertebra(
    bundle: Bundle, code: str, spine: str, cun: float
) -> None:
    from acumap.geometry.placement import spine_border

    fig = bundle.figures["back"]
    level = spine_border(spine, fig.landmarks)
    assert level is not None
    width = math.dist(
        fig.landmarks["scapula-medial-border-l"], fig.landmarks["scapula-medial-border-r"]
    )
    for pos in bundle.positions_of(code, "back"):
        assert pos.y == pytest.approx(level[1], abs=0.05), (code, pos.side)
        assert abs(pos.x - fig.midline_x) / (width / 6) == pytest.approx(cun, abs=0.02)
