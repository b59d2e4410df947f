"""The landmark and segment tables of the lateral figures (data/landmarks/lateral.toml and
lateral-segments.toml), written by tools/figure_lateral.py from these entries.

Curves say their direction. `SHARED` lists the figures that already carry a landmark of the same
name (data/landmarks/body.toml), so that this region's file states all of them.
"""

from __future__ import annotations

import math

import figure_lateral_marks as lm
import figure_parts as fp

FIGS = ["lateral-r", "lateral-l"]

SHARED: dict[str, list[str]] = {
    "vertex": ["front", "back"], "glabella": ["front"], "nose-tip": ["front"], "chin": ["front"],
    "tragus": ["front"], "earlobe": ["front", "back"], "mastoid": ["back"],
    "mandible-angle": ["front"], "external-occipital-protuberance": ["back"],
    "posterior-hairline": ["back"], "laryngeal-prominence": ["front"],
    "suprasternal-notch": ["front"], "ics3": ["front"], "ics4": ["front"], "ics5": ["front"],
    "xiphisternal-junction": ["front"], "umbilicus": ["front"], "pubic-symphysis": ["front"],
    "nipple": ["front"], "costal-margin": ["front"], "asis": ["front"],
    "iliac-crest-top": ["back"], "psis": ["back"], "acromion": ["front", "back"],
    "scapular-spine-medial": ["back"], "scapular-spine-mid": ["back"],
    "scapula-inferior-angle": ["back"], "axillary-fold-anterior": ["front"],
    "axillary-fold-posterior": ["back"], "cubital-crease-mid": ["front"],
    "cubital-crease-lateral": ["front"], "olecranon": ["back"],
    "wrist-crease-posterior-mid": ["back"], "greater-trochanter": ["back"],
    "gluteal-fold": ["back"], "patella-base": ["front"], "patella-apex": ["front"],
    "patella-lateral": ["front"], "knee-eye-lateral": ["front"], "knee-lateral": ["front"],
    "popliteal-crease-mid": ["back"], "popliteal-crease-lateral": ["back"],
    "fibula-head": ["front"], "ankle-crease-anterior": ["front"],
    "lateral-malleolus": ["front", "back"], "ankle-posterior": ["back"], "heel": ["back"],
    "coccyx": ["back"], "sacral-hiatus": ["back"], **{f"c{i}": ["back"] for i in range(2, 8)},
    **{f"t{i}": ["back"] for i in range(1, 13)}, **{f"l{i}": ["back"] for i in range(1, 6)},
    **{f"s{i}": ["back"] for i in range(1, 5)},
}  # fmt: skip

# one entry per landmark ("name: description"), continuation lines indented
_TEXT = """
vertex: top of the head on the midline
glabella: midpoint between the eyebrows
nose-tip: tip of the nose
chin: lowest point of the chin
tragus: the tragus of the ear: the small flap in front of the ear canal
earlobe: lowest point of the ear lobe
auricular-apex: highest point of the ear (where the apex of the folded ear touches the head)
mastoid: tip of the mastoid process behind the ear lobe
mandible-angle: angle of the jaw
external-occipital-protuberance: bump at the back of the skull on the midline
posterior-hairline: midpoint of the posterior hairline
laryngeal-prominence: Adam's apple: the upper border of the thyroid cartilage, front of the
    neck
cricoid-cartilage: the cricoid cartilage at the front of the neck, below the thyroid cartilage
scm-anterior-border: front border of the sternocleidomastoid, from the mastoid down to the
    sternum (superior to inferior)
scm-posterior-border: back border of the sternocleidomastoid, from behind the mastoid down to
    the clavicle (superior to inferior)
trapezius-anterior-border: front border of the upper trapezius, from the occiput down to the
    lateral clavicle (superior to inferior)
c2: spinous process of C2 (the first one felt below the skull)
c7: spinous process of C7, the prominent one at the base of the neck
coccyx: tip of the coccyx
sacral-hiatus: lower end of the sacrum, at the top of the gluteal cleft
posterior-midline: the back midline over the spinous processes, from C7 down to the sacral
    hiatus (superior to inferior)
suprasternal-notch: jugular notch above the sternum
ics3: front midline at the level of the 3rd intercostal space
ics4: front midline at the level of the 4th intercostal space (level with the nipples)
ics5: front midline at the level of the 5th intercostal space
xiphisternal-junction: lower end of the sternum's body
umbilicus: centre of the navel
pubic-symphysis: upper border of the pubic symphysis
anterior-midline: the front midline of the trunk, from the suprasternal notch down to the pubic
    symphysis (superior to inferior); from about 1 to 4 cun below the notch it lies behind the
    raised arm
nipple: centre of the nipple (4th intercostal space, 4 cun from the front midline)
mammillary-line: vertical line through the nipple, 4 cun from the front midline, from below the
    raised arm down to the costal margin (superior to inferior)
costal-margin: lower border of the ribcage on the mammillary line
costal-arch: the lower border of the ribcage, from beside the xiphisternal junction round the
    side to the lowest rib cartilage near the midaxillary line (anterior to posterior)
ics4-midaxillary: the 4th intercostal space on the midaxillary line
ics6-midaxillary: the 6th intercostal space on the midaxillary line
ics6-mammillary: the 6th intercostal space on the mammillary line, below the nipple
ics7-mammillary: the 7th intercostal space on the mammillary line, one rib below the 6th
rib11-free-end: free (front) end of the 11th rib, on the side of the waist just in front of the
    midaxillary line
rib12-free-end: free end of the 12th rib, behind the posterior axillary line
midaxillary-line: the midaxillary line: the side of the trunk, from the apex of the armpit down
    to the iliac crest (superior to inferior)
anterior-axillary-line: vertical line down the chest and flank from the anterior axillary fold
    (superior to inferior)
posterior-axillary-line: vertical line down the side of the back from the posterior axillary
    fold (superior to inferior)
axilla-apex: apex of the armpit, top of the midaxillary line
axillary-fossa-center: centre of the axillary fossa (the armpit hollow, over the axillary
    artery)
asis: anterior superior iliac spine
iliac-crest: the iliac crest from the ASIS over its highest point back to the PSIS (anterior to
    posterior)
iliac-crest-top: highest point of the iliac crest (L4 level)
psis: posterior superior iliac spine (S2 level)
acromion: lateral tip of the acromion
acromion-anterior: front end of the lateral border of the acromion
acromion-angle: the acromial angle: back corner of the acromion
clavicle-acromial-end: lateral (acromial) end of the clavicle on top of the shoulder
greater-tubercle: greater tubercle of the humerus, below the front of the acromion
scapular-spine-medial: medial end of the spine of the scapula
scapular-spine-mid: midpoint of the spine of the scapula
scapular-spine: the spine of the scapula from its medial end to the acromial angle (medial to
    lateral)
scapula-superior-angle: superior angle of the scapula
scapula-inferior-angle: lower tip of the scapula (turned forward a little by the raised arm)
axillary-fold-anterior: front end of the armpit crease, where the pectoral fold meets the arm
axillary-fold-posterior: back end of the armpit crease, where the latissimus fold meets the
    back of the shoulder
deltoid-insertion: insertion of the deltoid on the outer arm (deltoid tuberosity)
deltoid-anterior-border: front border of the deltoid, from the clavicle to its insertion
    (proximal to distal)
deltoid-posterior-border: back border of the deltoid, from the acromial angle round the back of
    the shoulder to its insertion (proximal to distal)
cubital-crease-mid: elbow crease at the biceps tendon (on top of the elbow: the arm is raised
    forward)
cubital-crease-lateral: lateral (radial) end of the elbow crease
humerus-lateral-epicondyle: lateral epicondyle of the humerus
olecranon: tip of the elbow (underneath: the arm is raised forward)
wrist-crease-posterior-mid: back of the wrist crease at its middle
greater-trochanter: prominence of the greater trochanter
gluteal-fold: middle of the fold under the buttock
thigh-lateral-midline: midline of the outer thigh along the iliotibial band, from the greater
    trochanter to the knee (proximal to distal)
iliotibial-band-posterior: back border of the iliotibial band on the outer thigh (proximal to
    distal)
patella-base: upper border of the kneecap
patella-apex: lower tip of the kneecap
patella-lateral: lateral edge of the kneecap at its middle
patella-base-lateral: lateral end of the base of the kneecap
knee-eye-lateral: hollow lateral to the patellar ligament, just below the kneecap
knee-lateral: outer side of the knee at the level of the popliteal crease
lateral-femoral-epicondyle: lateral epicondyle of the femur
popliteal-crease-mid: back of the knee crease at its middle
popliteal-crease-lateral: lateral end of the knee crease
biceps-femoris-tendon: the biceps femoris tendon behind the outer knee, down to the fibula head
    (proximal to distal)
fibula-head: head of the fibula on the outer knee
fibula-anterior-border: front border of the fibula, from below its head to the lateral
    malleolus (proximal to distal)
fibula-posterior-border: back border of the fibula, from below its head to the lateral
    malleolus (proximal to distal)
ankle-crease-anterior: front of the ankle crease midway between the malleoli
lateral-malleolus: prominence of the lateral malleolus
lateral-malleolus-tip: lower tip of the lateral malleolus
calcaneal-tendon: front border of the calcaneal (Achilles) tendon (proximal to distal)
ankle-posterior: Achilles tendon at the level of the malleoli
heel: back of the heel
metatarsal5-tuberosity: tuberosity of the 5th metatarsal on the outer edge of the foot
metatarsal5-head: head of the 5th metatarsal (little-toe joint) on the outer edge of the foot
extensor-digitorum-tendon: the extensor digitorum longus tendons from the front of the ankle
    over the back of the foot (proximal to distal)
"""


def _parse(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    last = ""
    for line in text.strip("\n").splitlines():
        if line.startswith("    "):
            out[last] += " " + line.strip()
        else:
            last, _, desc = line.partition(": ")
            out[last] = desc
    return out


DESCRIPTIONS = _parse(_TEXT)
for _i in range(3, 7):
    DESCRIPTIONS[f"c{_i}"] = f"spinous process of C{_i}"
for _i in range(1, 13):
    DESCRIPTIONS[f"t{_i}"] = f"spinous process of T{_i}"
for _i in range(1, 6):
    DESCRIPTIONS[f"l{_i}"] = f"spinous process of L{_i}"
for _i in range(1, 5):
    nth = {1: "1st", 2: "2nd", 3: "3rd"}.get(_i, f"{_i}th")
    DESCRIPTIONS[f"s{_i}"] = f"median sacral crest at the level of the {nth} sacral foramen"
for _k in range(3, 8):
    DESCRIPTIONS[f"intercostal-{_k}"] = (
        f"the {_k}th intercostal space round the side of the chest, from the front edge back to "
        "the posterior axillary line (anterior to posterior)"
    )


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def landmarks_toml(m: lm.Marks) -> str:
    names: dict[str, tuple[bool, str]] = {}
    for full in [*m.points, *m.curves]:
        sided = full.endswith("-r")
        base = full[:-2] if sided else full
        kind = "curve" if full in m.curves else "point"
        names[base] = (sided, kind)
    out = [
        "# Landmarks of the lateral body figures (lateral-r, lateral-l): generated by",
        "# tools/figure_lateral.py, do not edit by hand. Curves list their points in the direction",
        "# their description gives.",
    ]
    for base in sorted(names):
        sided, kind = names[base]
        figs = [*SHARED.get(base, []), *FIGS]
        out += ["", "[[landmark]]", f"name = {_q(base)}", f"description = {_q(DESCRIPTIONS[base])}",
                "figures = [" + ", ".join(_q(f) for f in figs) + "]",
                f"sided = {'true' if sided else 'false'}", f"kind = {_q(kind)}"]  # fmt: skip
    return "\n".join(out) + "\n"


def chest_side_cun(m: lm.Marks) -> float:
    """Cun of the `chest-side` segment (nipple -> 4th space on the midaxillary line), chosen so
    that 1 cun from the nipple lands where the section model puts a point 5 cun from the midline
    (PC1): the chest turns away near the nipple, so this scale only holds there."""
    import figure_lateral_body as b
    import make_figures as sk

    (nx, ny), _ = m.points["nipple-r"]
    (mx, my), _ = m.points["ics4-midaxillary-r"]
    px, py = b.chest_point(5 * b.C, sk.ICS[3])
    return math.hypot(nx - mx, ny - my) / math.hypot(nx - px, ny - py)


def segments_toml(m: lm.Marks) -> str:
    add = "existing segment: add the lateral figures"
    rows = [
        ("sternum", "suprasternal-notch", "xiphisternal-junction", "9", add),
        ("upper-abdomen", "xiphisternal-junction", "umbilicus", "8", add),
        ("lower-abdomen", "umbilicus", "pubic-symphysis", "5", add),
        ("upper-arm", "axillary-fold-anterior", "cubital-crease-mid", "9",
         add + " (exactly 9 cun here too: the fold and the crease are set 9 cun apart)"),
        ("thigh", "patella-base", "pubic-symphysis", "18", add),
        ("thigh-back", "gluteal-fold", "popliteal-crease-mid", "14", add),
        ("hip-knee", "greater-trochanter", "popliteal-crease-lateral", "19", add),
        ("leg-anterior", "knee-eye-lateral", "ankle-crease-anterior", "16", add),
        ("leg-lateral", "knee-lateral", "lateral-malleolus", "16", add),
        ("leg-back", "popliteal-crease-mid", "ankle-posterior", "16", add),
        ("neck-back", "posterior-hairline", "c7", "3", add),
        ("chest-side", "nipple", "ics4-midaxillary", fp.num(chest_side_cun(m)),
         "lateral figures only: a local scale for 'cun lateral to the nipple' along the 4th"
         " space (PC1 is 1 cun); it holds near the nipple only, where the chest turns away"
         " from the viewer"),
    ]  # fmt: skip
    out = ["# B-cun segments proposed for the lateral body figures: generated by",
           "# tools/figure_lateral.py, do not edit by hand (the lead merges them into",
           "# data/segments.toml)."]  # fmt: skip
    for name, start, end, cun, note in rows:
        out += ["", "[[segment]]", f"name = {_q(name)}", f"start = {_q(start)}", f"end = {_q(end)}",
                f"cun = {cun}", "views = [" + ", ".join(_q(f) for f in FIGS) + "]",
                f"note = {_q(note)}"]  # fmt: skip
    return "\n".join(out) + "\n"
