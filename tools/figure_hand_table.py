"""The landmark table and proposed segments of the hand close-ups, written by
tools/figure_hand.py to data/landmarks/hand.toml and hand-segments.toml.

Descriptions are our own words for the structures WHO 2008 measures from; names shared with
the body figures keep the body's description (data/landmarks/body.toml) so the tables merge.
"""

from __future__ import annotations

import figure_hand as fh
import figure_hand_shape as hs
from figure_hand_marks import EDGE, positions

# the body figure each shared name is on, and its description there
SHARED = {
    "wrist-crease-anterior-mid": ("front",
                                  "palmar wrist crease at its middle, between the tendons"),
    "wrist-crease-anterior-radial": ("front", "radial (thumb-side) end of the palmar wrist crease"),
    "wrist-crease-anterior-ulnar": ("front",
                                    "ulnar (little-finger-side) end of the palmar wrist crease"),
    "palm-center": ("front", "centre of the palm between the 2nd and 3rd metacarpals"),
    "thumb-tip": ("front", "tip of the thumb"),
    "index-tip": ("front", "tip of the index finger"),
    "middle-tip": ("front", "tip of the middle finger"),
    "ring-tip": ("front", "tip of the ring finger"),
    "little-tip": ("front", "tip of the little finger"),
    "metacarpal2-base": ("back", "base of the 2nd metacarpal on the back of the hand"),
    "metacarpal2-head": ("back", "head of the 2nd metacarpal on the back of the hand"),
    "metacarpal5-head": ("back", "ulnar side of the 5th metacarpal head (little-finger knuckle)"),
    "wrist-crease-posterior-mid": ("back", "back of the wrist crease at its middle"),
    "wrist-crease-posterior-radial": ("back", "radial end of the back of the wrist crease, in"
                                              " the anatomical snuffbox"),
}  # fmt: skip

FINGER_WORDS = {"thumb": "thumb", "index": "index finger", "middle": "middle finger",
                "ring": "ring finger", "little": "little finger"}  # fmt: skip
GAP_WORDS = {"2-3": "2nd and 3rd", "3-4": "3rd and 4th", "4-5": "4th and 5th"}


def describe(name: str) -> str:
    """Our own words for each landmark of the hand figures (WHO 2008 terms)."""
    if name in SHARED:
        return SHARED[name][1]
    for f, words in FINGER_WORDS.items():
        if name == f"nail-corner-radial-{f}":
            return (f"radial corner of the {words} nail, where its radial border meets the base"
                    " of the nail (seen from the palm it lies at the edge)")
        if name == f"nail-corner-ulnar-{f}":
            return (f"ulnar corner of the {words} nail, where its ulnar border meets the base of"
                    " the nail (seen from the palm it lies at the edge)")
        if name == f"mcp-crease-{f}":
            return (f"middle of the palmar crease at the root of the {words} (the"
                    " metacarpophalangeal crease)")
        if name == f"pip-crease-{f}":
            return f"middle of the palmar crease of the {words}'s proximal interphalangeal joint"
        if name == f"dip-crease-{f}":
            return f"middle of the palmar crease of the {words}'s distal interphalangeal joint"
        if name == f"pip-dorsal-{f}":
            return f"centre of the back of the {words}'s proximal interphalangeal joint"
        if name == f"dip-dorsal-{f}":
            return f"centre of the back of the {words}'s distal interphalangeal joint"
    for key, words in GAP_WORDS.items():
        if name == f"intermetacarpal-{key}":
            return (f"the groove between the {words} metacarpals, from the level of the wrist"
                    " crease to the level of the metacarpophalangeal joints (proximal to distal)")
        if name == f"dorsum-gap-{key}":
            return (f"back of the hand: the hollow between the {words} metacarpals, 0.5 cun"
                    " proximal to the level of their heads")
    return DESCRIPTIONS[name]


DESCRIPTIONS = {
    "web-finger1-2": "web between thumb and index finger, just proximal to its margin, at the"
                     " border of red and white skin",
    "web-finger2-3": "web between index and middle finger, just proximal to its margin, at the"
                     " border of red and white skin",
    "web-finger3-4": "web between middle and ring finger, just proximal to its margin, at the"
                     " border of red and white skin",
    "web-finger4-5": "web between ring and little finger, just proximal to its margin, at the"
                     " border of red and white skin",
    "thumb-ip-radial": "radial side of the thumb's interphalangeal joint (its width is the thumb"
                       " F-cun)",
    "thumb-ip-ulnar": "ulnar side of the thumb's interphalangeal joint (its width is the thumb"
                      " F-cun)",
    "ip-crease-thumb": "middle of the palmar crease of the thumb's interphalangeal joint",
    "ip-dorsal-thumb": "centre of the back of the thumb's interphalangeal joint",
    "pip-crease-middle-radial": "radial end of the middle finger's proximal interphalangeal"
                                " crease (one end of the middle-finger F-cun)",
    "dip-crease-middle-radial": "radial end of the middle finger's distal interphalangeal crease"
                                " (the other end of the middle-finger F-cun)",
    "mcp-crease-index-radial": "radial end of the index finger's root crease, just distal to the"
                               " radial side of the 2nd metacarpophalangeal joint",
    "mcp-crease-little-ulnar": "ulnar end of the little finger's root crease, just distal to the"
                               " ulnar side of the 5th metacarpophalangeal joint",
    "metacarpal1-base": "base of the 1st metacarpal (the thumb's carpometacarpal joint)",
    "metacarpal1-head": "head of the 1st metacarpal (the thumb's metacarpophalangeal joint)",
    "metacarpal1-mid-radial": "radial side of the middle of the 1st metacarpal, at the border of"
                              " red and white skin",
    "metacarpal2-head-radial": "radial side of the 2nd metacarpophalangeal joint, at the border"
                               " of red and white skin",
    "metacarpal2-mid-radial": "back of the hand: radial side of the middle of the 2nd metacarpal",
    "metacarpal3-head": "head of the 3rd metacarpal on the back of the hand (knuckle)",
    "metacarpal3-base": "base of the 3rd metacarpal on the back of the hand",
    "metacarpal4-base": "base of the 4th metacarpal on the back of the hand",
    "metacarpal4-head": "head of the 4th metacarpal on the back of the hand (knuckle)",
    "metacarpal5-base": "base of the 5th metacarpal on the ulnar edge of the hand, at the border"
                        " of red and white skin",
    "palm-gap-3-4": "palm: between the 3rd and 4th metacarpals, proximal to their heads, level"
                    " with palm-center",
    "palm-gap-4-5": "palm: between the 4th and 5th metacarpals where the tip of the little finger"
                    " rests in a fist, level with palm-center",
    "radial-artery-wrist": "radial artery on the palmar wrist crease, ulnar to the abductor"
                           " pollicis longus tendon (the radial pulse)",
    "flexor-carpi-radialis-wrist": "flexor carpi radialis tendon at the palmar wrist crease",
    "palmaris-longus-wrist": "palmaris longus tendon at the palmar wrist crease",
    "pisiform": "the pisiform bone at the ulnar base of the palm",
    "pisiform-proximal-radial": "palmar wrist crease at the radial side of the proximal border of"
                                " the pisiform, radial to the flexor carpi ulnaris tendon",
    "radial-styloid": "prominence of the radial styloid process on the radial edge of the wrist",
    "forearm-3cun-anterior-radial": "3 cun proximal to the palmar wrist crease on the line of the"
                                    " radial artery (towards LU5)",
    "forearm-3cun-anterior-mid": "3 cun proximal to the palmar wrist crease, between the palmaris"
                                 " longus and flexor carpi radialis tendons",
    "forearm-3cun-anterior-ulnar": "3 cun proximal to the palmar wrist crease, radial to the"
                                   " flexor carpi ulnaris tendon",
    "forearm-3cun-posterior-radial": "3 cun proximal to the dorsal wrist crease on the line from"
                                     " the anatomical snuffbox to the lateral end of the cubital"
                                     " crease",
    "forearm-3cun-posterior-mid": "3 cun proximal to the dorsal wrist crease, midway between"
                                  " radius and ulna",
    "forearm-3cun-posterior-ulnar": "3 cun proximal to the dorsal wrist crease, over the medial"
                                    " border of the ulna",
    "wrist-crease-posterior-ulnar": "ulnar end of the dorsal wrist crease, between the triquetrum"
                                    " and the ulnar styloid process",
    "ulnar-styloid": "the styloid process of the ulna on the ulnar side of the wrist",
    "triquetrum": "the triquetrum bone on the ulnar edge of the wrist, just distal to the ulnar"
                  " styloid",
    "ulna-head": "highest point of the head of the ulna on the back of the wrist",
    "ulna-head-radial": "the hollow on the radial side of the head of the ulna, 1 cun proximal to"
                        " the dorsal wrist crease",
    "wrist-crease-anterior": "the palmar wrist crease, the most distal one (radial to ulnar)",
    "wrist-crease-posterior": "the dorsal wrist crease, the most distal one (radial to ulnar)",
    "thenar-crease": "the crease round the ball of the thumb (thenar eminence), from the wrist to"
                     " the radial edge of the palm",
    "palmar-crease-proximal": "the proximal transverse crease of the palm (radial to ulnar)",
    "palmar-crease-distal": "the distal transverse crease of the palm (radial to ulnar)",
    "hypothenar-border": "the radial border of the ball of the little finger (hypothenar"
                         " eminence), proximal to distal",
    "tendon-palmaris-longus": "palmaris longus tendon, proximal to distal",
    "tendon-flexor-carpi-radialis": "flexor carpi radialis tendon, proximal to distal",
    "tendon-flexor-carpi-ulnaris": "flexor carpi ulnaris tendon down to the pisiform, proximal"
                                   " to distal",
    "radial-artery": "the radial artery at the wrist, proximal to distal",
    "tendon-extensor-pollicis-longus": "extensor pollicis longus tendon, the ulnar border of the"
                                       " anatomical snuffbox, proximal to distal",
    "tendon-extensor-pollicis-brevis": "extensor pollicis brevis tendon, the radial border of the"
                                       " anatomical snuffbox, proximal to distal",
    "tendon-extensor-digitorum": "the extensor digitorum tendons at the wrist and on to the 3rd"
                                 " knuckle, proximal to distal",
    "red-white-border-radial": "border of red and white skin on the radial edge: from the wrist"
                               " along the 1st metacarpal to the thumb tip",
    "red-white-border-ulnar": "border of red and white skin on the ulnar edge: from the wrist"
                              " along the 5th metacarpal to the little finger's tip",
    "red-white-border-index": "border of red and white skin on the radial side of the index"
                              " finger, from the thumb web to its tip",
}  # fmt: skip

FIGURE_IDS = {"palm": "hand-palm", "back": "hand-back"}


def landmark_toml() -> str:
    out = ["# Landmarks of the hand close-ups (hand-palm, hand-back): generated by",
           "# tools/figure_hand.py from tools/figure_hand_marks.py, do not edit by hand.",
           "# Curves are written proximal to distal along the hand, radial to ulnar across it."]
    for name in sorted(positions()):
        views = positions()[name]
        figures = [FIGURE_IDS[v] for v in ("palm", "back") if v in views]
        if name in SHARED:
            figures = [SHARED[name][0], *figures]
        kind = "curve" if isinstance(next(iter(views.values())), list) else "point"
        out += ["", "[[landmark]]", f'name = "{name}"', f'description = "{describe(name)}"',
                "figures = [" + ", ".join(f'"{f}"' for f in figures) + "]", "sided = true",
                f'kind = "{kind}"']  # fmt: skip
    return "\n".join(out) + "\n"


SEGMENTS = [
    ("forearm-distal", "wrist-crease-anterior-mid", "forearm-3cun-anterior-mid", 3, ["hand-palm"],
     "palmar wrist crease to the 3-cun mark: the forearm's B-cun (12 cun to the cubital crease)"),
    ("forearm-distal-back", "wrist-crease-posterior-mid", "forearm-3cun-posterior-mid", 3,
     ["hand-back"], "dorsal wrist crease to the 3-cun mark: the forearm's B-cun"),
    ("thumb-cun", "thumb-ip-ulnar", "thumb-ip-radial", "THUMB", ["hand-palm", "hand-back"],
     "the thumb's interphalangeal joint is 1 F-cun wide; its two landmarks sit EDGE inside the"
     " outline, so they are this fraction of a cun apart (positive towards the radial side)"),
    ("middle-finger-cun", "dip-crease-middle-radial", "pip-crease-middle-radial", 1,
     ["hand-palm", "hand-back"], "radial ends of the middle finger's two interphalangeal"
     " creases, 1 F-cun (positive proximally)"),
]  # fmt: skip

# Segments measured by arc length along a curve landmark (name, curve, cun, views, note).
CURVE_SEGMENTS = [
    ("metacarpal-gap-2-3", "intermetacarpal-2-3", 2, ["hand-back"],
     "not a B-cun measure: the groove between the 2nd and 3rd metacarpals from the level of the"
     " dorsal wrist crease to the level of the metacarpophalangeal joints, in halves (EX-UE7"
     " Yaotongdian at 1, midway)"),
    ("metacarpal-gap-4-5", "intermetacarpal-4-5", 2, ["hand-back"],
     "not a B-cun measure: the groove between the 4th and 5th metacarpals from the level of the"
     " dorsal wrist crease to the level of the metacarpophalangeal joints, in halves (EX-UE7"
     " Yaotongdian at 1, midway)"),
]  # fmt: skip


def segment_toml() -> str:
    out = ["# Proportional segments of the hand close-ups, proposed for data/segments.toml:",
           "# generated by tools/figure_hand.py, do not edit by hand."]
    ip = hs.THUMB.stations["ip"]
    thumb = 1 - 2 * EDGE / (2 * hs.THUMB.half_width(ip))  # inset ends of a 1 F-cun joint
    for name, start, end, cun, views, note in SEGMENTS:
        value = f"{thumb:.3f}" if cun == "THUMB" else str(cun)
        note = note.replace("EDGE", f"{EDGE * fh.CM:.1f} units")
        out += ["", "[[segment]]", f'name = "{name}"', f'start = "{start}"', f'end = "{end}"',
                f"cun = {value}", "views = [" + ", ".join(f'"{v}"' for v in views) + "]",
                f'note = "{note}"']  # fmt: skip
    for name, curve, cun, views, note in CURVE_SEGMENTS:
        out += ["", "[[segment]]", f'name = "{name}"', f"cun = {cun}", f'curve = "{curve}"',
                "views = [" + ", ".join(f'"{v}"' for v in views) + "]",
                f'note = "{note}"']  # fmt: skip
    return "\n".join(out) + "\n"
