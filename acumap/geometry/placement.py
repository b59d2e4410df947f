"""Turns atlas-style placement specs into x, y on each figure (B-cun measurement).

A point's position is never stored: it follows from landmarks on the figure, the standard
proportional segments (data/segments.toml) and the cun offsets in the point's spec, so the
same data places every point on any figure that keeps the landmark contract.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from acumap.core.model import Placement, Point, Segment
from acumap.geometry.figure import XY, Figure

# One finger-breadth (middle finger) in cun: four fingers together are 3 cun (BCUN.md).
FINGER_BREADTH_CUN = 0.75

SIDES_OF = {"bilateral": ("left", "right"), "midline": ("midline",)}


@dataclass(frozen=True)
class Position:
    code: str
    view: str
    side: str
    x: float
    y: float


@dataclass(frozen=True)
class PlacementProblem:
    """One thing wrong with a point's placement: the point, the field, what is wrong."""

    code: str
    field: str
    message: str
    view: str = ""


class _Fail(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _unit(dx: float, dy: float, field: str) -> XY:
    n = math.hypot(dx, dy)
    if n < 1e-9:
        raise _Fail(field, "the line has no length (both ends are the same place)")
    return dx / n, dy / n


class _Solver:
    """Resolves points lazily and in dependency order, one figure at a time."""

    def __init__(
        self, figure: Figure, points: Mapping[str, Point], segments: Mapping[str, Segment]
    ) -> None:
        self.fig = figure
        self.points = points
        self.segments = segments
        self.done: dict[tuple[str, str], XY] = {}
        self.failed: set[tuple[str, str]] = set()
        self.active: list[tuple[str, str]] = []

    def spec(self, code: str) -> Placement | None:
        for p in self.points[code].place:
            if p.view == self.fig.view:
                return p
        return None

    # -- references -------------------------------------------------------------
    def ref(self, name: str, side: str, field: str) -> XY:
        if name in self.points:
            target = self.points[name]
            tside = side if target.laterality == "bilateral" else "midline"
            if tside == "midline" and target.laterality == "bilateral":
                raise _Fail(field, f"{name} is bilateral; a midline point cannot use it")
            return self.position(name, tside, field)
        lm = self.fig.landmarks
        if name in lm:
            return lm[name]
        if side in ("left", "right") and f"{name}-{side[0]}" in lm:
            return lm[f"{name}-{side[0]}"]
        raise _Fail(field, f"unknown landmark or point '{name}' on the {self.fig.view} figure")

    def segment(self, name: str, side: str, field: str) -> tuple[XY, XY, float]:
        seg = self.segments.get(name)
        if seg is None:
            raise _Fail(field, f"unknown segment '{name}'")
        if self.fig.view not in seg.views:
            raise _Fail(field, f"segment '{name}' is not measured on the {self.fig.view} view")
        a = self.ref(seg.start, side, field)
        b = self.ref(seg.end, side, field)
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        if length < 1e-9:
            raise _Fail(field, f"segment '{name}' has no length on this figure")
        return a, b, length / seg.cun

    # -- one point --------------------------------------------------------------
    def position(self, code: str, side: str, field: str = "at") -> XY:
        key = (code, side)
        if key in self.done:
            return self.done[key]
        if key in self.failed:
            raise _Fail(field, f"{code} could not be placed")
        if key in self.active:
            chain = " -> ".join(c for c, _ in self.active[self.active.index(key) :])
            raise _Fail(field, f"placement cycle: {chain} -> {code}")
        spec = self.spec(code)
        if spec is None:
            raise _Fail(field, f"{code} is not placed on the {self.fig.view} view")
        self.active.append(key)
        try:
            xy = self.compute(self.points[code], spec, side)
        finally:
            self.active.pop()
        self.done[key] = xy
        return xy

    def compute(self, point: Point, s: Placement, side: str) -> XY:
        if (s.at is None) == (s.between is None):
            raise _Fail("place.at", "give exactly one of 'at' or 'between'")
        if s.at is not None:
            if s.fraction is not None:
                raise _Fail("place.fraction", "'fraction' goes with 'between', not with 'at'")
            x, y = self.ref(s.at, side, "place.at")
        else:
            assert s.between is not None
            a = self.ref(s.between[0], side, "place.between")
            b = self.ref(s.between[1], side, "place.between")
            f = 0.5 if s.fraction is None else s.fraction
            x, y = a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        if s.level_with is not None:
            y = self.ref(s.level_with, side, "place.level_with")[1]
        direction: XY | None = None
        if s.along is not None:
            a, b, cun_size = self.segment(s.along, side, "place.along")
            if s.toward is not None:
                t = self.ref(s.toward, side, "place.toward")
                direction = _unit(t[0] - x, t[1] - y, "place.toward")
            else:
                direction = _unit(b[0] - a[0], b[1] - a[1], "place.along")
            x += direction[0] * s.cun * cun_size
            y += direction[1] * s.cun * cun_size
        elif s.cun:
            raise _Fail("place.cun", "'cun' needs 'along' (the segment that gives the cun size)")
        if s.across:
            if side == "midline":
                raise _Fail("place.across", "a midline point cannot be offset sideways")
            scale_name = s.across_scale or s.along
            if scale_name is None:
                raise _Fail("place.across", "'across' needs 'across_scale' or 'along'")
            _, _, across_size = self.segment(scale_name, side, "place.across_scale")
            lat = self.fig.lateral_sign(side)
            if direction is None:
                nx, ny = lat, 0.0
            else:
                nx, ny = -direction[1], direction[0]
                if abs(nx) < 1e-6:
                    raise _Fail("place.across", "'across' is ambiguous on a horizontal line")
                if nx * lat < 0:
                    nx, ny = -nx, -ny
            amount = s.across * (FINGER_BREADTH_CUN if s.across_unit == "finger" else 1.0)
            x += nx * amount * across_size
            y += ny * amount * across_size
        return x, y


def place_on_figure(
    figure: Figure, points: Mapping[str, Point], segments: Mapping[str, Segment]
) -> tuple[list[Position], list[PlacementProblem]]:
    """Place every point that has a spec for this figure's view, on each of its sides."""
    solver = _Solver(figure, points, segments)
    out: list[Position] = []
    problems: list[PlacementProblem] = []
    for code, point in points.items():
        if solver.spec(code) is None:
            continue
        for side in SIDES_OF[point.laterality]:
            try:
                x, y = solver.position(code, side)
            except _Fail as fail:
                solver.failed.add((code, side))
                problems.append(PlacementProblem(code, fail.field, str(fail), figure.view))
                break
            if not figure.contains((x, y)):
                problems.append(
                    PlacementProblem(
                        code,
                        "place",
                        f"lands outside the {figure.view} silhouette at ({x:.1f}, {y:.1f})",
                        figure.view,
                    )
                )
                break
            out.append(Position(code, figure.view, side, round(x, 2), round(y, 2)))
    return out, problems
