"""The drawn pathway joins neighbours only: never a line across the body between strangers."""

from __future__ import annotations

import itertools

import pytest

from acumap.core.pathway import PathwayError, is_channel, parse_chains, pathway_runs


def test_neighbours_join_and_gaps_break_the_line() -> None:
    shown = {1: "a", 2: "b", 3: "c", 7: "g", 8: "h", 12: "l"}
    assert pathway_runs(shown, parse_chains([], 12)) == [["a", "b", "c"], ["g", "h"]]
    assert pathway_runs({}, parse_chains([], 12)) == []
    assert not is_channel("EX") and is_channel("GB")


def test_a_branching_channel_joins_the_branch_point_not_the_next_number() -> None:
    # the Bladder: the outer line 41-54 rejoins at 40, then the calf 55-67
    chains = parse_chains(["1-40", "41-54, 40, 55-67"], 67)
    shown = {n: n for n in (39, 40, 41, 42, 53, 54, 55, 56)}
    assert pathway_runs(shown, chains) == [[39, 40], [41, 42], [53, 54, 40, 55, 56]]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (["1-8", "5, x"], "'x' is not a number"),
        (["1-50"], "'1-50' is outside 1-45"),
        (["9-5"], "runs backwards"),
        (["7"], "joins fewer than two points"),
    ],
)
def test_a_bad_chain_says_which_item(spec: list[str], message: str) -> None:
    with pytest.raises(PathwayError, match=message):
        parse_chains(spec, 45)


def joined(bundle, meridian: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every pair of points the map draws a line between, on any figure and side."""
    atlas = bundle.atlas
    m = atlas.meridians[meridian]
    pairs: set[tuple[str, str]] = set()
    for view in bundle.specs:
        for side in ("left", "right", "midline"):
            shown = {
                p.number: p.code
                for p in atlas.meridian_points(meridian)
                for pos in bundle.positions_of(p.code, view)
                if pos.side == side
            }
            for run in pathway_runs(shown, parse_chains(m.pathway, m.point_count)):
                pairs |= set(itertools.pairwise(run))
    return pairs


def test_no_line_of_the_real_atlas_joins_points_that_are_not_neighbours(bundle) -> None:  # type: ignore[no-untyped-def]
    for meridian in bundle.atlas.meridians:
        m = bundle.atlas.meridians[meridian]
        allowed = {
            (f"{meridian}{a}", f"{meridian}{b}")
            for chain in parse_chains(m.pathway, m.point_count)
            for a, b in itertools.pairwise(chain)
        }
        assert joined(bundle, meridian) <= allowed, meridian


def test_the_stomach_forehead_branch_never_crosses_the_face_to_the_neck(bundle) -> None:  # type: ignore[no-untyped-def]
    pairs = joined(bundle, "ST")
    assert ("ST8", "ST9") not in pairs
    assert ("ST5", "ST9") in pairs and ("ST7", "ST8") in pairs
