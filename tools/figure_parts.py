"""Shapes, curves and SVG output for tools/make_figures.py (stdlib + shapely only).

Everything here works in *half coordinates* (u, y): u is the distance from the body's
midline towards the side being drawn (the patient's left on the front view), y is the SVG
y. The figures are mirror-symmetric, so each part is built once and mirrored.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

MID = 450.0  # x of the body's midline
QS = 24  # quarter-circle segments of every round shape: smooth at any zoom

UV = tuple[float, float]
Node = tuple[float, float, float]  # u, y, radius


# -- shapes ---------------------------------------------------------------------------------
def circle(u: float, y: float, r: float) -> Polygon:
    return Point(u, y).buffer(r, quad_segs=QS)


def hull(nodes: Sequence[Node]) -> Polygon:
    """Convex hull of circles: a tapered capsule for two nodes, a rounded blob for more."""
    return unary_union([circle(*n) for n in nodes]).convex_hull


def chain(nodes: Sequence[Node]) -> BaseGeometry:
    """A limb: tapered capsules joining consecutive nodes."""
    return unary_union([hull([a, b]) for a, b in pairwise(nodes)])


def ellipse(u: float, y: float, ru: float, ry: float, angle: float = 0.0) -> Polygon:
    e = affinity.scale(circle(0, 0, 1), ru, ry, origin=(0, 0))
    e = affinity.rotate(e, angle, origin=(0, 0))
    return affinity.translate(e, u, y)


def closing(g: BaseGeometry, r: float) -> BaseGeometry:
    """Fill notches narrower than 2r and round concave corners (armpit, crotch, webs)."""
    return g.buffer(r, quad_segs=QS).buffer(-r, quad_segs=QS)


def outline(points: Sequence[UV], per: int = 10) -> Polygon:
    """A closed smooth outline through the given points (Catmull-Rom)."""
    return Polygon(spline(points, closed=True, per=per)).buffer(0)


def both_sides(g: BaseGeometry) -> BaseGeometry:
    """A half-coordinate shape and its mirror image."""
    return unary_union([g, affinity.scale(g, xfact=-1, yfact=1, origin=(0, 0))])


def to_world(g: BaseGeometry, sign: float = 1.0) -> BaseGeometry:
    """Half coordinates to SVG coordinates: x = MID + sign * u."""
    return affinity.translate(affinity.scale(g, xfact=sign, yfact=1, origin=(0, 0)), MID, 0)


def edge_u(g: BaseGeometry, y: float, outer: bool = True) -> float:
    """Largest (outer) or smallest u of the shape on the horizontal line at y, u >= 0."""
    cut = g.intersection(LineString([(0, y), (2000, y)]))
    us = [c[0] for c in _coords(cut)]
    return max(us) if outer else min(us)


def _coords(g: BaseGeometry) -> list[tuple[float, float]]:
    if hasattr(g, "geoms"):
        return [c for part in g.geoms for c in _coords(part)]
    return list(g.coords)


# -- local frames (limbs) -------------------------------------------------------------------
class Frame:
    """A frame on a limb: v runs down the limb from `origin`, w runs laterally (away from
    the body, towards the thumb / little toe)."""

    def __init__(self, origin: UV, angle_deg: float) -> None:
        a = math.radians(angle_deg)
        self.o = origin
        self.d = (math.sin(a), math.cos(a))  # down the limb, leaning outwards
        self.n = (math.cos(a), -math.sin(a))  # lateral

    def at(self, w: float, v: float) -> UV:
        return (
            self.o[0] + v * self.d[0] + w * self.n[0],
            self.o[1] + v * self.d[1] + w * self.n[1],
        )

    def node(self, w: float, v: float, r: float) -> Node:
        return (*self.at(w, v), r)

    def rotated(self, origin: UV, extra_deg: float) -> Frame:
        """A frame at `origin` turned by extra_deg towards lateral (for spread fingers)."""
        return Frame(origin, math.degrees(math.atan2(self.d[0], self.d[1])) + extra_deg)


# -- curves ---------------------------------------------------------------------------------
def spline(points: Sequence[UV], closed: bool = False, per: int = 8) -> list[UV]:
    """Points along the smooth curve through `points`, `per` samples per span."""
    out: list[UV] = []
    for a, c1, c2, b in curve_spans(points, closed):
        for k in range(per):
            t = k / per
            s = 1 - t
            out.append((
                s**3 * a[0] + 3 * s * s * t * c1[0] + 3 * s * t * t * c2[0] + t**3 * b[0],
                s**3 * a[1] + 3 * s * s * t * c1[1] + 3 * s * t * t * c2[1] + t**3 * b[1],
            ))
    if not closed:
        out.append(tuple(points[-1]))  # type: ignore[arg-type]
    return out


def num(v: float) -> str:
    """Fixed formatting: identical bytes on every run and platform."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def pt(p: UV) -> str:
    return f"{num(p[0])},{num(p[1])}"


def _controls(p0: UV, p1: UV, p2: UV, p3: UV) -> tuple[UV, UV]:
    """Bezier control points of the centripetal Catmull-Rom span p1 -> p2 (no cusps or loops
    where neighbouring points are unevenly spaced)."""

    def gap(a: UV, b: UV) -> float:
        return max(math.hypot(b[0] - a[0], b[1] - a[1]) ** 0.5, 1e-6)

    t01, t12, t23 = gap(p0, p1), gap(p1, p2), gap(p2, p3)
    m1 = [
        p2[j] - p1[j] + t12 * ((p1[j] - p0[j]) / t01 - (p2[j] - p0[j]) / (t01 + t12))
        for j in range(2)
    ]
    m2 = [
        p2[j] - p1[j] + t12 * ((p3[j] - p2[j]) / t23 - (p3[j] - p1[j]) / (t12 + t23))
        for j in range(2)
    ]
    return (p1[0] + m1[0] / 3, p1[1] + m1[1] / 3), (p2[0] - m2[0] / 3, p2[1] - m2[1] / 3)


def curve_spans(points: Sequence[UV], closed: bool) -> list[tuple[UV, UV, UV, UV]]:
    """The cubic Bezier spans (start, control, control, end) of a smooth curve through the
    points."""
    pts = list(points)
    n = len(pts)
    spans = []
    for i in range(n if closed else n - 1):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        if not closed and i == 0:  # open ends: mirror the neighbour for a natural tangent
            p0 = (2 * p1[0] - p2[0], 2 * p1[1] - p2[1])
        if not closed and i == n - 2:
            p3 = (2 * p2[0] - p1[0], 2 * p2[1] - p1[1])
        c1, c2 = _controls(p0, p1, p2, p3)
        spans.append((p1, c1, c2, p2))
    return spans


def curve_d(points: Sequence[UV], closed: bool = False) -> str:
    """SVG path data: a smooth cubic Bezier through the points."""
    pts = list(points)
    if len(pts) < 3:
        return "M" + " L".join(pt(p) for p in pts)
    spans = curve_spans(pts, closed)
    body = " ".join(f"C{pt(c1)} {pt(c2)} {pt(b)}" for _, c1, c2, b in spans)
    return f"M{pt(pts[0])} {body}" + ("Z" if closed else "")


def sampled(points: Sequence[UV], per: int = 8) -> Polygon:
    """The closed curve curve_d draws, as a polygon (to check it before writing it)."""
    return Polygon(spline(points, closed=True, per=per))


def ring_points(ring: Sequence[tuple[float, float]], tolerance: float, step: float) -> list[UV]:
    """A polygon ring thinned to `tolerance` and split so no span is longer than `step`."""
    line = LineString(ring).simplify(tolerance).segmentize(step)
    coords = [(float(x), float(y)) for x, y in line.coords]
    if coords[0] == coords[-1]:
        coords.pop()
    # start every ring at its topmost-then-leftmost point so the output does not depend on
    # where shapely happened to begin the ring
    k = min(range(len(coords)), key=lambda i: (round(coords[i][1], 6), round(coords[i][0], 6)))
    return coords[k:] + coords[:k]


def shape_d(g: BaseGeometry, tolerance: float = 0.12, step: float = 4.0) -> str:
    """Path data of every exterior ring of a (Multi)Polygon, each as a closed smooth curve."""
    polys = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
    polys.sort(key=lambda p: (round(p.bounds[0], 3), round(p.bounds[1], 3)))
    out = []
    for poly in polys:
        ring = ring_points(poly.exterior.coords, tolerance, step)
        drawn = sampled(ring)
        slack = max(0.002 * poly.area, 0.05 * poly.exterior.length)
        if not drawn.is_valid or drawn.symmetric_difference(poly).area > slack:
            raise ValueError(f"the smoothed outline near {ring[0]} does not follow the shape")
        out.append(curve_d(ring, True))
    return " ".join(out)


# -- output ----------------------------------------------------------------------------------
def sync_outputs(outputs: dict[Path, str], check: bool, script: str) -> int:
    """Write every generated file, or with `check` say which committed ones differ (exit 1).

    One loop for every figure generator, so `--check` means the same thing everywhere.
    """
    root = Path(__file__).resolve().parents[1]
    stale = []
    for path, text in outputs.items():
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(shown)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {shown}")
    if stale:
        print(f"out of date (run python tools/{script}): " + ", ".join(stale))
        return 1
    return 0
