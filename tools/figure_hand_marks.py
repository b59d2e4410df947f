"""Landmarks of the hand close-ups (tools/figure_hand.py), their descriptions and segments.

Positions are in hand coordinates (cm of the reference hand, u towards the thumb, v towards the
fingertips, see figure_hand_shape.py) and computed from the same skeleton as the artwork. A
landmark that sits on the edge of the hand (nail corners seen from the side, the border of red
and white skin, the ends of creases) is put EDGE cm inside the outline: WHO's points there lie
on the side of the finger, which the flat figure shows as its edge.
"""

from __future__ import annotations

import functools
import math

import figure_hand as fh
import figure_hand_shape as hs
from figure_parts import UV
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

FINGERS, THUMB = hs.FINGERS, hs.THUMB
EDGE = 0.13  # cm inside the outline (4.5 units) for landmarks on the hand's edge
V3 = -3 * fh.CUN_CM  # the 3-cun mark across the forearm

# nails (cm): cuticle distance from the fingertip, half width of the nail at the cuticle
NAILS = {"index": (1.42, 0.52), "middle": (1.5, 0.55), "ring": (1.42, 0.51),
         "little": (1.22, 0.44)}  # fmt: skip
THUMB_NAIL = (1.8, -0.08, 0.84)  # cuticle from the tip; the nail seen turned: ulnar, radial edge

# the palmar wrist crease bows a little distally in its middle (PC7, between the tendons)
PL_U, FCR_U, FCU_U, ARTERY_U = -0.3, 0.6, -2.35, 2.05
PC7_U = (PL_U + FCR_U) / 2
TE4_U = -0.55  # dorsal crease, the hollow just ulnar to the extensor digitorum tendons
SNUFFBOX: UV = (2.45, 0.3)  # LI5: radial side of the dorsal crease, distal to the styloid
ULNA_HEAD: UV = (-2.6, -2.0)  # its highest point on the back of the wrist


def palm_crease_v(u: float) -> float:
    return -0.12 * ((u - PC7_U) / 3) ** 2


def back_crease_v(u: float) -> float:
    return -0.1 - 0.1 * ((u - TE4_U) / 3) ** 2


def ray_edge(sil: BaseGeometry, origin: UV, direction: UV, inset: float = EDGE) -> UV:
    """Where a ray from inside the hand meets the outline, `inset` cm back inside."""
    n = math.hypot(*direction)
    d = (direction[0] / n, direction[1] / n)
    far = (origin[0] + 30 * d[0], origin[1] + 30 * d[1])
    hit = sil.boundary.intersection(LineString([origin, far]))
    pts = [hit] if isinstance(hit, Point) else list(getattr(hit, "geoms", []))
    best = min(pts, key=lambda p: math.dist(origin, (p.x, p.y)))
    back = inset  # where the edge is oblique, step further back until inset cm inside
    while sil.boundary.distance(Point(best.x - back * d[0], best.y - back * d[1])) < inset:
        back += 0.01
    return (round(best.x - back * d[0], 4), round(best.y - back * d[1], 4))


def inset_point(sil: BaseGeometry, p: UV, inset: float = EDGE) -> UV:
    """The point `inset` cm inside the outline nearest to p."""
    q = nearest_points(sil.buffer(-inset, quad_segs=24).exterior, Point(p))[0]
    return (q.x, q.y)


def border(sil: BaseGeometry, a: UV, b: UV, via: UV, step: float = 0.35) -> list[UV]:
    """The edge of the hand EDGE cm inside the outline from near a to near b, the way that
    passes by `via` (a border of red and white skin)."""
    ring = LineString(sil.buffer(-EDGE, quad_segs=24).exterior.coords)
    total = ring.length
    sa, sb, sv = (ring.project(Point(p)) for p in (a, b, via))
    forward = (sv - sa) % total <= (sb - sa) % total
    length = (sb - sa) % total if forward else (sa - sb) % total
    n = max(2, math.ceil(length / step))
    out = []
    for k in range(n + 1):
        s = sa + (length * k / n if forward else -length * k / n)
        q = ring.interpolate(s % total)
        out.append((q.x, q.y))
    return out


def gap_line(a: str, b: str) -> tuple[UV, UV]:
    """The groove between two metacarpals: the middle of their bases -> of their heads."""
    ba, bb, ha, hb = BASES[a], BASES[b], FINGERS[a].mcp, FINGERS[b].mcp
    return ((ba[0] + bb[0]) / 2, (ba[1] + bb[1]) / 2), ((ha[0] + hb[0]) / 2, (ha[1] + hb[1]) / 2)


def on_gap(a: str, b: str, v: float) -> UV:
    """The point of the groove between two metacarpals at height v (extended past its ends)."""
    (u0, v0), (u1, v1) = gap_line(a, b)
    f = (v - v0) / (v1 - v0)
    return (u0 + (u1 - u0) * f, v)


BASES: dict[str, UV] = {"index": (1.55, 2.2), "middle": (0.3, 2.4), "ring": (-1.2, 3.0),
                        "little": (-2.7, 2.9)}  # fmt: skip
FIST_V = 7.5  # where the fingertips rest on the palm in a fist (PC8, HT8)
PAIRS = {"2-3": ("index", "middle"), "3-4": ("middle", "ring"), "4-5": ("ring", "little")}
DIGITS = {"index": 2, "middle": 3, "ring": 4, "little": 5}


def finger_edge(f: hs.Finger, t: float, side: float) -> UV:
    return f.at(t, side * (f.half_width(t) - EDGE))


Mark = UV | list[UV]


class Table:
    """Landmark positions by name and view ("palm", "back")."""

    def __init__(self) -> None:
        self.marks: dict[str, dict[str, Mark]] = {}

    def put(self, name: str, where: str, p: Mark) -> None:
        for view in ("palm", "back") if where == "both" else (where,):
            self.marks.setdefault(name, {})[view] = p


def tendons() -> dict[str, tuple[str, list[UV]]]:
    """Tendons and the radial artery as curves, proximal -> distal: (view, points)."""
    t, low = THUMB, fh.CUT + 1.0
    tm = t.stations["mcp"]
    return {
        "tendon-palmaris-longus": ("palm", [(PL_U - 0.05, low), (PL_U, -5.0), (PL_U, 0.0)]),
        "tendon-flexor-carpi-radialis": ("palm", [(FCR_U - 0.2, low), (FCR_U - 0.08, -5.0),
                                                  (FCR_U, 0.0)]),
        "tendon-flexor-carpi-ulnaris": ("palm", [(FCU_U - 0.4, low), (FCU_U - 0.2, -5.0),
                                                 (FCU_U, -0.2), (FCU_U - 0.1, 0.45)]),
        "radial-artery": ("palm", [(ARTERY_U - 0.4, low), (ARTERY_U - 0.22, -5.0),
                                   (ARTERY_U, 0.0)]),
        "tendon-extensor-pollicis-longus": ("back", [(1.1, -2.0), (1.6, -0.2), t.at(1.25, -0.5),
                                                     t.at(tm - 0.5, -0.32), t.at(tm + 0.4, -0.3)]),
        "tendon-extensor-pollicis-brevis": ("back", [(2.88, -2.6), (3.0, -0.8), (3.1, 0.2),
                                                     t.at(1.4, 0.74), t.at(tm - 0.4, 0.52)]),
        "tendon-extensor-digitorum": ("back", [(TE4_U + 0.55, V3), (0.05, -2.5), (0.1, -0.1),
                                               (0.35, 3.0), FINGERS["middle"].at(-0.3)]),
    }  # fmt: skip


@functools.cache
def positions() -> dict[str, dict[str, Mark]]:
    """name -> {"palm": position, "back": position} (a list of points for a curve)."""
    sil = hs.hand_outline(fh.CUT)
    tab = Table()
    _digits(tab, sil)
    _metacarpals(tab, sil)
    _wrist(tab, sil)
    for name, (view, pts) in tendons().items():
        tab.put(name, view, pts)
    for name, pts in palm_lines(sil).items():
        tab.put(name, "palm", pts)
    # borders of red and white skin (proximal -> distal)
    t, fi, fl = THUMB, FINGERS["index"], FINGERS["little"]
    wr, wu = (ray_edge(sil, (0.0, 0.0), (sign, 0.0)) for sign in (1.0, -1.0))
    tab.put("red-white-border-ulnar", "both",
            border(sil, wu, finger_edge(fl, fl.stations["tip"] - 0.6, -1), (-4.6, 5.0)))
    tab.put("red-white-border-radial", "both",
            border(sil, wr, t.at(t.stations["tip"] - 0.6, 0.9), (5.5, 4.0)))
    tab.put("red-white-border-index", "both",
            border(sil, hs.WEB_1_2, finger_edge(fi, fi.stations["tip"] - 0.6, 1),
                   fi.at(fi.stations["pip"], 1.0)))  # fmt: skip
    return tab.marks


def _digits(tab: Table, sil: BaseGeometry) -> None:
    """Fingertips, nails, creases, joints and webs."""
    t = THUMB
    ts = t.stations
    ip_half = t.half_width(ts["ip"]) - EDGE
    nb, ulnar, radial = THUMB_NAIL
    tab.put("thumb-tip", "both", t.at(ts["tip"] - 0.15))
    tab.put("nail-corner-radial-thumb", "both", t.at(ts["tip"] - nb, radial))
    tab.put("nail-corner-ulnar-thumb", "both", t.at(ts["tip"] - nb, ulnar))
    tab.put("thumb-ip-radial", "both", t.at(ts["ip"], ip_half))
    tab.put("thumb-ip-ulnar", "both", t.at(ts["ip"], -ip_half))
    tab.put("mcp-crease-thumb", "palm", t.at(ts["mcp"] + 0.25))
    tab.put("ip-crease-thumb", "palm", t.at(ts["ip"]))
    tab.put("ip-dorsal-thumb", "back", t.at(ts["ip"] + 0.1))
    for name, f in FINGERS.items():
        s = f.stations
        base, half = NAILS[name]
        tab.put(f"{name}-tip", "both", f.at(s["tip"] - 0.15))
        tab.put(f"nail-corner-radial-{name}", "both", f.at(s["tip"] - base, half))
        tab.put(f"nail-corner-ulnar-{name}", "both", f.at(s["tip"] - base, -half))
        tab.put(f"mcp-crease-{name}", "palm", f.at(s["root"]))
        tab.put(f"pip-crease-{name}", "palm", f.at(s["pip"]))
        tab.put(f"dip-crease-{name}", "palm", f.at(s["dip"]))
        tab.put(f"pip-dorsal-{name}", "back", f.at(s["pip"] + 0.05))
        tab.put(f"dip-dorsal-{name}", "back", f.at(s["dip"] + 0.1))
    fi, fm, fl = FINGERS["index"], FINGERS["middle"], FINGERS["little"]
    tab.put("pip-crease-middle-radial", "both", finger_edge(fm, fm.stations["pip"], 1))
    tab.put("dip-crease-middle-radial", "both", finger_edge(fm, fm.stations["dip"], 1))
    tab.put("mcp-crease-index-radial", "both", finger_edge(fi, fi.stations["root"], 1))
    tab.put("mcp-crease-little-ulnar", "both", finger_edge(fl, fl.stations["root"], -1))
    # webs: just proximal to the web margin
    tab.put("web-finger1-2", "both", inset_point(sil, hs.WEB_1_2, 0.15))
    for key, (a, b) in PAIRS.items():
        w = hs.web(a, b)
        tab.put(f"web-finger{key}", "both", inset_point(sil, (w[0], w[1] - 0.15), 0.15))


def _metacarpals(tab: Table, sil: BaseGeometry) -> None:
    t, fi, fl = THUMB, FINGERS["index"], FINGERS["little"]
    half = t.stations["mcp"] / 2
    a, b = t.at(half), t.at(half, 1.0)
    tab.put("metacarpal1-base", "both", t.cmc)
    tab.put("metacarpal1-head", "both", t.mcp)
    tab.put("metacarpal1-mid-radial", "palm", ray_edge(sil, a, (b[0] - a[0], b[1] - a[1])))
    for name in ("index", "middle", "ring"):
        tab.put(f"metacarpal{DIGITS[name]}-head", "back", FINGERS[name].mcp)
    tab.put("metacarpal5-head", "both", ray_edge(sil, fl.mcp, (-fl.n[0], -fl.n[1])))
    tab.put("metacarpal2-head-radial", "both", ray_edge(sil, fi.mcp, fi.n))
    for name in ("index", "middle", "ring"):
        tab.put(f"metacarpal{DIGITS[name]}-base", "back", BASES[name])
    tab.put("metacarpal5-base", "back",
            ray_edge(sil, (0.0, BASES["little"][1] - 0.5), (-1.0, 0.0)))
    (hu, hv), (bu, bv) = fi.mcp, BASES["index"]
    du, dv = hu - bu, hv - bv
    n = math.hypot(du, dv)  # 0.6 cm to the radial side of the bone's midpoint
    tab.put("metacarpal2-mid-radial", "back",
            ((hu + bu) / 2 + 0.6 * dv / n, (hv + bv) / 2 - 0.6 * du / n))
    # the hollows between the metacarpals, and their grooves (wrist crease -> MCP joints)
    tab.put("palm-center", "palm", on_gap("index", "middle", FIST_V))
    tab.put("palm-gap-3-4", "palm", on_gap("middle", "ring", FIST_V))
    tab.put("palm-gap-4-5", "palm", on_gap("ring", "little", FIST_V))
    for key, (a_name, b_name) in PAIRS.items():
        head_v = gap_line(a_name, b_name)[1][1]
        tab.put(f"dorsum-gap-{key}", "back", on_gap(a_name, b_name, head_v - 0.5 * fh.CUN_CM))
        tab.put(f"intermetacarpal-{key}", "both",
                [on_gap(a_name, b_name, head_v * k / 6) for k in range(7)])


def _wrist(tab: Table, sil: BaseGeometry) -> None:
    radial, ulnar = (ray_edge(sil, (0.0, 0.0), (sign, 0.0))[0] for sign in (1.0, -1.0))
    for name, u in (("radial", radial), ("mid", PC7_U), ("ulnar", ulnar)):
        tab.put(f"wrist-crease-anterior-{name}", "palm", (u, palm_crease_v(u)))
    tab.put("wrist-crease-anterior", "palm",
            [(u, palm_crease_v(u)) for u in _steps(radial, ulnar)])
    for name, u in (("radial-artery-wrist", ARTERY_U), ("flexor-carpi-radialis-wrist", FCR_U),
                    ("palmaris-longus-wrist", PL_U), ("pisiform-proximal-radial", FCU_U + 0.45)):
        tab.put(name, "palm", (u, palm_crease_v(u)))  # fmt: skip
    tab.put("pisiform", "palm", (FCU_U - 0.1, 0.55))
    tab.put("forearm-3cun-anterior-radial", "palm", (ARTERY_U - 0.25, V3))
    tab.put("forearm-3cun-anterior-mid", "palm", (PC7_U - 0.05, V3))
    tab.put("forearm-3cun-anterior-ulnar", "palm", (FCU_U + 0.2, V3))
    tab.put("radial-styloid", "both", ray_edge(sil, (0.0, -0.45), (1.0, 0.0), 0.18))
    # back
    radial, ulnar = (ray_edge(sil, (0.0, -0.1), (sign, 0.0))[0] for sign in (1.0, -1.0))
    tab.put("wrist-crease-posterior", "back",
            [(u, back_crease_v(u)) for u in _steps(radial, ulnar)])
    tab.put("wrist-crease-posterior-ulnar", "back", (ulnar, back_crease_v(ulnar)))
    tab.put("wrist-crease-posterior-mid", "back", (TE4_U, back_crease_v(TE4_U)))
    tab.put("wrist-crease-posterior-radial", "back", SNUFFBOX)
    tab.put("ulnar-styloid", "back", ray_edge(sil, (0.0, -0.75), (-1.0, 0.0), 0.3))
    tab.put("triquetrum", "back", ray_edge(sil, (0.0, 0.75), (-1.0, 0.0), 0.22))
    tab.put("ulna-head", "back", ULNA_HEAD)
    tab.put("ulna-head-radial", "back", (-1.9, back_crease_v(-1.9) - fh.CUN_CM))  # 1 cun up
    v3 = back_crease_v(TE4_U) + V3  # 3 cun from the dorsal crease
    tab.put("forearm-3cun-posterior-radial", "back", (2.6, v3))
    tab.put("forearm-3cun-posterior-mid", "back", (TE4_U + 0.1, v3))
    tab.put("forearm-3cun-posterior-ulnar", "back", (-2.95, v3))


def _steps(a: float, b: float, n: int = 8) -> list[float]:
    return [a + (b - a) * k / n for k in range(n + 1)]


def palm_lines(sil: BaseGeometry) -> dict[str, list[UV]]:
    """The palmar flexion creases and the border of the hypothenar eminence, as the art
    draws them (the distal crease from the ulnar edge, the proximal from the radial edge)."""
    import figure_hand_art as art

    out: dict[str, list[UV]] = {}
    for name, pts in art.palm_creases().items():
        out[name] = [inset_point(sil, p, EDGE) if not sil.buffer(-EDGE).contains(Point(p))
                     else p for p in pts]  # fmt: skip
    return out


def place(sheet: fh.Sheet, _outline: BaseGeometry) -> None:
    for name, per_view in positions().items():
        p = per_view.get(sheet.v.view)
        if p is None:
            continue
        if isinstance(p, list):
            sheet.mark_curve(name, p)
        else:
            sheet.mark(name, p)
