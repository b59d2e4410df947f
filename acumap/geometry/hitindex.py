"""Nearest-point hit-testing with shapely's STRtree, so a click finds a small dot quickly."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from shapely import STRtree, points

from acumap.geometry.placement import Position


class HitIndex:
    """All positions on one view; queries ignore positions whose code is not visible."""

    def __init__(self, positions: Sequence[Position]) -> None:
        self.positions = list(positions)
        coords = np.array([(p.x, p.y) for p in self.positions], dtype=float).reshape(-1, 2)
        self._geoms = points(coords)
        self._tree = STRtree(self._geoms)

    def hit(
        self, x: float, y: float, tolerance: float, visible: Iterable[str] | None = None
    ) -> Position | None:
        """The nearest visible position within `tolerance` (figure units), if any."""
        if not self.positions:
            return None
        probe = points([x, y])
        idx = self._tree.query(probe, predicate="dwithin", distance=tolerance)
        if len(idx) == 0:
            return None
        allowed = None if visible is None else set(visible)
        best: Position | None = None
        best_d = float("inf")
        for i in idx:
            p = self.positions[int(i)]
            if allowed is not None and p.code not in allowed:
                continue
            d = (p.x - x) ** 2 + (p.y - y) ** 2
            if d < best_d:
                best, best_d = p, d
        return best


def typical_spacing(positions: Sequence[Position]) -> float:
    """The usual gap between neighbouring dots on a figure, in figure units: the median
    distance from each dot to its nearest other dot (how small dots must be at a zoom)."""
    if len(positions) < 2:
        return float("inf")
    geoms = points(np.array([(p.x, p.y) for p in positions], dtype=float))
    _, dist = STRtree(geoms).query_nearest(geoms, exclusive=True, return_distance=True)
    return float(np.median(dist)) if len(dist) else float("inf")
