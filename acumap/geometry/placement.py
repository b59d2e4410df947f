"""Turns atlas-style placement specs into x, y on each figure (B-cun measurement).

A point's position is never stored: it follows from landmarks on the figure, the standard
proportional segments (data/segments.toml) and the cun offsets in the point's spec, so the
same data places every point on any figure that keeps the landmark contract.
"""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from itertools import pairwise

from acumap.core.model import Placement, Point, Segment
from acumap.geometry import curves
from acumap.geometry.directions import DirectionError, frame_direction
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
    site: str = ""  # which site, for a point with several (Baxie "index-middle")


@dataclass(frozen=True)
class PlacementProblem:
    """One thing wrong with a point's placement: the point, the field, what is wrong."""

    code: str
    field: str
    message: str
    view: str = ""


Key = tuple[str, str]  # (point code, side)
Need = tuple[str, str, str]  # a point a placement needs: (code, side, the field that needs it)
Steps = Generator[Need, XY, XY]  # a placement under way: yields what it needs, returns x, y


class _Fail(Exception):
    def __init__(self, field: str, message: str, cycle: frozenset[Key] = frozenset()) -> None:
        super().__init__(message)
        self.field = field
        self.cycle = cycle  # the points of the placement cycle this failure reports, if any


def _unit(dx: float, dy: float, field: str) -> XY:
    n = math.hypot(dx, dy)
    if n < 1e-9:
        raise _Fail(field, "the line has no length (both ends are the same place)")
    return dx / n, dy / n


def _arc_length(pts: tuple[XY, ...]) -> float:
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(pts))


# The spinous processes top to bottom: "t3.inferior" is the depression below T3's process (the
# level of its inferior border), midway to T4; "c2.superior" the one above C2's, midway to C1.
SPINE = (
    *(f"c{i}" for i in range(1, 8)), *(f"t{i}" for i in range(1, 13)),
    *(f"l{i}" for i in range(1, 6)), *(f"s{i}" for i in range(1, 5)),
)  # fmt: skip


def spine_pair(name: str) -> tuple[str, str] | None:
    """The two spinous processes `t3.inferior` lies between (t3, t4), else None."""
    vertebra, dot, border = name.partition(".")
    if not dot or vertebra not in SPINE or border not in ("inferior", "superior"):
        return None
    i = SPINE.index(vertebra) + (1 if border == "inferior" else -1)
    return (vertebra, SPINE[i]) if 0 <= i < len(SPINE) else None


def spine_border(name: str, landmarks: Mapping[str, XY]) -> XY | None:
    pair = spine_pair(name)
    if pair is None or pair[0] not in landmarks or pair[1] not in landmarks:
        return None
    a, b = landmarks[pair[0]], landmarks[pair[1]]
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def _chain(codes: list[str]) -> str:
    """A cycle as `A -> B -> A`, cut in the middle when long (one line per problem)."""
    if len(codes) > 12:
        codes = [*codes[:5], f"… {len(codes) - 10} more …", *codes[-5:]]
    return " -> ".join(codes)


class _Solver:
    """Resolves points lazily and in dependency order, one figure at a time.

    A placement is a generator that yields each point it needs and is sent back its x, y;
    `_solve` drives them with an explicit stack, so a chain of thousands of points (each `at`
    the one before) costs memory, not Python recursion.
    """

    def __init__(
        self, figure: Figure, points: Mapping[str, Point], segments: Mapping[str, Segment]
    ) -> None:
        self.fig = figure
        self.points = points
        self.segments = segments
        self.done: dict[Key, XY] = {}
        self.failed: dict[Key, tuple[str, str]] = {}  # point -> (field, message), reported once

    def spec(self, code: str) -> Placement | None:
        """The placement other points measure from: the first (site) on this figure."""
        for p in self.points[code].place:
            if self.fig.view in p.on_figures():
                return p
        return None

    def specs(self, code: str) -> list[Placement]:
        return [p for p in self.points[code].place if self.fig.view in p.on_figures()]

    # -- references -------------------------------------------------------------
    def ref(self, name: str, side: str, field: str) -> Steps:
        if name in self.points:
            target = self.points[name]
            tside = side if target.laterality == "bilateral" else "midline"
            if tside == "midline" and target.laterality == "bilateral":
                raise _Fail(field, f"{name} is bilateral; a midline point cannot use it")
            return (yield (name, tside, field))
        lm = self.fig.landmarks
        if name in lm:
            return lm[name]
        if side in ("left", "right") and f"{name}-{side[0]}" in lm:
            return lm[f"{name}-{side[0]}"]
        border = spine_border(name, lm)
        if border is not None:
            return border
        if self.curve_name(name, side) is not None:
            raise _Fail(field, f"'{name}' is a curve: place on it with on = '{name}'")
        raise _Fail(field, f"unknown landmark or point '{name}' on the {self.fig.view} figure")

    def curve_name(self, name: str, side: str) -> str | None:
        curves = self.fig.curves
        if name in curves:
            return name
        if side in ("left", "right") and f"{name}-{side[0]}" in curves:
            return f"{name}-{side[0]}"
        return None

    def curve(self, name: str, side: str, field: str) -> tuple[XY, ...]:
        found = self.curve_name(name, side)
        if found is None:
            raise _Fail(field, f"unknown landmark or point '{name}' on the {self.fig.view} figure")
        return self.fig.curves[found]

    def segment(
        self, name: str, side: str, field: str
    ) -> Generator[Need, XY, tuple[XY, XY, float]]:
        seg = self.segments.get(name)
        if seg is None:
            raise _Fail(field, f"unknown segment '{name}'")
        if self.fig.view not in seg.views:
            raise _Fail(field, f"segment '{name}' is not measured on the {self.fig.view} view")
        if seg.curve:
            pts = self.curve(seg.curve, side, field)
            return pts[0], pts[-1], _arc_length(pts) / seg.cun
        a = yield from self.ref(seg.start, side, field)
        b = yield from self.ref(seg.end, side, field)
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        if length < 1e-9:
            raise _Fail(field, f"segment '{name}' has no length on this figure")
        return a, b, length / seg.cun

    # -- one point --------------------------------------------------------------
    def position(self, code: str, side: str) -> XY:
        key = (code, side)
        if key not in self.done and key not in self.failed:
            self._solve(key)
        if key in self.failed:
            raise _Fail(*self.failed[key])
        return self.done[key]

    def site_position(self, code: str, spec: Placement, side: str) -> XY:
        """One site of a point. The first site is the point itself for the points that
        measure from it; the others are placed from it and nothing measures from them, so
        they are driven here, each reference solved (and cached) through `position`."""
        if spec is self.spec(code) and not spec.midline:
            return self.position(code, side)
        steps = self.compute(self.points[code], spec, side)
        reply: XY | None = None
        while True:
            try:
                name, nside, field = next(steps) if reply is None else steps.send(reply)
            except StopIteration as placed:
                return placed.value
            try:
                reply = self.position(name, nside)
            except _Fail:
                raise _Fail(field, f"{name} could not be placed") from None

    def steps(self, code: str, side: str) -> Steps:
        spec = self.spec(code)
        if spec is None:
            raise _Fail("place", f"{code} is not placed on the {self.fig.view} view")
        return (yield from self.compute(self.points[code], spec, side))

    def _solve(self, key: Key) -> None:
        """Place `key` and, first, each point it needs; every point ends in done or failed."""
        stack: list[tuple[Key, Steps, str]] = []  # (point, its placement, field that asked)
        depth: dict[Key, int] = {}  # points on the stack: needing one of them is a cycle

        def push(k: Key, asked: str) -> None:
            depth[k] = len(stack)
            stack.append((k, self.steps(*k), asked))

        push(key, "place")
        reply: XY | None = None
        error: _Fail | None = None
        while stack:
            here, steps, asked = stack[-1]
            try:
                if error is not None:
                    need = steps.throw(error)
                else:
                    need = next(steps) if reply is None else steps.send(reply)
            except StopIteration as placed:
                stack.pop()
                del depth[here]
                self.done[here] = reply = placed.value
                error = None
                continue
            except _Fail as fail:
                stack.pop()
                del depth[here]
                self.failed[here] = (fail.field, str(fail))
                reply = None
                # the point that asked fails on its own field: with the same words if it is
                # part of the cycle too, else saying which point it could not use
                if fail.cycle and stack and stack[-1][0] in fail.cycle:
                    error = _Fail(asked, str(fail), fail.cycle)
                else:
                    error = _Fail(asked, f"{here[0]} could not be placed")
                continue
            reply, error = None, None
            name, side, field = need
            k = (name, side)
            if k in self.done:
                reply = self.done[k]
            elif k in self.failed:
                error = _Fail(field, f"{name} could not be placed")
            elif k in depth:
                members = [m for m, _, _ in stack[depth[k] :]]
                chain = _chain([c for c, _ in members] + [name])
                error = _Fail(field, f"placement cycle: {chain}", frozenset(members))
            elif self.spec(name) is None:
                error = _Fail(field, f"{name} is not placed on the {self.fig.view} view")
            else:
                push(k, field)

    def cun_size(self, name: str | None, side: str, field: str) -> Generator[Need, XY, float]:
        if name is None:
            raise _Fail(field, "say which segment gives the cun size ('scale')")
        _, _, size = yield from self.segment(name, side, field)
        return size

    def direction(self, word: str, side: str, field: str) -> XY:
        if self.fig.frame is None:
            raise _Fail(field, f"the {self.fig.view} figure has no frame in the manifest")
        try:
            return frame_direction(self.fig.frame, word, side, self.fig.view)  # type: ignore[arg-type]
        except DirectionError as exc:
            raise _Fail(field, str(exc)) from None

    def level_direction(self, s: Placement, side: str) -> Generator[Need, XY, XY]:
        """The axis along which "level with" is measured: the segment `level_across` (a
        tilted limb), else the figure's up."""
        if s.level_across is not None:
            a, b, _ = yield from self.segment(s.level_across, side, "place.level_across")
            return _unit(b[0] - a[0], b[1] - a[1], "place.level_across")
        if self.fig.frame is None:
            return (0.0, -1.0)
        return self.direction("superior", side, "place.level_with")

    def base(self, s: Placement, side: str) -> Steps:
        given = [s.at is not None, s.between is not None, s.on is not None]
        if sum(given) != 1:
            raise _Fail("place.at", "give exactly one of 'at', 'between' or 'on'")
        if s.fraction is not None and s.between is None:
            raise _Fail("place.fraction", "'fraction' goes with 'between', not with 'at'")
        if s.at is not None:
            return (yield from self.ref(s.at, side, "place.at"))
        if s.between is not None:
            a = yield from self.ref(s.between[0], side, "place.between")
            b = yield from self.ref(s.between[1], side, "place.between")
            f = 0.5 if s.fraction is None else s.fraction
            return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        assert s.on is not None
        pts = self.curve(s.on, side, "place.on")
        try:
            if s.meet is not None:
                return curves.meet(pts, self.curve(s.meet, side, "place.meet"))
            if s.arc_fraction is not None:  # WHO: "divide the curve into quarters"
                return curves.at_arc(pts, s.arc_fraction * curves.line(pts).length)
            if s.arc is not None:
                size = yield from self.cun_size(s.arc_scale or s.scale, side, "place.arc_scale")
                start = 0.0
                if s.arc_from is not None:
                    ref = yield from self.ref(s.arc_from, side, "place.arc_from")
                    start = curves.arc_of(pts, ref)
                return curves.at_arc(pts, start + s.arc * size)
            if s.level_with is not None:
                ref = yield from self.ref(s.level_with, side, "place.level_with")
                up = yield from self.level_direction(s, side)
                return curves.level_on(pts, ref, up)
        except curves.CurveError as exc:
            raise _Fail("place.on", f"on '{s.on}': {exc}") from None
        raise _Fail("place.on", "'on' needs 'arc', 'arc_fraction', 'meet' or 'level_with'")

    def compute(self, point: Point, s: Placement, side: str) -> Steps:
        x, y = yield from self.base(s, side)
        if s.level_with is not None and s.on is None:
            ref = yield from self.ref(s.level_with, side, "place.level_with")
            d = yield from self.level_direction(s, side)
            t = (ref[0] - x) * d[0] + (ref[1] - y) * d[1]
            x, y = x + d[0] * t, y + d[1] * t
        direction: XY | None = None
        if s.along is not None:
            a, b, cun_size = yield from self.segment(s.along, side, "place.along")
            seg = self.segments[s.along]
            if seg.curve:  # along a curve: the move follows its arc
                pts = self.curve(seg.curve, side, "place.along")
                try:
                    at = curves.arc_of(pts, (x, y)) + s.cun * cun_size
                    x, y = curves.at_arc(pts, at)
                    ahead = curves.at_arc(pts, min(at + 1.0, curves.line(pts).length))
                    behind = curves.at_arc(pts, max(at - 1.0, 0.0))
                except curves.CurveError as exc:
                    raise _Fail("place.cun", f"along '{s.along}': {exc}") from None
                direction = _unit(ahead[0] - behind[0], ahead[1] - behind[1], "place.along")
            else:
                if s.toward is not None:
                    aim = yield from self.ref(s.toward, side, "place.toward")
                    direction = _unit(aim[0] - x, aim[1] - y, "place.toward")
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
            _, _, across_size = yield from self.segment(scale_name, side, "place.across_scale")
            lateral = self.direction("lateral", side, "place.across") if self.fig.frame else None
            lat = self.fig.lateral_sign(side) if lateral is None else lateral[0]
            if direction is None:
                nx, ny = (lat, 0.0) if lateral is None else lateral
            else:
                nx, ny = -direction[1], direction[0]
                if abs(nx) < 1e-6:
                    raise _Fail("place.across", "'across' is ambiguous on a horizontal line")
                if nx * lat < 0:
                    nx, ny = -nx, -ny
            amount = s.across * (FINGER_BREADTH_CUN if s.across_unit == "finger" else 1.0)
            x += nx * amount * across_size
            y += ny * amount * across_size
        if s.move:
            scale = s.scale or s.across_scale or s.along
            size = yield from self.cun_size(scale, side, "place.scale")
            for word, amount in s.move.items():
                dx, dy = self.direction(word, side, f"place.move.{word}")
                x, y = x + dx * amount * size, y + dy * amount * size
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
        for spec in solver.specs(code):
            sides = ("midline",) if spec.midline else SIDES_OF[point.laterality]
            for side in sides:
                if side not in figure.sides:  # a right profile shows no left-side point
                    continue
                try:
                    x, y = solver.site_position(code, spec, side)
                except _Fail as fail:
                    problems.append(PlacementProblem(code, fail.field, str(fail), figure.view))
                    break
                if not figure.contains((x, y)):
                    where = f" (site {spec.site})" if spec.site else ""
                    problems.append(
                        PlacementProblem(
                            code,
                            "place",
                            f"lands outside the {figure.view} silhouette{where} at "
                            f"({x:.1f}, {y:.1f})",
                            figure.view,
                        )
                    )
                    break
                out.append(Position(code, figure.view, side, round(x, 2), round(y, 2), spec.site))
    return out, problems
