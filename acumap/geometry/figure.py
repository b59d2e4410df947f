"""A body figure as geometry: its silhouette (shapely) and its named landmarks.

Parsing the SVG is svgelements' job (transforms applied); this module only turns what it
gives back into a polygon and a dictionary of landmark coordinates. svgelements, numpy and
shapely are imported where they are used: a window started from the cache needs none of them
for its first frame.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from acumap.core.model import Frame

if TYPE_CHECKING:
    import numpy as np
    import svgelements as se
    from shapely.geometry.base import BaseGeometry

XY = tuple[float, float]


class FigureFormatError(ValueError):
    """The SVG does not keep the figure contract (docs/figures.md).

    `field` names the part of the contract (viewBox, silhouette, landmarks, transform …) and
    `item`, when there is one, the element or landmark it is about.
    """

    def __init__(self, field: str, message: str, item: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.item = item


@dataclass(frozen=True)
class Figure:
    """One view of the body: outline, landmarks and the SVG bytes the Qt layer draws."""

    view: str
    source: str
    viewbox: tuple[float, float, float, float]
    silhouette_wkb: bytes = field(repr=False)  # the outline as WKB: cheap to cache and copy
    landmarks: dict[str, XY]
    svg_bytes: bytes = field(repr=False, default=b"")
    curves: dict[str, tuple[XY, ...]] = field(default_factory=dict)  # curve landmarks, in order
    frame: Frame | None = None  # from the manifest: which way is up, anterior, the left
    sides: tuple[str, ...] = ("left", "right", "midline")  # the sides the figure shows

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
        if self.frame is not None and self.frame.left in ("+x", "-x"):
            return self.frame.left == "+x"
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


def _finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)


def _invalid(reason: str) -> str:
    """GEOS's `Self-intersection[412.5 800.25]` -> `crosses itself near (412.5, 800.25)`."""
    m = re.fullmatch(r"(.*?)\[(\S+) (\S+)\]", reason)
    if m is None:
        return f"is not a simple closed shape ({reason})"
    what = "crosses itself" if "intersection" in m.group(1).lower() else m.group(1).lower()
    return f"{what} near ({float(m.group(2)):.1f}, {float(m.group(3)):.1f})"


def _subpath_ring(path: se.Path) -> np.ndarray:
    """The outline as an (n, 2) array: corners, and curves sampled so the polygon follows them."""
    import numpy as np
    import svgelements as se

    samples = np.linspace(0, 1, 9)[1:]
    pts: list[XY] = []
    with np.errstate(all="ignore"):  # an overflow is reported as one line by the caller
        for seg in path:
            if isinstance(seg, se.Move | se.Line | se.Close):
                if seg.end is not None:
                    pts.append((seg.end.x, seg.end.y))
            else:
                pts.extend(seg.npoint(samples).tolist())
    return np.array(pts, dtype=float).reshape(-1, 2)


def silhouette_from_path(path: se.Path) -> BaseGeometry:
    import numpy as np
    import shapely
    import svgelements as se
    from shapely import MultiPolygon, Polygon

    polys = []
    for sub in path.as_subpaths():
        ring = _subpath_ring(se.Path(sub))
        if not np.isfinite(ring).all():  # e.g. scale(1e200) twice
            raise FigureFormatError("silhouette", "the outline is not finite after its transforms")
        if len(ring) >= 3:
            poly = Polygon(ring)
            reason = str(shapely.is_valid_reason(poly))
            if reason != "Valid Geometry":
                # Not repaired: buffer(0) costs time and memory growing with the square of the
                # crossings (a 1,000-point zigzag: 12 s, 600 MB), so say where it is instead.
                raise FigureFormatError("silhouette", f"the outline {_invalid(reason)}")
            polys.append(poly)
    if not polys or all(p.is_empty for p in polys):
        raise FigureFormatError("silhouette", "path id='silhouette' has no closed outline")
    geom: BaseGeometry = (
        polys[0]
        if len(polys) == 1
        else MultiPolygon([g for p in polys for g in getattr(p, "geoms", [p])])
    )
    return geom


def parse_figure(view: str, source: str, svg_bytes: bytes) -> Figure:
    """Parse figure bytes that have already passed the checks of loaders.figures.

    svgelements skips display:none elements, so the caller hands in bytes where the hidden
    landmarks group is visible (see loaders.figures); the Qt layer draws the original bytes.
    Whatever svgelements gives back is checked again: a landmark or outline that is not a
    finite number (an overflowing transform) would place every point at NaN.
    """
    import shapely
    import svgelements as se

    try:
        svg: Any = se.SVG.parse(io.BytesIO(svg_bytes), reify=True)
        vb = svg.viewbox
        sil = svg.get_element_by_id("silhouette")
        group = svg.get_element_by_id("landmarks")
        outline = silhouette_from_path(sil) if isinstance(sil, se.Path) else None
        circles = [] if group is None else [c for c in group.select() if isinstance(c, se.Circle)]
        lines = [] if group is None else [c for c in group.select() if isinstance(c, se.Polyline)]
    except FigureFormatError:
        raise
    except (ValueError, TypeError, IndexError, AttributeError, ArithmeticError) as exc:
        # the checks before should leave svgelements nothing to trip on: a last guard
        raise FigureFormatError("svg", f"svgelements cannot read it ({exc})") from None
    if vb is None or None in (vb.x, vb.y, vb.width, vb.height):
        raise FigureFormatError("viewBox", "the <svg> element has no viewBox")
    box = (float(vb.x), float(vb.y), float(vb.width), float(vb.height))
    if not _finite(*box) or box[2] <= 0 or box[3] <= 0:
        raise FigureFormatError("viewBox", "needs four finite numbers, width and height > 0")
    if outline is None:
        raise FigureFormatError("silhouette", "no <path id='silhouette'>")
    if group is None:
        raise FigureFormatError("landmarks", "no <g id='landmarks'>")
    landmarks: dict[str, XY] = {}
    for el in circles:
        if not el.id:
            continue
        name, xy = str(el.id), (float(el.cx), float(el.cy))
        if name in landmarks:
            raise FigureFormatError("landmarks", f"duplicate id '{name}'")
        if not _finite(*xy):
            raise FigureFormatError("landmarks", f"'{name}' is not finite after its transforms")
        landmarks[name] = xy
    curves: dict[str, tuple[XY, ...]] = {}
    for el in lines:
        if not el.id:
            continue
        pts = tuple((float(p.x), float(p.y)) for p in el.points)
        if not _finite(*(v for xy in pts for v in xy)):
            raise FigureFormatError("landmarks", f"'{el.id}' is not finite after its transforms")
        curves[str(el.id)] = pts
    if not landmarks:
        raise FigureFormatError("landmarks", "<g id='landmarks'> holds no named <circle>")
    return Figure(
        view=view,
        source=source,
        viewbox=box,
        silhouette_wkb=shapely.to_wkb(outline),
        landmarks=landmarks,
        curves=curves,
    )
