"""What goes on a handout page: pure composition, shared by the PDF, the printer and the preview.

The Qt renderer only draws what this module decides: which figures carry which numbered
markers, the numbered entries in order, the precautions and the pregnancy warning. Text
measurement is Qt's job, so pagination here works on heights the renderer measured.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from acumap.core.handout import Handout
from acumap.core.handout_rules import practitioner_reason
from acumap.core.model import Atlas, FigureSpec
from acumap.core.text import GENERAL_PRECAUTIONS, point_duration, side_labels

MAX_PAGE_FIGURES = 3  # body figures side by side on page 1 beside the precautions
MAX_CLOSEUPS = 2  # close-ups added to page 1 where chosen points crowd (a hand, a foot)


class Placed(Protocol):
    """A computed position (geometry.placement.Position has this shape)."""

    @property
    def view(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...


PositionsOf = Callable[[str], Sequence[Placed]]


@dataclass(frozen=True)
class Marker:
    number: int
    code: str
    side: str
    x: float
    y: float


@dataclass(frozen=True)
class FigurePlan:
    """One figure on page 1 with the numbered markers of the chosen points it shows."""

    view: str
    markers: tuple[Marker, ...]
    label: str = ""  # the figure's name, as the manifest gives it
    sides: tuple[str, str] = ("", "")  # what to print at the figure's left and right edges


@dataclass(frozen=True)
class CautionLine:
    label: str
    reason: str
    pregnancy: bool


@dataclass(frozen=True)
class Entry:
    """One numbered point on the handout."""

    number: int
    code: str
    pinyin: str
    hanzi: str
    english: str
    meridian: str
    color: str
    where: str
    how_to_find: str
    technique: str
    duration: str
    cautions: tuple[CautionLine, ...]
    note: str
    pregnancy_flag: bool  # traditionally cautioned in pregnancy and the recipient is pregnant
    views: tuple[str, ...]
    practitioner_only: str = ""  # the reason, for a point not for self-care ("" otherwise)
    focus: tuple[str, Marker] | None = None  # (view, marker) for the close-up beside the entry
    # a point with several sites: every site on the focus figure (Baxie shows its four)
    sites: tuple[Marker, ...] = ()


@dataclass(frozen=True)
class HandoutDoc:
    title: str
    recipient: str
    practitioner: str
    date: str
    paper: str
    figures: tuple[FigurePlan, ...]
    entries: tuple[Entry, ...]
    precautions: tuple[str, ...]
    pregnancy_warning: str  # "" when not pregnant or nothing chosen is cautioned
    left_out: tuple[str, ...]  # codes dropped because the recipient is pregnant
    closeups: frozenset[str] = frozenset()  # figure ids that are close-ups (crop them wider)

    @property
    def footer(self) -> str:
        return self.title


def _names(codes: Sequence[str], atlas: Atlas) -> str:
    parts = [f"{c} ({atlas.points[c].pinyin})" for c in codes]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def pregnancy_text(cautioned: Sequence[str], left_out: bool, atlas: Atlas) -> str:
    if not cautioned:
        return ""
    names = _names(cautioned, atlas)
    one = len(cautioned) == 1
    if left_out:
        return (
            f"Pregnancy: {names} {'is' if one else 'are'} traditionally cautioned in pregnancy "
            f"and {'has' if one else 'have'} been left out of this handout."
        )
    return (
        f"Pregnancy: {names} {'is' if one else 'are'} traditionally cautioned in pregnancy. "
        "Sources disagree; do not press "
        f"{'it' if one else 'them'} while pregnant unless your midwife, doctor or a qualified "
        "practitioner has advised you to."
    )


def plan_body_figures(
    shown_on: Sequence[Sequence[str]], body: Sequence[str], limit: int = MAX_PAGE_FIGURES
) -> list[str]:
    """The fewest body figures (in manifest order on ties) that show every chosen point that
    any body figure shows: greedy set cover, so a front-only handout draws only the front."""
    todo = [set(views) & set(body) for views in shown_on]
    todo = [v for v in todo if v]
    chosen: list[str] = []
    while todo and len(chosen) < limit:
        best = max(body, key=lambda f: (sum(f in v for v in todo), -body.index(f)))
        if not any(best in v for v in todo):
            break
        chosen.append(best)
        todo = [v for v in todo if best not in v]
    return sorted(chosen, key=body.index)


def compose(
    handout: Handout,
    atlas: Atlas,
    positions_of: PositionsOf,
    today: dt.date | None = None,
    figures: Sequence[FigureSpec] = (),
) -> HandoutDoc:
    """Decide everything on the handout from the saved handout and the atlas.

    `figures` is the manifest (its order is the order of preference); without it every figure
    a point is on is treated as a body figure, in the order the positions come.
    """
    order = [f.id for f in figures]
    closeups = {f.id for f in figures if f.kind == "close-up"}

    def rank(view: str) -> int:
        return order.index(view) if view in order else len(order)

    cautioned = [c for c in handout.codes() if atlas.pregnancy_level(atlas.points[c])]
    drop = handout.pregnant and handout.leave_out_cautioned
    left_out = tuple(cautioned) if drop else ()
    items = [i for i in handout.items if i.code not in left_out]

    entries: list[Entry] = []
    markers: dict[str, list[Marker]] = {}
    for number, item in enumerate(items, start=1):
        p = atlas.points[item.code]
        m = atlas.meridians[p.meridian]
        reason = practitioner_reason(p)
        views: list[str] = []
        mine: list[tuple[str, Marker]] = []
        for pos in positions_of(p.code):
            marker = Marker(number, p.code, pos.side, pos.x, pos.y)
            markers.setdefault(pos.view, []).append(marker)
            mine.append((pos.view, marker))
            if pos.view not in views:
                views.append(pos.view)
        # the thumbnail: a close-up figure when there is one (the one with most sites, for a
        # point with several), else the first body view; the patient's right side (the left
        # is its mirror)
        count = Counter(v for v, _ in mine)
        mine.sort(
            key=lambda vm: (
                vm[0] not in closeups,
                -count[vm[0]],
                rank(vm[0]),
                vm[1].side != "right",
            )
        )
        cautions = tuple(
            CautionLine(
                atlas.cautions[c.code].label,
                c.reason or atlas.cautions[c.code].reason,
                atlas.cautions[c.code].pregnancy,
            )
            for c in p.cautions
        )
        entries.append(
            Entry(
                number=number,
                code=p.code,
                pinyin=p.pinyin,
                hanzi=p.hanzi,
                english=p.english,
                meridian=m.english,
                color=m.color,
                where=p.location,
                how_to_find=p.how_to_find,
                technique=p.technique,
                # a point not for self-care gets no home timing at all
                duration="" if reason else point_duration(p, item.duration),
                practitioner_only=reason,
                cautions=cautions,
                note=item.note.strip(),
                pregnancy_flag=handout.pregnant and p.code in cautioned,
                views=tuple(sorted(views, key=rank)),
                focus=mine[0] if mine else None,
                # a point with several sites shows them all (Sishencong: four around GV20)
                sites=tuple(m for v, m in mine if v == mine[0][0])
                if mine and any(pl.site for pl in p.place)
                else (),
            )
        )
    body = [v for v in sorted(markers, key=rank) if v not in closeups]
    page_figures = plan_body_figures([e.views for e in entries], body)
    specs = {f.id: f for f in figures}

    def plan(view: str) -> FigurePlan:
        spec = specs.get(view)
        if spec is None:
            return FigurePlan(view, tuple(markers[view]), view.title())
        sides = side_labels(spec.frame.left, spec.sides, spec.kind == "close-up")
        return FigurePlan(view, tuple(markers[view]), spec.label, sides)

    # where two or more chosen points share a close-up (a hand, a foot, the face) they crowd
    # on the body figure: page 1 shows that close-up too
    crowded = [
        v
        for v in sorted(markers, key=rank)
        if v in closeups and len({m.code for m in markers[v]}) >= 2
    ][:MAX_CLOSEUPS]
    plans = tuple(plan(view) for view in [*page_figures, *crowded])
    warning = pregnancy_text(cautioned, drop, atlas) if handout.pregnant else ""
    return HandoutDoc(
        title=handout.title.strip() or "Your acupressure points",
        recipient=handout.recipient.strip(),
        practitioner=handout.practitioner.strip(),
        date=handout.print_date(today),
        paper=handout.paper,
        figures=plans,
        entries=tuple(entries),
        precautions=GENERAL_PRECAUTIONS,
        pregnancy_warning=warning,
        left_out=left_out,
        closeups=frozenset(closeups),
    )


def paginate(heights: Sequence[float], first: float, rest: float, gap: float) -> list[list[int]]:
    """Flow blocks onto pages without cutting one in half.

    `first` is the room left on page 1 (after the figures and the precautions), `rest` the
    room on every later page. A block taller than a whole page gets a page of its own (the
    renderer keeps entries well below that).
    """
    pages: list[list[int]] = [[]]
    room = first
    for i, h in enumerate(heights):
        need = h if not pages[-1] else h + gap
        if need > room and (pages[-1] or room < rest):
            pages.append([])
            room = rest
            need = h
        pages[-1].append(i)
        room -= need
    return pages
