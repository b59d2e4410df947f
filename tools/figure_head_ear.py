"""The right ear seen from the side, and the structures round it (for figure_head_side.py).

Millimetres, X forward, Y up, origin near the tragus (see figure_head_model.py). The ear is
drawn upright in its own frame (x forward, y up, origin at the tragus), then leant back 8
degrees and hung so that its apex lies straight below GV20 (WHO 2008: GV20 is at the midpoint
of the line joining the two auricular apices) at the height of the eyebrows. It is 68 mm long
and its lobe ends about level with the base of the nose.
"""

from __future__ import annotations

import math

from figure_head_model import SCALP
from figure_parts import UV

TILT = math.radians(8.0)
APEX_Y = 40.2  # the top of the helix, level with the eyebrows


def _rot(p: UV) -> UV:
    c, s = math.cos(TILT), math.sin(TILT)
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


_LOCAL_APEX: UV = (-20.0, 40.5)
_A = _rot(_LOCAL_APEX)
_SHIFT = (SCALP.xy(SCALP.gv20)[0] - _A[0], APEX_Y - _A[1])


def _at(pts: list[UV]) -> list[UV]:
    out = []
    for p in pts:
        x, y = _rot(p)
        out.append((x + _SHIFT[0], y + _SHIFT[1]))
    return out


def _one(p: UV) -> UV:
    return _at([p])[0]


# the auricle's outline: from the root of the helix at the temple over the top, down the back
# to the lobe, and up its front edge past the notch, the tragus and the supratragic notch
OUTLINE = _at([
    (2, 22), (0, 30), (-5, 36), (-12, 39.6), (-20, 40.5), (-27, 38.6), (-32, 33), (-34.5, 25),
    (-35, 16), (-34, 7), (-32, -2), (-29, -10), (-25.6, -16.5), (-23, -21.5), (-19.5, -25.6),
    (-14.5, -27.6), (-10, -26.6), (-7, -23), (-5.5, -18.5), (-4, -11.5), (-0.5, -8.5),
    (2.4, -4.5), (3.3, 1), (1.8, 5.8), (-0.6, 8.8), (0.4, 14),
])  # fmt: skip
# the curled edge of the helix: from its crus (the ridge across the concha above the ear
# canal) up the front, over the top and down the back to its tail above the lobe
HELIX_FOLD = _at([(-13.5, 9.6), (-9, 10.4), (-4.6, 13.2), (-3.6, 20), (-7, 29), (-13, 34.6),
                  (-20.5, 35.9), (-27, 33.8), (-30.5, 27), (-31, 17), (-29.6, 6), (-27, -3),
                  (-23.6, -11), (-21, -15.5)])  # fmt: skip
# the antihelix's front edge, from the antitragus up into its superior crus
ANTIHELIX = _at([(-12.5, -10.2), (-17.5, -7.8), (-21.2, -2), (-23.2, 6), (-23.6, 14.5),
                 (-22, 23), (-17.5, 29.5), (-12.5, 32)])  # fmt: skip
INFERIOR_CRUS = _at([(-23.6, 14.5), (-17, 18.2), (-10.5, 19.6), (-6, 18.6)])
FOSSA = _at([(-21.8, 19.5), (-19, 25.5), (-14, 29.2), (-9, 28.5), (-7.2, 23.5), (-10.5, 21.3),
             (-16.5, 20.2)])  # fmt: skip
CONCHA = _at([(-5.5, 17.5), (-10.5, 19), (-17, 17.6), (-22.6, 13.6), (-23.2, 6), (-21.2, -2),
              (-17.5, -7.8), (-12, -9.8), (-6.5, -8.4), (-3, -4), (-2.2, 2), (-3.2, 7),
              (-4.2, 12.5)])  # fmt: skip
CANAL = _one((-4.8, 1.2))
ANTITRAGUS = _at([(-7.5, -10.6), (-11.6, -9.2), (-14.2, -6)])
TRAGUS_EDGE = _at([(-2.6, -6.8), (-0.3, -2.6), (0.3, 3), (-1.6, 6.6)])

# landmarks of the ear
TRAGUS = _one((1.2, -0.5))  # the middle of the tragus
INTERTRAGIC = _one((-3.4, -10.6))
SUPRATRAGIC = _one((-1.2, 8.6))
HELIX_ROOT = _one((-0.6, 19.5))  # where the front edge of the ear meets the head
APEX = _one((-20, 38.6))  # the apex of the helix, just inside the rim
EARLOBE = _one((-14.5, -25.8))
# where the back of the auricle joins the head (hidden behind the rim in profile)
ROOT_POSTERIOR = _one((-30.5, 24))
# the rim of the helix behind the ear, from the lobe up to the apex
HELIX_RIM = _at([(-23, -21.5), (-25.6, -16.5), (-29, -10), (-32, -2), (-34, 7), (-35, 16),
                 (-34.5, 25), (-32, 33), (-27, 38.6), (-20, 40.5)])  # fmt: skip

# the hairline round the ear: from the bottom of the sideburn's back edge up in front of the
# helix root, over the ear (about 6 mm above the apex) and down behind it past the mastoid
_TOP = OUTLINE[4]
AURICULAR_HAIRLINE: list[UV] = [
    (9.5, 4), (8.8, 14), (7.4, 25), (3.6, 35), (-4, 42.6), (_TOP[0] + 9, _TOP[1] + 5.4),
    (_TOP[0], _TOP[1] + 6), (_TOP[0] - 9.5, _TOP[1] + 3.4), (-44, 34), (-48.5, 20),
    (-50.5, 4), (-51.5, -12),
]  # fmt: skip
SIDEBURN_BACK = AURICULAR_HAIRLINE[1]  # the sideburn's posterior border (GB7 is above it)

MASTOID_TIP: UV = (-27.0, -29.0)
MASTOID_BORDER: list[UV] = [(-45, 2), (-42.5, -11), (-37, -23), (-30.5, -29.5)]
