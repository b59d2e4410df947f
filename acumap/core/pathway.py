"""A channel's drawn pathway: its points joined in order, broken wherever it leaves the figure.

Joining every shown point of a channel in order draws straight lines across the face or the
trunk between points that are not neighbours (the channel runs on another figure, or points
between them are not in the atlas yet). A line joins two points only when they are
neighbours on the channel (numbers n and n+1) and both are shown on this figure and side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

P = TypeVar("P")


def pathway_runs(points: Iterable[tuple[int, P]]) -> list[list[P]]:
    """(channel number, position) in channel order -> runs of neighbours, each 2+ long."""
    runs: list[list[P]] = []
    last: int | None = None
    for number, pos in points:
        if last is not None and number == last + 1 and runs:
            runs[-1].append(pos)
        else:
            runs.append([pos])
        last = number
    return [r for r in runs if len(r) >= 2]


def is_channel(meridian: str, channels: Sequence[str] = ("EX",)) -> bool:
    """Extra points share a code prefix, not a channel: they have no pathway."""
    return meridian not in channels
