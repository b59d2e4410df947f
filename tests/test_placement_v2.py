"""Each word of the placement vocabulary on small hand-made figures, checked in isolation.

The figures are 200 x 200 boxes with a frame (as the manifest gives it): a front view, a right
profile, a tilted forearm and a close-up turned upside down on the page (a hand, fingers up).
"""

from __future__ import annotations

import math

import pytest
from shapely.geometry import box
from test_placement import point  # the same bare point, so the two files build points alike

from acumap.core.model import Frame, Placement, Point, Segment
from acumap.geometry.figure import Figure
from acumap.geometry.placement import place_on_figure

FRONT = Frame(up="-y", anterior="toward", left="+x")
PROFILE = Frame(up="-y", anterior="+x", left="away")
HAND = Frame(up="+y", anterior="toward", left="-x", proximal="+y")


def figure(view: str, frame: Frame, landmarks: dict, curves: dict | None = None,  # type: ignore[type-arg]
           sides: tuple[str, ...] = ("left", "right", "midline")) -> Figure:  # fmt: skip
    return Figure(
        view=view, source=f"{view}.svg", viewbox=(0, 0, 200, 200),
        silhouette_wkb=box(0, 0, 200, 200).wkb, landmarks=landmarks,
        curves=curves or {}, frame=frame, sides=sides,
    )  # fmt: skip


TOY = figure(
    "front",
    FRONT,
    {
        "top": (100, 20), "bottom": (100, 120), "c7": (100, 40), "t1": (100, 50),
        "t2": (100, 62), "nipple-l": (140, 60), "nipple-r": (60, 60),
        "wrist-l": (150, 150), "elbow-l": (170, 70), "wrist-r": (50, 150), "elbow-r": (30, 70),
    },
    {
        # an intercostal space from the midline outward, bending down (the arc is 3-4-5)
        "ics-l": ((100, 60), (130, 60), (160, 100)),
        "ics-r": ((100, 60), (70, 60), (40, 100)),
        "axillary-line-l": ((150, 20), (150, 190)),
        "axillary-line-r": ((50, 20), (50, 190)),
        "scalp": ((100, 120), (100, 20)),
    },
)  # fmt: skip
SEGMENTS = {
    "trunk": Segment(name="trunk", start="top", end="bottom", cun=10, views=("front", "side")),
    "forearm": Segment(name="forearm", start="wrist", end="elbow", cun=12, views=("front",)),
    "arc": Segment(name="arc", curve="scalp", cun=5, views=("front",)),
    "finger": Segment(name="finger", start="tip", end="base", cun=2, views=("hand",)),
}


def place(fig: Figure, *points: Point) -> dict[tuple[str, str], tuple[float, float]]:
    placed, problems = place_on_figure(fig, {p.code: p for p in points}, SEGMENTS)
    assert not problems, problems
    return {(p.code, p.side): (p.x, p.y) for p in placed}


def problem(fig: Figure, *points: Point) -> str:
    _, problems = place_on_figure(fig, {p.code: p for p in points}, SEGMENTS)
    assert problems
    return f"{problems[0].field}: {problems[0].message}"


def near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return math.dist(a, b) < 0.01  # positions are rounded to 1/100 of a unit


# -- anatomical directions through the frame ---------------------------------------------------
def test_move_lateral_and_superior_resolve_per_side_through_the_frame() -> None:
    got = place(TOY, point("P", "bilateral", at="nipple", move={"lateral": 1, "superior": 2},
                           scale="trunk"))  # fmt: skip
    assert near(got[("P", "left")], (150, 40))  # 10 units a cun; left is +x on the front
    assert near(got[("P", "right")], (50, 40))


def test_lateral_on_a_profile_is_a_clear_error_not_a_guess() -> None:
    side = figure("side", PROFILE, {"top": (100, 20), "bottom": (100, 120), "nipple-r": (120, 60)},
                  sides=("right", "midline"))  # fmt: skip
    msg = problem(side, point("P", "bilateral", view="side", at="nipple", move={"lateral": 1},
                              scale="trunk"))  # fmt: skip
    assert msg == "place.move.lateral: 'lateral' points out of the page on the side figure, " \
        "so it cannot be measured there"  # fmt: skip
    got = place(side, point("Q", "bilateral", view="side", at="nipple", move={"anterior": 1},
                            scale="trunk"))  # fmt: skip
    assert near(got[("Q", "right")], (130, 60))  # anterior is +x on this profile


def test_proximal_on_an_upside_down_hand_and_lateral_is_the_thumb_side() -> None:
    hand = figure("hand", HAND, {"tip-r": (100, 20), "base-r": (100, 60), "mid-r": (100, 100)},
                  sides=("right",))  # fmt: skip
    got = place(hand, point("H", "bilateral", view="hand", at="mid", scale="finger",
                            move={"proximal": 1, "lateral": 0.5}))  # fmt: skip
    # a finger cun is 20 units; proximal is down the page; lateral (radial) of the right hand
    # is the patient's right, which is +x when left is -x
    assert near(got[("H", "right")], (110, 120))


def test_a_right_profile_places_only_right_side_and_midline_points() -> None:
    side = figure("side", PROFILE, {"top": (100, 20), "bottom": (100, 120), "nipple-r": (120, 60),
                                    "nipple-l": (110, 60)}, sides=("right", "midline"))  # fmt: skip
    got = place(side, point("B", "bilateral", view="side", at="nipple"),
                point("M", view="side", at="top"))  # fmt: skip
    assert set(got) == {("B", "right"), ("M", "midline")}


# -- curves ------------------------------------------------------------------------------------
def test_on_a_curve_n_cun_from_the_midline_is_arc_length() -> None:
    got = place(TOY, point("I", "bilateral", on="ics", arc=4, scale="trunk"))
    # 30 units straight out, then 10 of the 50-unit bend (3-4-5): (136, 68)
    assert near(got[("I", "left")], (136, 68))
    assert near(got[("I", "right")], (64, 68))


def test_arc_from_a_reference_measures_from_its_nearest_point_on_the_curve() -> None:
    got = place(TOY, point("J", "bilateral", on="ics", arc=1, arc_from="nipple", scale="trunk"))
    # the nipple (140, 60) is nearest the bend 6 units along it (arc 36); 1 cun on: arc 46
    assert near(got[("J", "left")], (130 + 16 * 0.6, 60 + 16 * 0.8))


def test_where_two_curves_meet() -> None:
    got = place(TOY, point("G", "bilateral", on="axillary-line", meet="ics"))
    assert near(got[("G", "left")], (150, 60 + 40 * 20 / 30))


def test_on_a_curve_level_with_a_reference() -> None:
    got = place(TOY, point("K", "bilateral", on="axillary-line", level_with="c7"))
    assert near(got[("K", "left")], (150, 40))


def test_cun_along_a_curve_segment_follows_the_arc() -> None:
    got = place(TOY, point("S", at="bottom", along="arc", cun=2))
    assert near(got[("S", "midline")], (100, 80))  # the 100-unit arc is 5 cun: 20 a cun


def test_a_curve_used_as_a_point_says_so() -> None:
    msg = problem(TOY, point("X", at="scalp"))
    assert msg == "place.at: 'scalp' is a curve: place on it with on = 'scalp'"


# -- the spine and level_with across a tilted limb ---------------------------------------------
def test_spine_borders_are_the_depressions_between_processes() -> None:
    got = place(TOY, point("GV", at="c7.inferior"), point("BL", "bilateral", at="nipple",
                                                          level_with="t1.inferior"))  # fmt: skip
    assert near(got[("GV", "midline")], (100, 45))
    assert near(got[("BL", "left")], (140, 56))
    sup = place(TOY, point("U", at="t2.superior"))
    assert near(sup[("U", "midline")], (100, 56))


def test_level_with_across_a_tilted_segment() -> None:
    # on the forearm from wrist (150,150) to elbow (170,70), the point level with the nipple
    # is where the perpendicular through the nipple crosses the limb's axis
    got = place(TOY, point("F", "bilateral", at="wrist", level_with="nipple",
                           level_across="forearm"))  # fmt: skip
    d = (20 / math.hypot(20, 80), -80 / math.hypot(20, 80))
    t = (140 - 150) * d[0] + (60 - 150) * d[1]
    assert near(got[("F", "left")], (150 + d[0] * t, 150 + d[1] * t))
    plain = place(TOY, point("V", "bilateral", at="wrist", level_with="nipple"))
    assert near(plain[("V", "left")], (150, 60))  # without it: straight up the page


# -- one spec, several figures -----------------------------------------------------------------
def test_one_spec_places_a_point_on_every_figure_it_names() -> None:
    side = figure("side", PROFILE, {"top": (80, 20), "bottom": (80, 120)}, sides=("midline",))
    spec = point("C", figures=("front", "side"), at="top", along="trunk", cun=5, view=None)
    assert place(TOY, spec)[("C", "midline")] == (100, 70)
    assert place(side, spec)[("C", "midline")] == (80, 70)


def test_a_spec_needs_one_of_view_or_figures() -> None:
    with pytest.raises(ValueError, match="either 'view' or 'figures'"):
        Placement(view="front", figures=("front",), at="top")


def test_a_fraction_of_a_curve_is_a_share_of_its_length() -> None:
    # the ics curve: 30 units across, then 50 down-and-out (3-4-5): 80 long
    got = place(TOY, point("Q", "bilateral", on="ics", arc_fraction=0.25))
    assert near(got[("Q", "left")], (120, 60)) and near(got[("Q", "right")], (80, 60))
    got = place(TOY, point("H", "bilateral", on="ics", arc_fraction=0.5))
    assert near(got[("H", "left")], (136, 68))
