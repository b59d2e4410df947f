"""Which points may go on a client's handout, and how: one rule for the window, CLI and PDF.

A handout goes home with a client, so a point that is not for self-care (over the carotid,
an intimate area …) is only printed as "practitioner only" with its reason and no home
timing, and a landmark that is never pressed (the nipple, the navel) is never added at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from acumap.core.model import Atlas, Point
from acumap.core.text import is_landmark

PRACTITIONER_ONLY = "Practitioner only — not for pressing at home"


@dataclass(frozen=True)
class AddPlan:
    """What adding some codes to a handout means, before anything is added."""

    self_care: tuple[str, ...]  # added as they are
    practitioner: tuple[str, ...]  # not for self-care: ask, then print as practitioner only
    landmarks: tuple[str, ...]  # never added: found, not pressed

    @property
    def needs_asking(self) -> bool:
        return bool(self.practitioner)


def practitioner_reason(p: Point) -> str:
    """Why a point is printed as practitioner only ("" for a self-care point)."""
    if p.self_care:
        return ""
    return p.self_care_reason.strip() or "Not a point for self-care."


def landmark_codes(atlas: Atlas) -> frozenset[str]:
    return frozenset(c for c, p in atlas.points.items() if is_landmark(p))


def plan_add(atlas: Atlas, codes: Iterable[str]) -> AddPlan:
    ok: list[str] = []
    ask: list[str] = []
    never: list[str] = []
    for code in dict.fromkeys(codes):
        p = atlas.points[code]
        if is_landmark(p):
            never.append(code)
        elif p.self_care:
            ok.append(code)
        else:
            ask.append(code)
    return AddPlan(tuple(ok), tuple(ask), tuple(never))


def landmark_message(atlas: Atlas, codes: Iterable[str]) -> str:
    names = [f"{c} ({atlas.points[c].pinyin})" for c in codes]
    if not names:
        return ""
    verb = "is a landmark" if len(names) == 1 else "are landmarks"
    return f"{', '.join(names)} {verb} for finding other points, not pressed: not added."
