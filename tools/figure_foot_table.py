"""The foot's landmark table (data/landmarks/foot.toml), written by tools/figure_foot.py from
the landmarks the figures actually carry, so table and figures cannot drift apart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figure_foot import Canvas

TOML = Path(__file__).resolve().parents[1] / "data" / "landmarks" / "foot.toml"

# name -> (description, the body figures that also carry it)
POINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "medial-malleolus": ("the prominence (most prominent point) of the medial malleolus, the "
                         "inner ankle bone; 3 cun above the sole (WHO 'prominence', the "
                         "'tip' of EX-LE8 Neihuaijian)", ("front", "back")),
    "medial-malleolus-tip": ("the lower tip of the medial malleolus (its inferior border)", ()),
    "lateral-malleolus": ("the prominence of the lateral malleolus, the outer ankle bone "
                          "(EX-LE9 Waihuaijian); 0.4 cun lower than the medial one",
                          ("front", "back")),
    "lateral-malleolus-tip": ("the lower tip of the lateral malleolus (its inferior border)", ()),
    "ankle-crease-anterior": ("front of the ankle crease between the extensor hallucis longus "
                              "and extensor digitorum longus tendons, level with the malleoli "
                              "(ST41); on the side views on the front edge of the ankle",
                              ("front",)),
    "ankle-posterior": ("the Achilles tendon (its middle) level with the malleolus: on "
                        "foot-inner level with the medial, on foot-outer with the lateral one",
                        ("back",)),
    "heel": ("the back of the heel at its most posterior point", ("back",)),
    "achilles-insertion": ("the attachment of the Achilles (calcaneal) tendon on the back of "
                           "the heel bone (KI4 lies in front of it)", ()),
    "calcaneal-tuberosity": ("the centre of the side of the heel bone's posterior part (the "
                             "calcaneal tuberosity, KI5 lies in front of it)", ()),
    "sole-medial": ("inner edge of the sole directly below the medial malleolus (the 3-cun "
                    "ankle height ends here)", ("front",)),
    "sole-lateral": ("outer edge of the sole directly below the lateral malleolus", ()),
    "navicular-tuberosity": ("the tuberosity of the navicular bone, the bump on the inner "
                             "foot in front of and below the medial malleolus (KI2, SP5)", ()),
    "metatarsal1-base": ("base of the 1st metatarsal on the inner foot (on foot-top its "
                         "upper side)", ("front",)),
    "metatarsal2-base": ("joint of the base of the 2nd metatarsal with the intermediate "
                         "cuneiform on the dorsum, over the dorsalis pedis artery (ST42)", ()),
    "metatarsal-bases-1-2": ("where the bases of the 1st and 2nd metatarsals meet on the "
                             "dorsum (LR3 lies just distal to it)", ()),
    "metatarsal-bases-4-5": ("where the bases of the 4th and 5th metatarsals meet on the "
                             "dorsum (GB41 lies just distal to it)", ()),
    "metatarsal5-tuberosity": ("the tuberosity of the 5th metatarsal (its base) on the outer "
                               "edge of the foot, about midway between heel and 5th MTP joint",
                               ()),
    "cuboid": ("the cuboid bone on the outer foot, behind the 5th metatarsal base (BL63 lies "
               "below it)", ()),
    "sinus-tarsi": ("the hollow in front of and below the lateral malleolus, lateral to the "
                    "extensor digitorum longus tendon (GB40)", ()),
    "toe2-distal-crease": ("middle of the plantar crease of the distal interphalangeal joint of "
                           "the 2nd toe (EX-LE11 Duyin)", ()),
    "sole-heel": ("on the sole: centre of the heel pad", ("back",)),
    "sole-heel-back": ("on the sole: the back edge of the heel, the heel end of the KI1 line "
                       "(sole length without the toes)", ()),
}
for _k in range(1, 6):
    POINTS[f"metatarsal{_k}-head"] = (
        f"head of the {_k}{'st' if _k == 1 else 'nd' if _k == 2 else 'rd' if _k == 3 else 'th'}"
        " metatarsal, the MTP joint: its knuckle on foot-top, its bulge on the side views, the "
        "ball under it on foot-sole", ("front",) if _k == 1 else ())
    POINTS[f"toe{_k}-tip"] = (f"tip of toe {_k} (1 = big toe): the most distal point of its "
                              "pad, in front of the free edge of the nail (EX-LE12 Qiduan)",
                              ("front",))
    POINTS[f"toe{_k}-pad"] = (f"on the sole: centre of the pad of toe {_k}", ())
    for _s, _side in (("medial", "big-toe"), ("lateral", "little-toe")):
        POINTS[f"toe{_k}-nail-{_s}"] = (
            f"the {_s} ({_side} side) corner at the root of the nail of toe {_k}: where the "
            "nail's side border meets its base (the 0.1 F-cun jing-well points lie just "
            "proximal and outside of it)", ())
for _w in ("1-2", "2-3", "3-4", "4-5"):
    POINTS[f"web-toe{_w}"] = (f"web margin between toes {_w[0]} and {_w[2]} on the dorsum, at "
                              "the border of the red and white skin (EX-LE10 Bafeng)",
                              ("front",) if _w != "3-4" else ())
    POINTS[f"sole-web-toe{_w}"] = (f"on the sole: the web margin between toes {_w[0]} and "
                                   f"{_w[2]}", ("back",) if _w == "2-3" else ())

CURVES: dict[str, str] = {
    "ankle-crease": "the ankle crease across the front of the ankle, from medial to lateral",
    "achilles-tendon": "the front (anterior) border of the Achilles tendon, from its "
    "insertion on the heel upwards",
    "sole-border": "the border of the red and white skin along the side of the foot, from "
    "the heel towards the toes",
    "tibia-medial-border": "the medial (posterior) border of the tibia, from the medial "
    "malleolus upwards (SP6, KI8 lie just behind it)",
    "fibula-anterior-border": "the front border of the fibula, from the lateral malleolus "
    "upwards (GB37-GB39 lie just in front of it)",
    "fibula-posterior-border": "the back border of the fibula, from the lateral malleolus "
    "upwards (BL59 lies between it and the Achilles tendon)",
    "tendon-tibialis-anterior": "the tibialis anterior tendon, from the leg down to its "
    "insertion on the inner foot (LR4 lies medial to it)",
    "tendon-extensor-hallucis-longus": "the extensor hallucis longus tendon, from the leg to "
    "the big toe",
    "tendon-extensor-digitorum-longus": "the extensor digitorum longus tendon at the front of "
    "the ankle, from the leg down to where it splits",
    "tendon-extensor-digitorum-toe5": "the slip of the extensor digitorum longus tendon to the "
    "little toe, from the split to the toe (GB41 lies lateral to it)",
}


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml(figs: dict[str, Canvas]) -> str:
    out = ["# Landmarks of the foot close-ups (foot-top, foot-inner, foot-outer, foot-sole).",
           "# Generated by tools/figure_foot.py from the figures: do not edit by hand.",
           "# Curve landmarks are <polyline>s, written in the direction their description says."]
    seen: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for fig, cv in figs.items():
        for full in [*cv.points, *cv.curves]:
            seen.setdefault(full[:-2], []).append(fig)
            kinds[full[:-2]] = "point" if full in cv.points else "curve"
    for name in sorted(seen):
        if kinds[name] == "point":
            desc, body = POINTS[name]
        else:
            desc, body = CURVES[name], ()
        out += ["", "[[landmark]]", f"name = {_q(name)}", f"description = {_q(desc)}",
                f"figures = [{', '.join(_q(f) for f in [*body, *seen[name]])}]",
                "sided = true", f'kind = "{kinds[name]}"']  # fmt: skip
    return "\n".join(out) + "\n"


SEGMENTS_TOML = TOML.with_name("foot-segments.toml")

# name, start, end, figures, note; cun None = measured on the figure (derived, not WHO)
SEGMENTS: tuple[tuple[str, str, str, tuple[str, ...], float | None, str], ...] = (
    ("ankle-height", "medial-malleolus", "sole-medial", ("front", "foot-inner"), 3.0,
     "WHO: prominence of the medial malleolus to the sole, 3 cun (the existing segment: add "
     "foot-inner to its views). On foot-inner it is vertical: negative cun run up the leg "
     "(SP6 -3, KI7/KI8 -2, KI9/LR5 -5; KI6 +1 from the malleolus)"),
    ("ankle-height-lateral", "lateral-malleolus", "sole-lateral", ("foot-outer",), 2.6,
     "derived, not a WHO table entry: the lateral malleolus stands 0.4 cun lower than the "
     "medial one on the body skeleton, so this vertical gives the same body cun on the outer "
     "view (BL59 -3 from BL60, GB39 -3; up the leg is negative)"),
    ("sole-length", "sole-web-toe2-3", "sole-heel-back", ("foot-sole",), None,
     "derived from the figure, not a WHO segment: the sole without the toes, from the web of "
     "the 2nd/3rd toes to the back of the heel (KI1 lies 1/3 of the way: use between/fraction)"),
    ("toe1-nail-width", "toe1-nail-medial", "toe1-nail-lateral", ("foot-top",), None,
     "derived from the figure: the root of the big toenail, medial to lateral corner, in body "
     "cun; a local scale for the 0.1 F-cun offsets of the nail-corner points on the dorsum"),
)


def segments_toml(figs: dict[str, Canvas]) -> str:
    from figure_foot import S

    out = ["# Proportional segments of the foot close-ups, proposed for data/segments.toml:",
           "# generated by tools/figure_foot.py, do not edit by hand."]
    for name, start, end, views, cun, note in SEGMENTS:
        fig = figs[views[-1]]
        (x0, y0), (x1, y1) = fig.points[f"{start}-r"], fig.points[f"{end}-r"]
        measured = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / S
        if cun is not None and abs(measured - cun) > 0.005:
            raise SystemExit(f"{name}: {measured:.3f} cun on {views[-1]}, not {cun}")
        value = cun if cun is not None else round(measured, 3)
        out += ["", "[[segment]]", f"name = {_q(name)}", f"start = {_q(start)}",
                f"end = {_q(end)}", f"cun = {value:g}",
                f"views = [{', '.join(_q(v) for v in views)}]", f"note = {_q(note)}"]  # fmt: skip
    return "\n".join(out) + "\n"
