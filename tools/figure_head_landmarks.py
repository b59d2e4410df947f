"""The landmark table of the head figures (data/landmarks/head.toml), written from the SVGs.

Which figures carry a landmark is read from the generated SVGs themselves (and from front.svg
and back.svg for the names they share), so the table cannot drift from the drawings; the
descriptions are below. Curves say which way their points run.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "data" / "landmarks" / "head.toml"
BODY = {"front": ROOT / "assets/body_svgs/front.svg", "back": ROOT / "assets/body_svgs/back.svg"}

P, C = "point", "curve"
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    # midline
    "vertex": (P, "top of the head on the midline"),
    "anterior-hairline": (P, "midpoint of the anterior hairline"),
    "posterior-hairline": (P, "midpoint of the posterior hairline"),
    "glabella": (P, "midpoint between the eyebrows"),
    "nose-tip": (P, "tip of the nose"),
    "subnasale": (P, "base of the nose, top of the philtrum"),
    "upper-lip": (P, "midpoint of the upper lip's vermilion border (bottom of the philtrum)"),
    "upper-lip-tubercle": (P, "the tubercle of the upper lip: middle of its red part (GV27)"),
    "mentolabial-groove": (P, "midpoint of the groove between lower lip and chin"),
    "chin": (P, "lowest point of the chin"),
    "hyoid": (P, "body of the hyoid bone on the midline, between the chin and the thyroid "
                 "cartilage (CV23 is in the hollow above it)"),
    "thyroid-cartilage-superior": (P, "superior border of the thyroid cartilage on the midline "
                                      "(the level of ST9, LI18 and SI16)"),
    "laryngeal-prominence": (P, "Adam's apple"),
    "cricoid-cartilage": (P, "cricoid cartilage on the midline, below the thyroid cartilage "
                             "(the level of ST10 and LI17)"),
    "suprasternal-notch": (P, "jugular notch above the sternum"),
    "external-occipital-protuberance": (P, "bump at the back of the skull"),
    "external-occipital-protuberance-superior": (P, "superior border of the external occipital "
                                                    "protuberance (the level of GV17, BL9, GB19)"),
    "c2": (P, "spinous process of the 2nd cervical vertebra"),
    "c7": (P, "spinous process of the 7th cervical vertebra, the most prominent at the base of "
              "the neck"),
    "scalp-midline": (C, "the scalp's midline arc, from the anterior hairline over the vertex to "
                         "the posterior hairline: 12 cun measured by arc length"),
    # sided points
    "forehead-hairline-corner": (P, "corner of the forehead hairline (ST8 level)"),
    "eyebrow-medial": (P, "medial end of the eyebrow"),
    "eyebrow-center": (P, "point of the eyebrow directly above the pupil"),
    "eyebrow-lateral": (P, "lateral end of the eyebrow"),
    "inner-canthus": (P, "inner corner of the eye"),
    "outer-canthus": (P, "outer corner of the eye"),
    "pupil": (P, "centre of the pupil, looking ahead"),
    "infraorbital-margin": (P, "lower rim of the orbit directly below the pupil"),
    "infraorbital-foramen": (P, "infraorbital foramen, directly below the pupil under the "
                                "infraorbital margin (ST2)"),
    "lateral-orbital-rim": (P, "lateral rim of the orbit level with the outer canthus (GB1 is in "
                               "the hollow beside it)"),
    "cheekbone-lower": (P, "lower border of the cheekbone (zygomatic bone) directly below the "
                           "outer canthus (SI18)"),
    "nose-ala": (P, "outer edge of the nostril wing at its midpoint"),
    "nose-ala-inferior": (P, "lower border of the nostril wing (level of ST3 and of WHO's "
                             "alternative LI20)"),
    "alar-crease-top": (P, "upper end of the groove round the nostril wing, where the alar "
                           "cartilage meets the side of the nose (EX-HN8)"),
    "mouth-corner": (P, "corner of the mouth"),
    "zygomatic-arch": (P, "midpoint of the lower border of the cheekbone arch, in front of the "
                          "ear"),
    "mandibular-notch": (P, "hollow between the coronoid and condylar processes of the mandible, "
                            "below the middle of the zygomatic arch (ST7)"),
    "mandible-condyle": (P, "condylar process of the mandible, just in front of the tragus"),
    "mandible-angle": (P, "angle of the jaw"),
    "facial-artery-notch": (P, "where the facial artery crosses the lower border of the mandible, "
                               "in front of the masseter (ST5)"),
    "superficial-temporal-artery": (P, "pulse of the superficial temporal artery in front of the "
                                       "ear, above the zygomatic arch"),
    "tragus": (P, "the tragus of the ear: the small flap in front of the ear canal"),
    "intertragic-notch": (P, "notch between the tragus and the antitragus, below the tragus"),
    "supratragic-notch": (P, "notch between the tragus and the root of the helix, above the "
                             "tragus"),
    "helix-root": (P, "root of the ear's front edge, where the helix joins the side of the head"),
    "auricular-apex": (P, "apex of the auricle: the highest point of the helix (EX-HN6; with the "
                          "ear folded forward it touches the head at TE20)"),
    "earlobe": (P, "lowest point of the ear lobe"),
    "auricle-root-posterior": (P, "posterior border of the auricle's root, where the back of the "
                                  "ear joins the head (hidden behind the rim in profile; GB9 is "
                                  "directly above it)"),
    "sideburn-posterior": (P, "posterior border of the sideburn (the temple hairline in front of "
                              "the ear); GB7 is straight above it, level with the ear apex"),
    "mastoid": (P, "tip of the mastoid process behind the ear"),
    "scm-origin": (P, "posterior edge of the sternocleidomastoid's origin below the occiput, level "
                      "with GV16 (GB20 lies between it and trapezius-origin)"),
    "trapezius-origin": (P, "lateral edge of the trapezius's origin below the occiput, level with "
                            "GV16"),
    "carotid-pulse": (P, "pulse of the common carotid artery at the front border of the "
                         "sternocleidomastoid, level with the top of the thyroid cartilage"),
    "sternoclavicular": (P, "upper border of the medial end of the clavicle"),
    # sided curves
    "anterior-hairline-line": (C, "the anterior hairline, from its midpoint outward to the corner "
                                  "of the forehead"),
    "posterior-hairline-line": (C, "the posterior hairline, from its midpoint on the nape outward "
                                   "and up to behind the mastoid process"),
    "temple-hairline": (C, "the temple's hairline, from the corner of the forehead down to the "
                           "bottom of the sideburn in front of the ear"),
    "auricular-hairline": (C, "the hairline round the ear, from the bottom of the sideburn's back "
                              "edge up in front of the helix root, over the ear and down behind "
                              "it"),
    "scalp-bl-line": (C, "the line 1.5 cun lateral to the scalp's midline (Bladder line), from "
                         "the anterior hairline's level to the posterior hairline's level; its "
                         "k-th point is level with the k-th point of the same arc on "
                         "scalp-midline, so N/12 of its length is N cun within the hairline"),
    "scalp-gb-line": (C, "the line 2.25 cun lateral to the scalp's midline, above the pupil "
                         "(Gallbladder line GB15-GB18), from the anterior to the posterior "
                         "hairline's level, like scalp-bl-line"),
    "temple-arc": (C, "the curved line from ST8 (0.5 cun above the forehead corner) to GB7 (the "
                      "sideburn's back edge level with the ear apex) inside the temple "
                      "hairline: GB4, GB5, GB6 at its quarters"),
    "mastoid-arc": (C, "the curved line from GB9 (2 cun above the hairline, above the back of "
                       "the auricle's root) round behind the ear to GB12 (behind and below the "
                       "mastoid): GB10 and GB11 at its thirds"),
    "retroauricular-arc": (C, "the curved line behind the ear along the helix, from TE17 (behind "
                              "the lobe) up to TE20 (just above the ear apex): TE19 and TE18 "
                              "at its thirds"),
    "helix": (C, "the rim of the helix behind the ear, from the lobe up to the apex"),
    "infraorbital-rim": (C, "the infraorbital margin from medial to lateral (EX-HN7 at three "
                            "quarters of the way)"),
    "nasolabial-sulcus": (C, "the nasolabial groove, from beside the nostril wing down to beside "
                             "the mouth corner"),
    "zygomatic-arch-lower-border": (C, "lower border of the zygomatic arch, from the cheekbone "
                                       "back towards the ear"),
    "mandible-border": (C, "border of the mandible: in profile from the condyle down the ramus, "
                           "round the angle and along the lower border to the chin; on the face "
                           "from the angle to the chin"),
    "scm-anterior-border": (C, "anterior border of the sternocleidomastoid, from the mastoid "
                               "down to the sternum"),
    "scm-posterior-border": (C, "posterior border of the sternocleidomastoid, from the mastoid "
                                "down to the clavicle"),
    "trapezius-anterior-border": (C, "anterior border of the trapezius, from the occiput down to "
                                     "the shoulder"),
    "mastoid-posterior-border": (C, "posterior border of the mastoid process, from above down to "
                                    "its tip"),
}

FIGURE_ORDER = ["front", "back", "face", "head-side", "head-top"]


def _ids(svg: str) -> set[str]:
    group = svg.split('<g id="landmarks"', 1)[1]
    return set(re.findall(r'<(?:circle|polyline) id="([^"]+)"', group))


def table(svgs: dict[str, str]) -> str:
    """The TOML text, from the generated head SVGs (figure id -> text)."""
    where: dict[str, set[str]] = {}
    sided: dict[str, bool] = {}
    ours = {fig: _ids(text) for fig, text in svgs.items()}
    bases = {_base(n) for names in ours.values() for n in names}
    body = {k: _ids(p.read_text(encoding="utf-8")) for k, p in BODY.items() if p.exists()}
    for fig, names in [*ours.items(), *body.items()]:
        for name in names:
            base = _base(name)
            if base not in DESCRIPTIONS or base not in bases:
                continue  # front/back names that no head figure carries are not ours to list
            where.setdefault(base, set()).add(fig)
            sided[base] = sided.get(base, False) or base != name
    missing = bases - set(where)
    if missing:
        raise SystemExit(f"landmarks without a description: {sorted(missing)}")
    out = ["# Landmarks of the head close-ups (face, head-side, head-top): generated by",
           "# tools/figure_head.py from the SVGs, do not edit by hand.", ""]
    for name in DESCRIPTIONS:
        if name not in where:
            continue
        kind, text = DESCRIPTIONS[name]
        figs = ", ".join(f'"{f}"' for f in FIGURE_ORDER if f in where[name])
        out += ["[[landmark]]", f'name = "{name}"', f'description = "{text}"',
                f"figures = [{figs}]", f"sided = {'true' if sided[name] else 'false'}",
                f'kind = "{kind}"', ""]
    return "\n".join(out)


def _base(name: str) -> str:
    return re.sub(r"-[lr]$", "", name)
