"""The hand skeleton and outline for tools/figure_hand.py (the hand close-ups).

Everything here is in *hand coordinates* (u, v) in centimetres of a reference hand 19 cm
long (palmar wrist crease to the tip of the middle finger, the adult mean): u runs across the
hand towards the radius (the thumb side), v runs along it towards the fingertips, the origin
is the middle of the palmar wrist crease. figure_hand.py scales the reference hand so that its
length in close-up cun equals the hand length of the body skeleton (make_figures.py), and
projects (u, v) onto the palm or the back view.

Proportions (Lingshu, anthropometry): palm 10.8 cm from the wrist crease to the finger-root
crease of the middle finger, middle finger 8.2 cm; palmar finger segments ~0.38 / 0.29 / 0.33
of a finger; index tip 1.7 cm short of the middle tip, ring 1.1 cm, little tip level with the
ring finger's distal crease; thumb interphalangeal joint 2.15 cm wide (the thumb F-cun),
middle phalanx of the middle finger 2.38 cm (the middle-finger F-cun); the four fingers' widths
at the PIP joints add up to 6.8 cm. With the hand 8.27 close-up cun long (figure_hand.py) these
come out at 0.94, 1.04 and 2.9 cun: WHO's F-cun (1, 1, and 3 for four fingers) within 6 %.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from figure_parts import UV, closing, outline, spline
from shapely.geometry import LineString, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

REF_HAND_CM = 19.0


def cap(width: float) -> float:
    """Length of the rounded tip of a finger of this pad width: a little longer than a
    half circle, as a fingertip is."""
    return 0.62 * width


def smooth(stations: Sequence[tuple[float, float]], t: float) -> float:
    """A smooth (Catmull-Rom) interpolation of (t, value) stations at t, level at the end."""
    ts = [a for a, _ in stations]
    vs = [b for _, b in stations]
    if t <= ts[0]:
        return vs[0]
    if t >= ts[-1]:
        return vs[-1]
    i = max(k for k in range(len(ts) - 1) if ts[k] <= t)
    t0, t1 = ts[i], ts[i + 1]
    m = []
    for k in (i, i + 1):
        lo, hi = max(k - 1, 0), min(k + 1, len(ts) - 1)
        # flat at the last station, where the rounded tip takes over without a corner
        m.append(0.0 if k == len(ts) - 1 else (vs[hi] - vs[lo]) / (ts[hi] - ts[lo]))
    h = t1 - t0
    x = (t - t0) / h
    h00, h10 = 2 * x**3 - 3 * x**2 + 1, x**3 - 2 * x**2 + x
    h01, h11 = -2 * x**3 + 3 * x**2, x**3 - x**2
    return h00 * vs[i] + h10 * h * m[0] + h01 * vs[i + 1] + h11 * h * m[1]


def tube_half_width(profile: Sequence[tuple[float, float]], tip: float, t: float) -> float:
    """Half width of a tube with this profile whose rounded cap ends at `tip`."""
    t_cap, r = profile[-1]
    if t <= t_cap:
        return smooth(profile, t)
    if t >= tip:
        return 0.0
    x = (t - t_cap) / (tip - t_cap)  # an elliptical cap
    return r * math.sqrt(max(0.0, 1 - x * x))


def tube(at: Callable[[float, float], UV], profile: Sequence[tuple[float, float]],
         tip: float, step: float = 0.12) -> list[UV]:  # fmt: skip
    """The closed outline of a finger: both sides along the profile and a rounded cap."""
    t0, t_cap = profile[0][0], profile[-1][0]
    n = max(2, math.ceil((t_cap - t0) / step))
    ts = [t0 + (t_cap - t0) * k / n for k in range(n + 1)]
    ts += [t_cap + (tip - t_cap) * math.sin(math.pi / 2 * k / 16) for k in range(1, 17)]
    right = [at(t, tube_half_width(profile, tip, t)) for t in ts]
    left = [at(t, -tube_half_width(profile, tip, t)) for t in reversed(ts[:-1])]
    return right + left


@dataclass(frozen=True)
class Finger:
    """A finger of the palm view: its MCP joint, direction and palmar segments (cm)."""

    name: str
    mcp: UV  # centre of the metacarpophalangeal joint
    angle: float  # degrees from the hand's long axis, + towards the thumb
    root: float  # MCP joint -> finger-root (proximal digital) crease along the axis
    segs: tuple[float, float, float]  # root crease -> PIP crease -> DIP crease -> tip
    widths: tuple[float, float, float, float]  # at the root crease, PIP, DIP, pad

    @property
    def d(self) -> UV:
        a = math.radians(self.angle)
        return (math.sin(a), math.cos(a))

    @property
    def n(self) -> UV:  # across the finger, towards the thumb side
        a = math.radians(self.angle)
        return (math.cos(a), -math.sin(a))

    def at(self, t: float, w: float = 0.0) -> UV:
        """t cm from the MCP joint along the finger, w cm across (+ radial)."""
        d, n = self.d, self.n
        return (self.mcp[0] + t * d[0] + w * n[0], self.mcp[1] + t * d[1] + w * n[1])

    @property
    def stations(self) -> dict[str, float]:
        """Distances from the MCP joint of the creases and the tip."""
        p1, p2, p3 = self.segs
        return {"root": self.root, "pip": self.root + p1, "dip": self.root + p1 + p2,
                "tip": self.root + p1 + p2 + p3}  # fmt: skip

    def profile(self) -> list[tuple[float, float]]:
        """(t, half width) stations of the outline, MCP joint to the start of the tip cap:
        full over the joints, a little slimmer between them."""
        s = self.stations
        wb, wp, wd, wt = self.widths
        return [(-1.6, wb * 0.38), (0.0, wb * 0.54), (s["root"], wb / 2),
                ((s["root"] + s["pip"]) / 2, (wb + wp) / 4 * 0.975), (s["pip"], wp / 2),
                ((s["pip"] + s["dip"]) / 2, (wp + wd) / 4 * 0.965), (s["dip"], wd / 2),
                (s["tip"] - cap(wt), wt / 2)]  # fmt: skip

    def half_width(self, t: float) -> float:
        """Half the finger's width t cm from the MCP joint (creases, nails, landmarks)."""
        return tube_half_width(self.profile(), self.stations["tip"], t)

    def outline(self) -> list[UV]:
        return tube(lambda t, w: self.at(t, w), self.profile(), self.stations["tip"])


# the middle finger's MCP joint sits where its tip ends at the reference hand length
MID_MCP_V = REF_HAND_CM - (1.6 + 3.12 + 2.38 + 2.70) * math.cos(math.radians(2.0))

FINGERS: dict[str, Finger] = {
    f.name: f
    for f in [
        Finger("index", (2.75, 8.8), 9.0, 1.45, (2.59, 2.07, 2.35), (1.92, 1.76, 1.56, 1.5)),
        Finger("middle", (0.6, MID_MCP_V), 2.0, 1.6, (3.12, 2.38, 2.7), (1.98, 1.82, 1.62, 1.55)),
        Finger("ring", (-1.5, 8.85), -5.5, 1.60, (2.80, 2.20, 2.45), (1.86, 1.71, 1.52, 1.46)),
        Finger("little", (-3.4, 8.15), -13.0, 1.40, (2.18, 1.82, 2.05), (1.6, 1.47, 1.34, 1.27)),
    ]
}


class Thumb:
    """The thumb along a smooth centre line through its joints (cm): carpometacarpal joint,
    MCP joint, IP joint and tip, each bone given as (length, direction in degrees from the
    hand's axis, + towards the radius)."""

    def __init__(self, cmc: UV, bones: Sequence[tuple[float, float]],
                 profile: Sequence[tuple[float, float]], pad_width: float) -> None:  # fmt: skip
        joints = [cmc]
        for length, deg in bones:
            a = math.radians(deg)
            p = joints[-1]
            joints.append((p[0] + length * math.sin(a), p[1] + length * math.cos(a)))
        self.cmc, self.mcp, self.ip, self.tip = joints
        line = spline(joints, per=40)
        self._pts = line
        self._len = [0.0]
        for p, q in pairwise(line):
            self._len.append(self._len[-1] + math.dist(p, q))
        self.stations = {"cmc": 0.0, "mcp": self._t_of(1), "ip": self._t_of(2),
                         "tip": self._len[-1]}  # fmt: skip
        self.pad_width = pad_width
        # the profile is given in fractions of the bones: (joint index + fraction, half width)
        self._profile = [(self._t_at(x), r) for x, r in profile]
        self._profile.append((self.stations["tip"] - cap(pad_width), pad_width / 2))

    def _t_of(self, joint: int) -> float:
        return self._len[joint * 40]

    def _t_at(self, x: float) -> float:
        """Arc length at joint index + fraction (1.5 = halfway along the proximal phalanx)."""
        j = int(x)
        a = self._len[j * 40]
        b = self._len[min(j + 1, 3) * 40]
        return a + (b - a) * (x - j)

    def at(self, t: float, w: float = 0.0) -> UV:
        """t cm along the centre line from the CMC joint, w cm across (+ radial)."""
        k = max(1, min(len(self._len) - 1, bisect.bisect_left(self._len, t)))
        (x0, y0), (x1, y1) = self._pts[k - 1], self._pts[k]
        seg = max(self._len[k] - self._len[k - 1], 1e-9)
        f = (t - self._len[k - 1]) / seg
        dx, dy = (x1 - x0) / seg, (y1 - y0) / seg
        return (x0 + (x1 - x0) * f + w * dy, y0 + (y1 - y0) * f - w * dx)

    def half_width(self, t: float) -> float:
        return tube_half_width(self._profile, self.stations["tip"], t)

    def outline(self) -> list[UV]:
        return tube(self.at, self._profile, self.stations["tip"])


THUMB = Thumb(
    (2.3, 1.2), [(4.45, 39.0), (3.05, 27.0), (2.8, 17.0)],
    [(0.0, 1.3), (0.42, 1.62), (0.8, 1.4), (1.0, 1.23), (1.5, 1.12), (2.0, 1.075)],
    2.1,
)

def edge(f: Finger | Thumb, t: float, side: float, inset: float = 0.0) -> UV:
    """A point on a finger's edge (side +1 radial, -1 ulnar), t cm along it."""
    return f.at(t, side * (f.half_width(t) - inset))


def web(a: str, b: str) -> UV:
    """The deepest point of the web between two fingers (a radial to b), palm view: just
    proximal to the middle of their root creases."""
    fa, fb = FINGERS[a], FINGERS[b]
    pa, pb = edge(fa, fa.stations["root"], -1), edge(fb, fb.stations["root"], 1)
    return ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2 - 0.3)


WEB_1_2: UV = (4.3, 7.05)  # the deepest point of the web between thumb and index


def palm_ring(cut: float) -> list[UV]:
    """The palm, wrist and forearm outline (u, v): up the ulnar side from the forearm cut,
    into the fingers' edges and webs, down the thumb-index web and the ball of the thumb to
    the radial side of the wrist. Beside the little and index fingers it runs along their own
    edges, so the union with the fingers has no kinks."""
    fi, fl, th = FINGERS["index"], FINGERS["little"], THUMB
    ring: list[UV] = [
        (-3.9, cut - 0.6), (-3.88, cut + 0.3), (-3.84, -8.5), (-3.68, -7.0), (-3.46, -4.5),
        (-3.27, -2.3), (-3.24, -1.2), (-3.17, -0.2), (-3.3, 0.9), (-3.78, 2.5), (-4.22, 4.4),
        (-4.38, 6.0), (-4.37, 7.2),
    ]  # fmt: skip
    rl = fl.stations["root"]
    ring += [edge(fl, rl - 0.9, -1, 0.02), edge(fl, rl - 0.3, -1, 0.03), edge(fl, rl, -1, 0.08),
             fl.at(rl - 0.2, -0.3)]  # fmt: skip
    for a, b in (("little", "ring"), ("ring", "middle"), ("middle", "index")):
        fb = FINGERS[b]
        ring += [web(b, a), fb.at(fb.stations["root"] - 0.2)]
    ri = fi.stations["root"]
    # the radial side of the index knuckle, then a concave sweep into the thumb's web
    ring += [edge(fi, ri, 1, 0.08), edge(fi, ri - 0.6, 1, 0.03), edge(fi, ri - 1.1, 1, 0.03),
             (3.86, 8.05), WEB_1_2]  # fmt: skip
    tm = th.stations["mcp"]
    ring += [th.at(tm + 1.0, -0.3), th.at(tm, 0.3), edge(th, 1.9, 1), edge(th, 0.9, 1)]
    ring += [(3.75, 0.75), (3.3, 0.1), (3.12, -0.45), (3.16, -1.2), (3.32, -2.8), (3.5, -6.0),
             (3.66, -8.5), (3.71, cut + 0.3), (3.74, cut - 0.6), (3.0, cut - 0.7),
             (0.0, cut - 0.7), (-3.0, cut - 0.7)]  # fmt: skip
    return ring


def hand_outline(cut: float) -> BaseGeometry:
    """The whole silhouette in hand coordinates (the same outline seen from either side)."""
    palm = outline(palm_ring(cut), per=10)
    fingers = [Polygon(f.outline()).buffer(0) for f in FINGERS.values()]
    parts = [palm, Polygon(THUMB.outline()).buffer(0), *fingers]
    hand = unary_union(parts).intersection(box(-20.0, cut, 20.0, 40.0))  # the forearm's cut
    return smooth_outline(closing(hand, 0.16))


def smooth_outline(g: BaseGeometry, spacing: float = 0.03, sigma: float = 0.09) -> Polygon:
    """The outline resampled evenly and smoothed with a Gaussian along its length: the joins
    of palm, thumb and fingers lose their small corners, nothing larger than ~sigma changes
    (a fingertip shrinks by ~sigma^2 / radius, 0.01 cm)."""
    assert isinstance(g, Polygon)
    ring = LineString(g.exterior.coords)
    n = math.ceil(ring.length / spacing)
    pts = [ring.interpolate(ring.length * k / n) for k in range(n)]
    xs, ys = [p.x for p in pts], [p.y for p in pts]
    step = ring.length / n
    reach = math.ceil(3 * sigma / step)
    weights = [math.exp(-0.5 * (j * step / sigma) ** 2) for j in range(-reach, reach + 1)]
    total = sum(weights)
    out = []
    for i in range(n):
        x = sum(w * xs[(i + j - reach) % n] for j, w in enumerate(weights)) / total
        y = sum(w * ys[(i + j - reach) % n] for j, w in enumerate(weights)) / total
        out.append((x, y))
    return Polygon(out).buffer(0)

