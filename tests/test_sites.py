"""Points with several sites (Sishencong, Baxie, Jiaji) and points no figure shows.

A point with several sites is one point: every site is placed and drawn, a click on any of
them finds the point, and other points measure from its first site.
"""

from __future__ import annotations

import json

import pytest
from test_placement import point
from test_placement_v2 import SEGMENTS, TOY, near

from acumap.core.model import Placement, Point
from acumap.geometry.hitindex import HitIndex
from acumap.geometry.placement import place_on_figure


def sited(code: str, laterality: str, *sites: dict[str, object]) -> Point:
    base = point(code, laterality, at="top")
    specs = tuple(Placement(view="front", **s) for s in sites)  # type: ignore[arg-type]
    return Point(**{**{f: getattr(base, f) for f in base.__struct_fields__}, "place": specs})


# Sishencong-like: 1 cun (10 units) before, behind and to each side of a midline point
FOUR = sited(
    "EX-FOUR", "bilateral",
    {"site": "lateral", "at": "t1", "move": {"lateral": 1}, "scale": "trunk"},
    {"site": "superior", "at": "t1", "move": {"superior": 1}, "scale": "trunk", "midline": True},
    {"site": "inferior", "at": "t1", "move": {"inferior": 1}, "scale": "trunk", "midline": True},
)  # fmt: skip


def test_every_site_is_placed_once_per_side_it_has() -> None:
    placed, problems = place_on_figure(TOY, {"EX-FOUR": FOUR}, SEGMENTS)
    assert not problems
    got = {(p.site, p.side): (p.x, p.y) for p in placed}
    assert set(got) == {("superior", "midline"), ("inferior", "midline"),
                        ("lateral", "left"), ("lateral", "right")}  # fmt: skip
    assert near(got[("superior", "midline")], (100, 40))
    assert near(got[("inferior", "midline")], (100, 60))
    assert near(got[("lateral", "left")], (110, 50))
    assert near(got[("lateral", "right")], (90, 50))


def test_a_click_on_any_site_finds_the_point() -> None:
    placed, _ = place_on_figure(TOY, {"EX-FOUR": FOUR}, SEGMENTS)
    index = HitIndex(placed)
    for p in placed:
        found = index.hit(p.x + 1, p.y + 1, 3.0)
        assert found is not None and (found.code, found.site) == ("EX-FOUR", p.site)


def test_other_points_measure_from_the_first_site() -> None:
    after = point("P", "bilateral", at="EX-FOUR", move={"superior": 1}, scale="trunk")
    placed, problems = place_on_figure(TOY, {"EX-FOUR": FOUR, "P": after}, SEGMENTS)
    assert not problems
    got = {q.side: (q.x, q.y) for q in placed if q.code == "P"}
    assert near(got["left"], (110, 40)) and near(got["right"], (90, 40))  # above "lateral"


def test_a_site_that_cannot_be_placed_names_its_site() -> None:
    bad = sited("EX-BAD", "bilateral", {"site": "a", "at": "t1"},
                {"site": "far", "at": "t1", "move": {"lateral": 20}, "scale": "trunk"})  # fmt: skip
    _, problems = place_on_figure(TOY, {"EX-BAD": bad}, SEGMENTS)
    assert [p.message for p in problems] == ["lands outside the front silhouette (site far) at "
                                            "(300.0, 50.0)"]  # fmt: skip


def test_a_point_inside_the_mouth_is_listed_with_its_reason(capsys: pytest.CaptureFixture[str]
                                                             ) -> None:  # fmt: skip
    from acumap.cli import main

    assert main(["points", "--meridian", "EX", "--format", "json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    hidden = {code for code, r in rows.items() if not r["positions"]}
    assert hidden == {"EX-HN9", "EX-HN10", "EX-HN11", "EX-HN12", "EX-HN13"}
    assert all("inside" in rows[c]["no_position"].lower() for c in hidden)
    assert {p["site"] for p in rows["EX-HN1"]["positions"]} >= {"anterior", "posterior"}
