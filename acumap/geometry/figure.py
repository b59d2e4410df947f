"""A body figure as geometry: its silhouette (shapely) and its named landmarks.

Parsing the SVG is svgelements' job (transforms applied); this module only turns what it
gives back into a polygon and a dictionary of landmark coordinates. svgelements, numpy and
shapely are imported where they are used: a window started from the cache needs none of them
for its first frame.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import svgelements as se
    from shapely.geometry.base import BaseGeometry

XY = tuple[float, float]


class FigureFormatError(ValueError):
    """The SVG does not keep the figure contract (docs/figures.md)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Figure:
    """One view of the body: outline, landmarks and the SVG bytes the Qt layer draws."""

    view: str
    source: str
    viewbox: tuple[float, float, float, float]
    silhouette_wkb: bytes = field(repr=False)  # the outline as WKB: cheap to cache and copy
    landmarks: dict[str, XY]
    svg_bytes: bytes = field(repr=False, default=b"")

    @cached_property
    def silhouette(self) -> BaseGeometry:
        import shapely

        geom = shapely.from_wkb(self.silhouette_wkb)
        shapely.prepare(geom)
        return geom

    def contains(self, xy: XY) -> bool:
        from shapely import Point

        return bool(self.silhouette.covers(Point(xy)))

    @property
    def left_is_larger_x(self) -> bool:
        """True when the patient's left is drawn at larger x (front view)."""
        lx = [p[0] for n, p in self.landmarks.items() if n.endswith("-l")]
        rx = [p[0] for n, p in self.landmarks.items() if n.endswith("-r")]
        if not lx or not rx:
            return self.view == "front"
        return sum(lx) / len(lx) > sum(rx) / len(rx)

    @property
    def midline_x(self) -> float:
        pairs = [
            (p, self.landmarks[n[:-2] + "-r"])
            for n, p in self.landmarks.items()
            if n.endswith("-l") and n[:-2] + "-r" in self.landmarks
        ]
        if not pairs:
            return self.viewbox[0] + self.viewbox[2] / 2
        return sum((a[0] + b[0]) / 2 for a, b in pairs) / len(pairs)

    def lateral_sign(self, side: str) -> float:
        """+1 if lateral (away from the midline) on this side is towards larger x."""
        left_plus = 1.0 if self.left_is_larger_x else -1.0
        return left_plus if side == "left" else -left_plus


def _subpath_ring(path: se.Path) -> list[XY]:
    import numpy as np
    import svgelements as se

    pts: list[XY] = []
    for seg in path:
        if isinstance(seg, se.Move):
            pts.append((seg.end.x, seg.end.y))
        elif isinstance(seg, se.Line | se.Close):
            if seg.end is not None:
                pts.append((seg.end.x, seg.end.y))
        else:  # curves: sample so the polygon follows them closely
            for x, y in seg.npoint(np.linspace(0, 1, 9)[1:]):
                pts.append((float(x), float(y)))
    return pts


def silhouette_from_path(path: se.Path) -> BaseGeometry:
    import svgelements as se
    from shapely import MultiPolygon, Polygon

    polys = []
    for sub in path.as_subpaths():
        ring = _subpath_ring(se.Path(sub))
        if len(ring) >= 3:
            poly = Polygon(ring)
            if not poly.is_valid:
                poly = poly.buffer(0)
            polys.append(poly)
    if not polys:
        raise FigureFormatError("silhouette", "path id='silhouette' has no closed outline")
    geom: BaseGeometry = (
        polys[0]
        if len(polys) == 1
        else MultiPolygon([g for p in polys for g in getattr(p, "geoms", [p])])
    )
    return geom


def parse_figure(view: str, source: str, svg_bytes: bytes) -> Figure:
    """Parse figure bytes that have already passed the XML safety check.

    svgelements skips display:none elements, so the caller hands in bytes where the hidden
    landmarks group is visible (see loaders.figures); the Qt layer draws the original bytes.
    """
    import shapely
    import svgelements as se

    svg: Any = se.SVG.parse(io.BytesIO(svg_bytes), reify=True)
    vb = svg.viewbox
    if vb is None:
        raise FigureFormatError("viewBox", "the <svg> element has no viewBox")
    sil = svg.get_element_by_id("silhouette")
    if not isinstance(sil, se.Path):
        raise FigureFormatError("silhouette", "no <path id='silhouette'>")
    group = svg.get_element_by_id("landmarks")
    if group is None:
        raise FigureFormatError("landmarks", "no <g id='landmarks'>")
    landmarks: dict[str, XY] = {}
    for el in group.select():
        if isinstance(el, se.Circle) and el.id:
            landmarks[str(el.id)] = (float(el.cx), float(el.cy))
    if not landmarks:
        raise FigureFormatError("landmarks", "<g id='landmarks'> holds no named <circle>")
    return Figure(
        view=view,
        source=source,
        viewbox=(float(vb.x), float(vb.y), float(vb.width), float(vb.height)),
        silhouette_wkb=shapely.to_wkb(silhouette_from_path(sil)),
        landmarks=landmarks,
    )
