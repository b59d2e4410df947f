"""Build the hand close-ups (assets/body_svgs/hand-palm.svg, hand-back.svg).

    python tools/figure_hand.py                # rewrite the SVGs and data/landmarks/hand*.toml
    python tools/figure_hand.py --check        # exit 1 if any of them differs from the output
    python tools/figure_hand.py --left DIR     # also write the mirrored left-hand figures to DIR

The figures show the patient's right hand with the fingers up, the palm side (palm view) and
the back of the hand (back view), with the distal 4.6 cun of the forearm.

Scale. The close-up has its own cun, fixed by the body skeleton of make_figures.py so that the
hand and the forearm keep the body's proportion: the hand (palmar wrist crease -> tip of the
middle finger) is as many cun long as on the body figure (8.27 cun, Lingshu's Gudu gives 8.5),
and the close-up cun is CUN units. A "3-cun mark" across the forearm (forearm-3cun-*) gives
the segment wrist crease -> 3 cun on each view, the B-cun of the forearm (12 cun from wrist to
elbow crease). Beside it the finger cun (F-cun): the width of the thumb's interphalangeal joint
and the middle phalanx of the middle finger come out at ~1 cun each, as WHO expects.

The hand itself is built in centimetres of a 19 cm reference hand (figure_hand_shape.py) and
projected: palm view x = X0 + u, back view mirrored; the left hand mirrors both. The artwork
(figure_hand_art.py) and landmarks (figure_hand_marks.py) use the same hand coordinates, so
every crease, nail and landmark follows the skeleton. The script refuses to write a figure in
which a point landmark lies less than 3 units inside the silhouette or a curve leaves it.
figure_hand_table.py writes the landmark table (data/landmarks/hand.toml) and the proposed
segments (hand-segments.toml) from the same positions; --check covers them too.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from pathlib import Path

import figure_hand_shape as hs
import make_figures as body
from figure_parts import UV, curve_d, num, pt, shape_d, sync_outputs
from figure_views import STYLES
from shapely import affinity
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "body_svgs"
DATA = ROOT / "data" / "landmarks"

CUN = 80.0  # SVG units per close-up cun


def body_hand_cun() -> float:
    """Palmar wrist crease -> tip of the middle finger on the body figure, in body cun."""
    base, tip, _rb, rt = body.finger_axes()["middle"]
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    length = math.hypot(dx, dy)
    apex = (tip[0] + dx / length * rt, tip[1] + dy / length * rt)
    return math.dist(apex, body.WRIST) / body.C


HAND_CUN = round(body_hand_cun(), 3)
CM = CUN * HAND_CUN / hs.REF_HAND_CM  # SVG units per centimetre of the reference hand
CUN_CM = CUN / CM  # one close-up cun in reference centimetres
FOREARM_SHOWN = 4.6  # cun of forearm above the wrist crease (EX-UE2 Erbai at 4 cun fits)
CUT = -FOREARM_SHOWN * CUN_CM
MARGIN = 36.0
MIN_INSIDE = 3.0


class View:
    """Hand coordinates (cm) -> SVG for one figure: which view, which hand."""

    def __init__(self, view: str, side: str, x0: float, y0: float, width: float) -> None:
        self.view, self.side = view, side
        flip = (view == "back") != (side == "l")  # back of the right hand = mirrored palm
        self.sx = -1.0 if flip else 1.0
        self.x0 = width - x0 if flip else x0
        self.y0 = y0

    def xy(self, p: UV) -> UV:
        return (self.x0 + self.sx * p[0] * CM, self.y0 - p[1] * CM)

    def geom(self, g: BaseGeometry) -> BaseGeometry:
        g = affinity.scale(g, self.sx * CM, -CM, origin=(0, 0))
        return affinity.translate(g, self.x0, self.y0)


class Sheet:
    """Artwork and landmarks of one figure, given in hand coordinates."""

    def __init__(self, view: View) -> None:
        self.v = view
        self.groups: dict[str, list[str]] = {}
        self.points: dict[str, UV] = {}
        self.curves: dict[str, list[UV]] = {}

    def add(self, group: str, element: str) -> None:
        self.groups.setdefault(group, []).append(element)

    def curve(self, group: str, pts: Sequence[UV], closed: bool = False, extra: str = "") -> None:
        d = curve_d([self.v.xy(p) for p in pts], closed)
        self.add(group, f'<path d="{d}"{extra}/>')

    def shape(self, group: str, g: BaseGeometry, extra: str = "") -> None:
        self.add(group, f'<path d="{shape_d(self.v.geom(g), 0.06, 3.0)}"{extra}/>')

    def mark(self, name: str, p: UV) -> None:
        self.points[f"{name}-{self.v.side}"] = self.v.xy(p)

    def mark_curve(self, name: str, pts: Sequence[UV]) -> None:
        self.curves[f"{name}-{self.v.side}"] = [self.v.xy(p) for p in pts]


def frame() -> tuple[float, float, float, float]:
    """x0, y0 (where the middle of the palmar wrist crease lands) and the page size, from the
    bounds of the hand: the same for both views, so palm and back line up."""
    minx, miny, maxx, maxy = hs.hand_outline(CUT).bounds
    width = math.ceil(((maxx - minx) * CM + 2 * MARGIN) / 10) * 10
    height = math.ceil(((maxy - miny) * CM + 2 * MARGIN) / 10) * 10
    x0 = (width - (maxx - minx) * CM) / 2 - minx * CM
    y0 = (height - (maxy - miny) * CM) / 2 + maxy * CM
    return round(x0, 2), round(y0, 2), float(width), float(height)


def verify(fid: str, sheet: Sheet, sil: BaseGeometry) -> None:
    """Refuse to write a figure that breaks the contract's geometry."""
    boundary = sil.boundary
    bad = []
    for name, (x, y) in sheet.points.items():
        p = Point(x, y)
        if not sil.contains(p) or boundary.distance(p) < MIN_INSIDE:
            bad.append(f"{name} is not {MIN_INSIDE:g} units inside the outline ({x:.1f}, {y:.1f})")
    for name, pts in sheet.curves.items():
        if not all(sil.contains(Point(p)) for p in pts):
            bad.append(f"curve {name} leaves the outline")
    names = [n[:-2] for n in [*sheet.points, *sheet.curves]]
    if len(names) != len(set(names)):
        bad.append("a landmark name is used twice")
    if bad:
        raise SystemExit(f"{fid}: " + "; ".join(bad))


def render(fid: str, sheet: Sheet, sil: BaseGeometry, width: float, height: float) -> str:
    hand = "left" if sheet.v.side == "l" else "right"
    out = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}"'
        f' width="{num(width)}" height="{num(height)}">',
        f"<!-- acumap close-up, {hand} hand, {sheet.v.view} view: generated by"
        " tools/figure_hand.py, do not edit by hand -->",
        f'<path id="silhouette" fill="#f4e4d4" stroke="#8c6e5a" stroke-width="2"'
        f' stroke-linejoin="round" d="{shape_d(sil, 0.06, 3.0)}"/>',
    ]
    for gid, elements in sheet.groups.items():
        out.append(f'<g id="{gid}" {STYLES[gid.split(".")[0]]}>')
        out.extend(elements)
        out.append("</g>")
    out.append('<g id="landmarks" style="display:none">')
    for name in sorted(sheet.points):
        x, y = sheet.points[name]
        out.append(f'<circle id="{name}" cx="{num(x)}" cy="{num(y)}" r="2"/>')
    for name in sorted(sheet.curves):
        points = " ".join(pt(p) for p in sheet.curves[name])
        out.append(f'<polyline id="{name}" points="{points}"/>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def file_name(view: str, side: str) -> str:
    return f"hand-{view}.svg" if side == "r" else f"hand-{view}-l.svg"


def build(side: str = "r") -> dict[str, str]:
    """The two hand figures of one hand ("r" as shipped, "l" its mirror image)."""
    import figure_hand_art as art  # artwork and landmarks (they import this module)
    import figure_hand_marks as marks

    x0, y0, width, height = frame()
    outline = hs.hand_outline(CUT)
    out = {}
    for view in ("palm", "back"):
        v = View(view, side, x0, y0, width)
        sheet = Sheet(v)
        sil = v.geom(outline)
        if not isinstance(sil, Polygon) or sil.interiors:
            raise SystemExit(f"hand-{view}: the silhouette must be one outline without holes")
        art.draw(sheet, outline)
        marks.place(sheet, outline)
        verify(f"hand-{view}", sheet, sil)
        out[file_name(view, side)] = render(f"hand-{view}", sheet, sil, width, height)
    return out


def outputs() -> dict[Path, str]:
    import figure_hand_table as table

    files = {OUT / name: text for name, text in build("r").items()}
    files[DATA / "hand.toml"] = table.landmark_toml()
    files[DATA / "hand-segments.toml"] = table.segment_toml()
    return files


def main(argv: list[str]) -> int:
    status = sync_outputs(outputs(), "--check" in argv, "figure_hand.py")
    if "--left" in argv:
        folder = Path(argv[argv.index("--left") + 1])
        sync_outputs({folder / n: t for n, t in build("l").items()}, False, "figure_hand.py")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
