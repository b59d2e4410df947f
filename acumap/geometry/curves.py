"""Curve landmarks (an intercostal space, a hairline, the scalp's midline arc) as shapely lines.

Atlases measure along the body's surface: "4 cun lateral to the midline in the 4th intercostal
space", "1.5 cun within the anterior hairline" over the curve of the scalp. A curve landmark is
an ordered polyline; distances along it are arc lengths (shapely's interpolate/project), and
"level with" or "where two lines meet" are intersections.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # shapely is imported where it is used: a cached start needs none of it
    from shapely import LineString
    from shapely.geometry.base import BaseGeometry

XY = tuple[float, float]
REACH = 1e5  # far enough to cross any figure: a "line" is a long segment


class CurveError(ValueError):
    """A curve question without one clear answer (no crossing, a degenerate curve …)."""


def line(points: Sequence[XY]) -> LineString:
    from shapely import LineString

    if len(points) < 2:
        raise CurveError("a curve needs at least two points")
    geom = LineString(points)
    if geom.length <= 0:
        raise CurveError("the curve has no length")
    return geom


def at_arc(points: Sequence[XY], distance: float, from_end: bool = False) -> XY:
    """The point `distance` units along the curve from its start (or its end)."""
    geom = line(points)
    if not 0 <= distance <= geom.length + 1e-9:
        raise CurveError(f"{distance:.1f} units along a curve only {geom.length:.1f} units long")
    p = geom.interpolate(geom.length - distance if from_end else distance)
    return (p.x, p.y)


def arc_of(points: Sequence[XY], xy: XY) -> float:
    """How far along the curve (from its start) the point nearest `xy` lies."""
    from shapely import Point

    return float(line(points).project(Point(xy)))


def _single_point(geom: BaseGeometry, near: XY, what: str) -> XY:
    from shapely import Point

    if geom.is_empty:
        raise CurveError(f"{what}: the lines do not cross")
    pts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Point"]
    if not pts:  # overlapping lines: take the nearest point of the overlap
        p = geom.interpolate(geom.project(Point(near)))
        return (p.x, p.y)
    best = min(pts, key=lambda p: math.hypot(p.x - near[0], p.y - near[1]))
    return (best.x, best.y)


def meet(a: Sequence[XY], b: Sequence[XY]) -> XY:
    """Where two curves cross (the crossing nearest the start of the first)."""
    return _single_point(line(a).intersection(line(b)), a[0], "where the curves meet")


def level_on(points: Sequence[XY], through: XY, direction: XY) -> XY:
    """Where the curve crosses the line through `through` perpendicular to `direction`:
    the point of the curve "level with" a reference, measured across a limb or the trunk."""
    from shapely import LineString

    nx, ny = -direction[1], direction[0]
    cross = LineString(
        [
            (through[0] - nx * REACH, through[1] - ny * REACH),
            (through[0] + nx * REACH, through[1] + ny * REACH),
        ]
    )
    return _single_point(line(points).intersection(cross), through, "level with")
