"""Build the foot close-ups (assets/body_svgs/foot-{top,inner,outer,sole}.svg).

    python tools/figure_foot.py            # rewrite the four SVGs and data/landmarks/foot.toml
    python tools/figure_foot.py --check    # exit 1 if the committed files differ
    python tools/figure_foot.py --side l --out DIR   # the left foot (mirrored), elsewhere
    python tools/figure_foot.py --overlay DIR        # debug SVGs: landmarks shown and labelled

One 3D model of the right foot in body cun (tools/figure_foot_model.py) is projected onto
each figure (tools/figure_foot_views.py), three times the scale of the body figures
(67.2 units per cun), so the medial malleolus is exactly 3 cun above the sole as on
front.svg. The left foot is the mirror image: x flipped, -r suffixes turned into -l.
Landmarks closer than 3 units to the outline are moved straight inwards to 4 units (at most
8 units, else the build fails); curves must lie inside. Output is byte-identical every run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import figure_foot_table
import figure_foot_views as views
from figure_parts import curve_d, num, pt, ring_points, shape_d, sync_outputs
from figure_views import STYLES
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "body_svgs"
S = views.m.S
UV = tuple[float, float]
LENIENT = False  # --overlay: report a misplaced landmark instead of failing, to look at it

FOOT_STYLES = {
    **STYLES,
    "outline": 'fill="none" stroke="#8c6e5a" stroke-width="2" stroke-linecap="round"'
    ' stroke-linejoin="round"',
}
SKIN = 'fill="#f4e4d4"'
OUTLINE = 'stroke="#8c6e5a" stroke-width="2" stroke-linejoin="round"'
GROUPS = ("skin-shade", "fine", "lines", "nails", "outline")

# figure id -> (draw, width, height, page transform of view coordinates: x = a*u + xo,
# y = e*v + yo). The side views and the dorsum run off the top edge (the leg is cut there).
FIGURES: dict[str, tuple[Callable[[Canvas], None], float, float, tuple[float, ...]]] = {
    "foot-top": (views.top, 440, 800, (-S, 230.0, S, 2.3 * S)),
    "foot-inner": (views.inner, 880, 700, (S, 82.0, -S, 9.5 * S)),
    "foot-outer": (views.outer, 880, 700, (-S, 880 - 82.0, -S, 9.5 * S)),
    "foot-sole": (views.sole, 440, 850, (-S, 230.0, -S, 800.0)),
}


class Canvas:
    """Collects one figure: silhouette, artwork groups and landmarks, in page units."""

    def __init__(self, fig: str, side: str) -> None:
        _draw, self.w, self.h, (a, xo, e, yo) = FIGURES[fig]
        if side == "l":  # the mirror image: x -> w - x
            a, xo = -a, self.w - xo
        self.fig, self.side = fig, side
        self.matrix = [a, 0.0, 0.0, e, xo, yo]
        self.groups: dict[str, list[str]] = {g: [] for g in GROUPS}
        self.points: dict[str, UV] = {}
        self.curves: dict[str, list[UV]] = {}
        self.sil = Polygon()
        self.silhouette_uv: BaseGeometry = Polygon()
        self.cut = False

    def page(self, p: UV) -> UV:
        a, _b, _d, e, xo, yo = self.matrix
        return (a * p[0] + xo, e * p[1] + yo)

    def to_page(self, g: BaseGeometry) -> BaseGeometry:
        return affinity.affine_transform(g, self.matrix)

    def silhouette(self, g: BaseGeometry) -> None:
        """The outline, clipped to the page: a leg running off the top edge is cut there."""
        if isinstance(g, Polygon):  # gaps where two toes touch again are skin, not holes
            g = Polygon(g.exterior)
        self.silhouette_uv = g
        page = self.to_page(g)
        clipped = page.intersection(box(0, 0, self.w, self.h))
        if isinstance(clipped, MultiPolygon):
            raise SystemExit(f"{self.fig}: the silhouette is not one simple outline")
        self.cut = clipped.bounds[1] <= 1e-6
        self.sil = clipped

    def curve(self, group: str, pts: Sequence[UV], closed: bool = False) -> None:
        self.groups[group].append(f'<path d="{curve_d([self.page(p) for p in pts], closed)}"/>')

    def shape(self, group: str, g: BaseGeometry) -> None:
        """A filled shape; slivers under 6 square units (left by cutting one shape with
        another) are dropped."""
        parts = [p for p in getattr(g, "geoms", [g]) if isinstance(p, Polygon)]
        keep = [self.to_page(p).buffer(-0.8).buffer(0.8) for p in parts]  # round the corners
        keep = [p for p in keep if isinstance(p, Polygon) and p.area >= 6.0]
        for poly in keep:
            try:
                d = shape_d(poly)
            except ValueError:  # a thin sliver the smooth curve cannot follow: straight spans
                ring = ring_points(poly.exterior.coords, 0.12, 2.0)
                d = "M" + " L".join(pt(p) for p in ring) + "Z"
            self.groups[group].append(f'<path d="{d}"/>')

    def _inside(self, name: str, xy: UV) -> UV:
        """xy moved straight inwards if it lies within 3 units of the outline."""
        p = Point(xy)
        d = self.sil.exterior.distance(p)
        if self.sil.contains(p) and d >= 3.0:
            return xy
        edge = nearest_points(self.sil.exterior, p)[0]
        probe = LineString([(edge.x, edge.y), xy]).interpolate(-0.001, normalized=True)
        inward = (1.0 if self.sil.contains(probe) else -1.0) if d > 1e-9 else 0.0
        if inward == 0.0 or d > 8.0 or (inward < 0 and d > 5.0):
            problem = f"{self.fig}: {name} at ({xy[0]:.1f}, {xy[1]:.1f}) is outside"
            if not LENIENT:
                raise SystemExit(problem)
            print(problem)
            return xy
        if LENIENT:
            print(f"{self.fig}: {name} moved {4.0 - inward * d:.1f} units inwards")
        ux, uy = (xy[0] - edge.x) * inward / d, (xy[1] - edge.y) * inward / d
        return (edge.x + 4.0 * ux, edge.y + 4.0 * uy)

    def point(self, name: str, uv: UV) -> None:
        full = f"{name}-{self.side}"
        if full in self.points:
            raise SystemExit(f"{self.fig}: {full} twice")
        self.points[full] = self._inside(full, self.page(uv))

    def polyline(self, name: str, pts: Sequence[UV]) -> None:
        full = f"{name}-{self.side}"
        self.curves[full] = [self._inside(full, self.page(p)) for p in pts]

    def render(self) -> str:
        sil_d = shape_d(self.sil)
        stroke = 'stroke="none"' if self.cut else OUTLINE
        out = [
            "<?xml version='1.0' encoding='UTF-8'?>",
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(self.w)} {num(self.h)}"'
            f' width="{num(self.w)}" height="{num(self.h)}">',
            f"<!-- acumap close-up figure, {self.fig} ({'left' if self.side == 'l' else 'right'}"
            " foot): generated by tools/figure_foot.py, do not edit by hand -->",
            f'<path id="silhouette" {SKIN} {stroke} d="{sil_d}"/>',
        ]
        if self.cut:
            self.groups["outline"].append(f'<path d="{open_outline(self.sil)}"/>')
        for gid in GROUPS:
            if self.groups[gid]:
                out.append(f'<g id="{gid}" {FOOT_STYLES[gid]}>')
                out.extend(self.groups[gid])
                out.append("</g>")
        out.append('<g id="landmarks" style="display:none">')
        for name in sorted(self.points):
            x, y = self.points[name]
            out.append(f'<circle id="{name}" cx="{num(x)}" cy="{num(y)}" r="2"/>')
        for name in sorted(self.curves):
            pts = " ".join(pt(p) for p in self.curves[name])
            out.append(f'<polyline id="{name}" points="{pts}"/>')
        out.append("</g>")
        out.append("</svg>")
        return "\n".join(out) + "\n"


def open_outline(sil: Polygon) -> str:
    """The outline without the straight cut along the top edge of the page."""
    ring = ring_points(sil.exterior.coords, 0.12, 4.0)
    on_cut = [y <= 1e-6 for _x, y in ring]
    n = len(ring)
    start = next(i for i in range(n) if on_cut[i] and not on_cut[(i + 1) % n])
    pts = [ring[(start + k) % n] for k in range(n + 1)]
    end = next(k for k in range(1, n + 1) if on_cut[(start + k) % n])
    return curve_d(pts[: end + 1])


def verify(cv: Canvas) -> None:
    """Every curve landmark inside; the figure's silhouette one clean outline."""
    bad = [name for name, pts in cv.curves.items()
           if any(not cv.sil.contains(Point(p)) for p in pts)]  # fmt: skip
    if bad and not LENIENT:
        raise SystemExit(f"{cv.fig}: curves outside the outline: {', '.join(bad)}")
    if not cv.sil.is_valid or cv.sil.area < 1000:
        raise SystemExit(f"{cv.fig}: the silhouette is broken")


def figure_name(fig: str, side: str) -> str:
    return f"{fig}.svg" if side == "r" else f"{fig}-l.svg"


def canvases(side: str = "r") -> dict[str, Canvas]:
    out = {}
    for fig, (draw, *_rest) in FIGURES.items():
        cv = Canvas(fig, side)
        draw(cv)
        verify(cv)
        out[fig] = cv
    return out


def build(side: str = "r") -> dict[str, str]:
    """File name -> SVG text of every foot figure (side "r", or "l" for the mirror image)."""
    figs = canvases(side)
    if side == "r":  # the left foot must be the exact mirror image of the right
        for fig, cv in canvases("l").items():
            right = figs[fig]
            for name, (x, y) in cv.points.items():
                xr, yr = right.points[name[:-2] + "-r"]
                if abs(x + xr - cv.w) > 0.011 or abs(y - yr) > 0.011:
                    raise SystemExit(f"{fig}: {name} does not mirror its -r twin")
    return {figure_name(fig, side): cv.render() for fig, cv in figs.items()}


def overlay(svg: str) -> str:
    """A debug copy: landmarks visible as red dots and curves with their names."""
    import re

    extra = []
    for m_ in re.finditer(r'<circle id="([^"]+)" cx="([^"]+)" cy="([^"]+)"', svg):
        name, x, y = m_.group(1), float(m_.group(2)), float(m_.group(3))
        extra.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="2.2" fill="#d00"/>'
                     f'<text x="{num(x + 3)}" y="{num(y - 2)}" font-size="6" fill="#900"'
                     f' font-family="sans-serif">{name[:-2]}</text>')  # fmt: skip
    for m_ in re.finditer(r'<polyline id="([^"]+)" points="([^"]+)"', svg):
        name, pts = m_.group(1), m_.group(2)
        x, y = (float(v) for v in pts.split()[len(pts.split()) // 2].split(","))
        extra.append(f'<polyline points="{pts}" fill="none" stroke="#06c" stroke-width="0.8"'
                     f' stroke-dasharray="3 2"/><text x="{num(x + 3)}" y="{num(y + 6)}"'
                     f' font-size="6" fill="#036" font-family="sans-serif">{name[:-2]}</text>')
    return svg.replace("</svg>", "\n".join(extra) + "\n</svg>")


def main(argv: list[str]) -> int:
    global LENIENT
    LENIENT = "--overlay" in argv
    side = argv[argv.index("--side") + 1] if "--side" in argv else "r"
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else OUT
    files = {out / name: text for name, text in build(side).items()}
    if side == "r" and "--out" not in argv:
        figs = canvases("r")
        files[figure_foot_table.TOML] = figure_foot_table.toml(figs)
        files[figure_foot_table.SEGMENTS_TOML] = figure_foot_table.segments_toml(figs)
    if "--overlay" in argv:
        dest = Path(argv[argv.index("--overlay") + 1])
        dest.mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            if path.suffix == ".svg":
                (dest / path.name).write_text(overlay(text), encoding="utf-8")
        return 0
    return sync_outputs(files, "--check" in argv, "figure_foot.py")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
