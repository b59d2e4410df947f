"""A channel's drawn pathway: its points joined in order, broken wherever it leaves the figure.

Joining every shown point of a channel in order draws straight lines across the face or the
trunk between points that are not neighbours (the channel runs on another figure, or points
between them are not in the atlas yet). A line joins two points only when they follow each
other on one of the channel's chains and both are shown on this figure and side.

Most channels are one chain, 1 to N. A few branch, and their numbers do not follow the line:
the Stomach channel climbs from ST5 to ST8 at the forehead corner while its main line runs
from ST5 down to ST9; the Bladder's outer back line (BL41-BL54) rejoins the inner one at BL40
before the calf (BL55). `meridians.toml` writes those as chains: `pathway = ["1-8",
"5, 9-45"]`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

P = TypeVar("P")
Chain = list[int]


class PathwayError(ValueError):
    """A pathway chain that cannot be read (says which item and why)."""


def parse_chains(spec: Sequence[str], count: int) -> list[Chain]:
    """`["1-40", "41-54, 40, 55-67"]` -> the chains of point numbers; none given: 1..count."""
    if not spec:
        return [list(range(1, count + 1))] if count else []
    chains: list[Chain] = []
    for text in spec:
        chain: Chain = []
        for item in text.split(","):
            first, _, last = item.strip().partition("-")
            try:
                a, b = int(first), int(last or first)
            except ValueError:
                word = item.strip()[:20]
                raise PathwayError(f"'{word}' is not a number or a range like 1-8") from None
            if not (1 <= a <= count and 1 <= b <= count) or b < a:
                raise PathwayError(f"'{item.strip()[:20]}' is outside 1-{count} or runs backwards")
            chain.extend(range(a, b + 1))
        if len(chain) < 2:
            raise PathwayError(f"'{text[:20]}' joins fewer than two points")
        chains.append(chain)
    return chains


def pathway_runs(shown: Mapping[int, P], chains: Iterable[Chain]) -> list[list[P]]:
    """The lines to draw: along each chain, runs of points shown here, each 2+ long."""
    runs: list[list[P]] = []
    for chain in chains:
        run: list[P] = []
        for number in chain:
            if number in shown:
                run.append(shown[number])
                continue
            if len(run) >= 2:
                runs.append(run)
            run = []
        if len(run) >= 2:
            runs.append(run)
    return runs


def is_channel(meridian: str, channels: Sequence[str] = ("EX",)) -> bool:
    """Extra points share a code prefix, not a channel: they have no pathway."""
    return meridian not in channels
