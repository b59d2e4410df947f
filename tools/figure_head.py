"""Build the head close-ups (assets/body_svgs/face.svg, head-side.svg, head-top.svg).

    python tools/figure_head.py            # rewrite the SVGs and data/landmarks/head.toml
    python tools/figure_head.py --check    # exit 1 if the committed files differ from the output
    python tools/figure_head.py --left     # also write head-side-left.svg (the mirror image)

The head is drawn from measurements in millimetres (tools/figure_head_model.py: the midline
profile, the scalp's arc and its transverse curvature) at K = 2.8 SVG units per mm on every
head figure, so the three share one scale and the stroke widths of front.svg/back.svg look
the same in all of them. The artwork lives in figure_head_face.py, figure_head_side.py and
figure_head_top.py; this module holds the canvas they draw on, the checks and the output.

Landmarks are points (<circle>) and, new with these figures, curves (<polyline>, measured
along by arc length: the scalp's midline, the hairlines, the lines 1.5 and 2.25 cun lateral,
the borders of the mandible and the sternocleidomastoid ...). The script refuses to write a
figure in which a point landmark lies less than 3 units inside the silhouette, a curve lies
less than 97% inside it, or (face) the two sides do not mirror.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from figure_parts import UV, curve_d, num, sampled, shape_d, sync_outputs
from figure_views import STYLES as BODY_STYLES
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "body_svgs"
K = 2.8  # SVG units per millimetre on every head figure

# the body figures' palette and strokes, plus what only a close-up needs
STYLES = dict(BODY_STYLES)
STYLES |= {
    "hairline": 'fill="none" stroke="#a88a74" stroke-width="1.5" stroke-linecap="round"'
    ' stroke-linejoin="round"',
    "brow-fill": 'fill="#a5856c" stroke="none"',
    "ear": 'fill="#f4e4d4" stroke="#8c6e5a" stroke-width="1.6" stroke-linejoin="round"',
    "ear-shade": 'fill="#e9d2bd" stroke="none"',
    "deep": 'fill="#dcbfa8" stroke="none"',
    "nostril": 'fill="#b89580" stroke="none"',
}
SILHOUETTE = 'fill="#f4e4d4" stroke="#8c6e5a" stroke-width="2" stroke-linejoin="round"'


class Canvas:
    """One figure being drawn: artwork groups and landmarks, in page units.

    `to_page` maps the drawing's millimetre coordinates to the page. For the side view
    `mirror` flips it about the page's vertical centre and `suffix` is the patient's side
    ("-r" or "-l") given to every sided landmark (the left side is the mirror of the right).
    """

    def __init__(self, fig_id: str, size: tuple[float, float], to_page: Callable[[UV], UV],
                 mirror: bool = False, suffix: str = "-r") -> None:  # fmt: skip
        self.id = fig_id
        self.size = size
        self.mirror = mirror
        self.suffix = suffix
        self._to_page = to_page
        self.groups: dict[str, list[str]] = {}
        self.points: dict[str, UV] = {}
        self.curves: dict[str, list[UV]] = {}

    # -- coordinates ---------------------------------------------------------------------------
    def p(self, q: UV) -> UV:
        x, y = self._to_page(q)
        return (self.size[0] - x, y) if self.mirror else (x, y)

    def geom(self, g: BaseGeometry) -> BaseGeometry:
        """A millimetre shape on the page (the mapping is affine: scale and translate)."""
        (x0, y0), (x1, _), (_, y2) = self.p((0, 0)), self.p((1, 0)), self.p((0, 1))
        return affinity.affine_transform(g, [x1 - x0, 0, 0, y2 - y0, x0, y0])

    # -- artwork --------------------------------------------------------------------------------
    def add(self, group: str, element: str) -> None:
        self.groups.setdefault(group, []).append(element)

    def curve(self, group: str, pts: Sequence[UV], closed: bool = False, extra: str = "") -> None:
        self.add(group, f'<path d="{curve_d([self.p(q) for q in pts], closed)}"{extra}/>')

    def shape(self, group: str, g: BaseGeometry, extra: str = "") -> None:
        self.add(group, f'<path d="{shape_path(self.geom(g))}"{extra}/>')

    def dot(self, group: str, q: UV, r_mm: float, extra: str = "") -> None:
        x, y = self.p(q)
        self.add(group, f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r_mm * K)}"{extra}/>')

    # -- landmarks ------------------------------------------------------------------------------
    def point(self, name: str, q: UV, sided: bool = True) -> None:
        self.points[name + (self.suffix if sided else "")] = self.p(q)

    def line(self, name: str, pts: Sequence[UV], sided: bool = True) -> None:
        self.curves[name + (self.suffix if sided else "")] = [self.p(q) for q in pts]


def shape_path(g: BaseGeometry, step: float = 5.0) -> str:
    """Path data of every exterior ring, as a smooth closed curve through points spaced evenly
    along it. (figure_parts.shape_d thins the ring first; on the large, gently curved outlines
    of a close-up that leaves faint corners visible at 4x zoom. Even spacing does not.)"""
    polys = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
    polys.sort(key=lambda p: (round(p.bounds[0], 3), round(p.bounds[1], 3)))
    out = []
    for poly in polys:
        ring = LineString(orient(Polygon(poly.exterior), 1.0).exterior.coords)
        n = max(12, math.ceil(ring.length / min(step, ring.length / 16)))
        pts = [ring.interpolate(ring.length * k / n) for k in range(n)]
        coords = [(p.x, p.y) for p in pts]
        # start at the topmost-then-leftmost point: the same bytes whatever shapely's start
        k = min(range(n), key=lambda i: (round(coords[i][1], 6), round(coords[i][0], 6)))
        coords = coords[k:] + coords[:k]
        drawn = sampled(coords)
        slack = max(0.002 * poly.area, 0.05 * poly.exterior.length)
        if drawn.is_valid and drawn.symmetric_difference(poly).area <= slack:
            out.append(curve_d(coords, True))
        else:  # small shapes with sharp corners (an iris cut by the lids): keep the corners
            out.append(shape_d(poly))
    return " ".join(out)


def render(c: Canvas, sil: BaseGeometry, what: str) -> str:
    w, h = c.size
    out = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(w)} {num(h)}"'
        f' width="{num(w)}" height="{num(h)}">',
        f"<!-- acumap close-up, {what}: generated by tools/figure_head.py, do not edit by hand -->",
        f'<path id="silhouette" {SILHOUETTE} d="{shape_path(sil)}"/>',
    ]
    for gid, elements in c.groups.items():
        out.append(f'<g id="{gid}" {STYLES[gid.split(".")[0]]}>')
        out.extend(elements)
        out.append("</g>")
    out.append('<g id="landmarks" style="display:none">')
    names = sorted([*c.points, *c.curves])
    for name in names:
        if name in c.points:
            x, y = c.points[name]
            out.append(f'<circle id="{name}" cx="{num(x)}" cy="{num(y)}" r="2"/>')
        else:
            pts = " ".join(f"{num(x)},{num(y)}" for x, y in c.curves[name])
            out.append(f'<polyline id="{name}" points="{pts}"/>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def verify(c: Canvas, sil: BaseGeometry, mirror_x: float | None = None) -> None:
    """Refuse to write a figure that breaks the contract's geometry."""
    bad = []
    polys = list(sil.geoms) if isinstance(sil, MultiPolygon) else [sil]
    if any(p.interiors for p in polys):
        bad.append("the silhouette has a hole")
    for name, (x, y) in c.points.items():
        q = Point(x, y)
        if not sil.contains(q) or sil.boundary.distance(q) < 3.0:
            bad.append(f"{name} is not 3 units inside the outline ({x:.1f}, {y:.1f})")
    for name, pts in c.curves.items():
        ln = LineString(pts)
        if ln.intersection(sil).length < 0.97 * ln.length:
            bad.append(f"curve {name} is not inside the outline")
    if name_clash := set(c.points) & set(c.curves):
        bad.append(f"names used twice: {sorted(name_clash)}")
    if mirror_x is not None:  # a front view: every -l has its -r twin mirrored
        for name, (x, y) in c.points.items():
            if name.endswith("-l"):
                xr, yr = c.points[name[:-2] + "-r"]
                if abs((x + xr) / 2 - mirror_x) > 0.011 or abs(y - yr) > 0.011:
                    bad.append(f"{name} does not mirror its -r twin")
    if bad:
        raise SystemExit(f"{c.id}: " + "; ".join(bad))


def as_polygon(g: BaseGeometry) -> Polygon:
    """The outline as one polygon without holes (the figures are single pieces)."""
    if isinstance(g, MultiPolygon):
        g = max(g.geoms, key=lambda p: p.area)
    assert isinstance(g, Polygon)
    return Polygon(g.exterior)


def build_side(side: str = "right") -> str:
    """head-side.svg for the patient's right side; side="left" gives its mirror image."""
    import figure_head_side

    return figure_head_side.build(mirror=side == "left")


def build(with_left: bool = False) -> dict[str, str]:
    import figure_head_face
    import figure_head_top

    out = {
        "face.svg": figure_head_face.build(),
        "head-side.svg": build_side("right"),
        "head-top.svg": figure_head_top.build(),
    }
    if with_left:
        out["head-side-left.svg"] = build_side("left")
    return out


def outputs(with_left: bool = False) -> dict[Path, str]:
    """Every file this script writes: the SVGs and the landmark table read from them."""
    import figure_head_landmarks

    svgs = build(with_left)
    out = {OUT / name: text for name, text in svgs.items()}
    figures = {n.removesuffix(".svg"): t for n, t in svgs.items() if "left" not in n}
    out[figure_head_landmarks.TABLE] = figure_head_landmarks.table(figures)
    return out


def main(argv: list[str]) -> int:
    files = outputs(with_left="--left" in argv)
    return sync_outputs(files, "--check" in argv, "figure_head.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
