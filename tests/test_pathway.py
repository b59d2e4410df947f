"""The drawn pathway joins neighbours only: never a line across the body between strangers."""

from __future__ import annotations

from acumap.core.pathway import is_channel, pathway_runs
from acumap.loaders.bundle import load_bundle


def test_neighbours_join_and_gaps_break_the_line() -> None:
    pts = [(1, "a"), (2, "b"), (3, "c"), (7, "g"), (8, "h"), (12, "l")]
    assert pathway_runs(pts) == [["a", "b", "c"], ["g", "h"]]  # 12 alone: no line
    assert pathway_runs([]) == []
    assert not is_channel("EX") and is_channel("GB")


def test_no_run_of_the_real_atlas_skips_a_point_of_its_channel() -> None:
    bundle = load_bundle()
    atlas = bundle.atlas
    for meridian in atlas.meridians:
        chain = atlas.meridian_points(meridian)
        for view in bundle.specs:
            for side in ("left", "right", "midline"):
                shown = [
                    (p.number, p.code)
                    for p in chain
                    for pos in bundle.positions_of(p.code, view)
                    if pos.side == side
                ]
                for run in pathway_runs(shown):
                    numbers = [atlas.points[c].number for c in run]
                    assert numbers == list(range(numbers[0], numbers[0] + len(run))), run
