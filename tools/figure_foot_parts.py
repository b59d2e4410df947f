"""Shared drawing pieces of the foot figures (tools/figure_foot_views.py): toes as projected
chains of spheres, their nails, the lines between them, smoothing of outlines."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

import figure_foot_model as m
from figure_parts import hull, outline
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points, unary_union

UV = tuple[float, float]
Proj = Callable[[m.P3], UV]


def toe_shapes(proj: Proj) -> list[BaseGeometry]:
    """Each toe as capsules between its projected spheres (big toe first)."""
    out = []
    for t in m.TOES:
        spheres = [(*proj(n[:3]), n[3]) for n in t.nodes]
        out.append(unary_union([hull([a, b]) for a, b in pairwise(spheres)]))
    return out


def profile_x(z: float, front: bool) -> float:
    """X of the front or back of the side profile at height z."""
    z = min(z, 10.5)  # above the profile the leg goes on straight (the dorsum view needs it)
    cut = Polygon(m.PROFILE).intersection(LineString([(-5, z), (20, z)]))
    xs = [c[0] for c in cut.coords] if hasattr(cut, "coords") else [0.0]
    return max(xs) if front else min(xs)


def inner_lines(sil: BaseGeometry, shapes: Sequence[BaseGeometry], hide: Sequence[bool],
                start_x: Sequence[float],
                cut_axis: int = 0) -> list[tuple[int, list[UV]]]:  # fmt: skip
    """The visible contours of overlapping toes inside the silhouette: each toe's outline
    beyond its web (coordinate `cut_axis` past start_x), minus nearer toes (those listed
    before it with hide=True) and minus the silhouette's own edge."""
    edge = sil.boundary.buffer(0.035)
    out: list[tuple[int, list[UV]]] = []
    for k, g in enumerate(shapes):
        lo = [-20.0, -20.0]
        lo[cut_axis] = start_x[k]
        region = box(lo[0], lo[1], 20, 20) if cut_axis == 0 else box(-20, lo[1], 20, 20)
        line = g.boundary.intersection(region)
        for j in range(k):
            if hide[j]:  # a nearer toe hides this one; where they touch one line is enough
                line = line.difference(shapes[j].buffer(0.09))
        line = line.difference(edge)
        for part in getattr(line, "geoms", [line]):
            if part.length > 0.08:
                out.append((k, [(float(a), float(b)) for a, b in part.simplify(0.004).coords]))
    return out


def _edge_u(g: BaseGeometry, v: float, high: bool) -> float | None:
    cut = g.intersection(LineString([(-20, v), (20, v)]))
    us = [c[0] for part in getattr(cut, "geoms", [cut]) for c in part.coords]
    return (max(us) if high else min(us)) if us else None


def clefts(sil: BaseGeometry, shapes: Sequence[BaseGeometry],
           webs: Sequence[float]) -> list[list[UV]]:  # fmt: skip
    """One line between each pair of neighbouring toes (dorsum and sole views, toes towards
    +v): midway between their facing edges, from the web to the notch between the tips."""
    out = []
    inside = sil.buffer(-0.03)
    for k in range(4):
        line: list[UV] = []
        v = webs[k]
        while v < 12:
            ua, ub = _edge_u(shapes[k], v, True), _edge_u(shapes[k + 1], v, False)
            if ua is None or ub is None or not inside.contains(Point((ua + ub) / 2, v)):
                break
            line.append(((ua + ub) / 2, v))
            v += 0.04
        if len(line) > 2:  # run on into the notch between the tips
            end = nearest_points(sil.boundary, Point(line[-1]))[0]
            out.append([*line, (end.x, end.y)])
    return out


def toe_gaps(sil: BaseGeometry, shapes: Sequence[BaseGeometry], web_v: float) -> BaseGeometry:
    """The skin between the toes beyond the webs (v > web_v): shaded as the clefts."""
    beyond = sil.intersection(box(-20, web_v, 20, 20))
    return beyond.difference(unary_union(shapes)).buffer(-0.004)


def split_above(line: Sequence[UV], z: float) -> list[list[UV]]:
    """The runs of a polyline that lie above height z."""
    runs: list[list[UV]] = [[]]
    for p in line:
        if p[1] > z:
            runs[-1].append(p)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if len(r) > 2]


def nail_shape(t: m.Toe, proj: Proj) -> Polygon:
    """A toenail drawn on the curved top of its toe: straight sides from the root corners,
    a round free edge, the nail fold at the root bowed slightly back."""
    length = t.tip_x - 0.06 - t.nail_root
    flat: list[UV] = []  # (across -1..1, along 0..1) round the nail
    flat += [(-1.0, 0.6 * k / 4) for k in range(5)]
    flat += [(-math.cos(math.radians(a)), 0.6 + 0.4 * math.sin(math.radians(a)))
             for a in range(15, 180, 15)]  # fmt: skip
    flat += [(1.0, 0.6 * (4 - k) / 4) for k in range(5)]
    flat += [(0.5 - k / 4, -0.06 * (1 - (0.5 - k / 4) ** 2)) for k in range(1, 4)]
    pts = []
    for s_, f in flat:
        x = t.nail_root + f * length
        y, z, r = t.axis(x)
        b = s_ * t.nail_half * (1.0 - 0.1 * f)
        pts.append(proj((x, y + b, z + math.sqrt(max(r * r - b * b, 0.0)))))
    return Polygon(pts).buffer(0)


def side_nail(t: m.Toe, turned: bool = False) -> Polygon:
    """A toenail seen from the side: the band between its border and the top of the toe.
    The lesser toes are turned outwards (supinated), so from the outer side more of their
    nail shows (turned=True)."""
    free = t.tip_x - 0.06
    low, high = [], []
    for k in range(7):
        x = t.nail_root + k / 6 * (free - t.nail_root)
        _y, z, r = t.axis(x)
        b = t.nail_half * (1.0 - 0.12 * k / 6)
        edge = z + (0.45 * r if turned else (r * r - b * b) ** 0.5)
        low.append((x, edge + (z + r - edge) * max(0.0, 1 - k / 2) ** 2))  # the fold slopes
        high.append((x, z + r + 0.05))
    return Polygon([*low, (free + 0.05, low[-1][1] + 0.08), *reversed(high)]).buffer(0)


def smooth(g: BaseGeometry, step: float) -> Polygon:
    """The outline redrawn as a smooth curve through points `step` apart: irons out the
    small kinks where separately modelled parts (foot, big toe) meet."""
    ring = LineString(g.exterior.coords)
    n = max(int(ring.length / step), 8)
    return outline([ring.interpolate(k * ring.length / n).coords[0] for k in range(n)], per=8)


def arc(cx: float, cz: float, rx: float, rz: float, a0: float, a1: float) -> list[UV]:
    """Points on an elliptic arc from angle a0 to a1 (degrees, counter-clockwise, Z up)."""
    n = max(int(abs(a1 - a0) / 15), 2)
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * k / n)),
             cz + rz * math.sin(math.radians(a0 + (a1 - a0) * k / n))) for k in range(n + 1)]
