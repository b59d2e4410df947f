"""The atlas model: plain immutable objects, validated by msgspec when data is loaded.

The same Structs are the schema of the TOML files (see docs/data-format.md), so the file
format and the objects the program uses can never drift apart.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Code = Annotated[str, msgspec.Meta(min_length=2, max_length=24)]
Text = Annotated[str, msgspec.Meta(min_length=1)]
Cun = Annotated[float, msgspec.Meta(ge=-40, le=40)]
Fraction = Annotated[float, msgspec.Meta(ge=0, le=1)]

View = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9-]{0,39}$")]  # a figure id
# the label of one site of a point with several (Baxie "index-middle", Jiaji "T1")
SiteLabel = Annotated[str, msgspec.Meta(pattern=r"^([A-Za-z0-9][A-Za-z0-9 -]{0,39})?$")]
Side = Literal["left", "right", "midline"]
Direction = Literal["+x", "-x", "+y", "-y", "toward", "away"]
Laterality = Literal["bilateral", "midline"]
PregnancyLevel = Literal["avoid", "caution"]
Pressure = Literal["gentle", "moderate", "firm"]


class _Frozen(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


class Meridian(_Frozen, frozen=True):
    """One of the 14 channels (or EX for extra points)."""

    code: Code
    english: Text
    pinyin: Text
    hanzi: Text
    color: Annotated[str, msgspec.Meta(pattern=r"^#[0-9a-fA-F]{6}$")]
    point_count: Annotated[int, msgspec.Meta(ge=0, le=100)]
    aliases: tuple[str, ...] = ()
    pathway: tuple[Annotated[str, msgspec.Meta(max_length=200)], ...] = ()  # chains: core/pathway


class Condition(_Frozen, frozen=True):
    """A complaint a user filters by (a tag on points)."""

    code: Code
    label: Text
    group: Text
    description: str = ""


class Caution(_Frozen, frozen=True):
    """A kind of caution, with the reason shown to the user."""

    code: Code
    label: Text
    reason: Text
    pregnancy: bool = False


class Segment(_Frozen, frozen=True):
    """A standard proportional (B-cun) segment: between two landmarks or points, or along a
    curve landmark (`curve`, e.g. the scalp's midline arc: 12 cun between the hairlines),
    whose arc length is then the measure and along which `cun` moves."""

    name: Code
    cun: Annotated[float, msgspec.Meta(gt=0, le=40)]
    views: tuple[View, ...]  # the figures it is measured on
    start: str = ""
    end: str = ""
    curve: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if bool(self.curve) == bool(self.start and self.end):
            raise ValueError("give either start and end, or curve")


Anatomical = Literal[
    "superior", "inferior", "anterior", "posterior", "medial", "lateral", "proximal", "distal"
]


class Placement(_Frozen, frozen=True):
    """Where a point is on one or more figures, written the way an atlas writes it.

    Base position: `at` a reference, or `between` two references at `fraction` (0.5 =
    midway), or `on` a curve landmark (with `arc` cun from its start or from `arc_from`, or at
    `arc_fraction` of its length, or
    where it `meet`s another curve, or level with `level_with`). `level_with` moves the base
    to that reference's level: across the figure's "up" direction, or across the segment
    `level_across` (a tilted forearm). Then `cun` along `along` (a segment, or a curve
    segment followed by arc length; `toward` overrides its direction), then `across` cun
    perpendicular to it, positive = lateral, negative = medial (`across_scale` gives the cun
    size across; `across_unit = "finger"` counts finger-breadths). Then `move`: anatomical
    directions through the figure's frame, e.g. {superior = 1, lateral = 0.5}, in cun of
    `scale` (default: `across_scale`, then `along`).

    `view` names one figure; `figures` several that share the landmark names. A point with
    several sites (Sishencong, Baxie, Jiaji) has one placement per site on a figure, each with
    its `site` label; `midline = true` places a site of a bilateral point once, on the midline.
    """

    view: View | None = None
    figures: tuple[View, ...] = ()
    at: str | None = None
    between: tuple[str, str] | None = None
    fraction: Fraction | None = None  # with `between` only; None means midway
    level_with: str | None = None
    along: str | None = None
    toward: str | None = None
    cun: Cun = 0.0
    across: Cun = 0.0
    across_scale: str | None = None
    across_unit: Literal["cun", "finger"] = "cun"
    on: str | None = None
    arc: Cun | None = None  # negative: back towards the curve's start
    arc_fraction: Fraction | None = None  # that share of the curve's length from its start
    arc_from: str | None = None
    arc_scale: str | None = None
    meet: str | None = None
    level_across: str | None = None
    move: dict[Anatomical, Cun] = {}
    scale: str | None = None
    site: SiteLabel = ""
    midline: bool = False

    def __post_init__(self) -> None:
        if (self.view is None) == (not self.figures):
            raise ValueError("view: give either 'view' or 'figures'")

    def on_figures(self) -> tuple[str, ...]:
        return (self.view,) if self.view is not None else self.figures


class Frame(_Frozen, frozen=True):
    """Which way each anatomical direction points on a figure's page.

    `toward`/`away` mean out of / into the page: on the front view anterior is `toward`.
    """

    up: Direction  # superior
    anterior: Direction
    left: Direction  # the patient's left
    proximal: Direction | None = None  # limbs: towards the trunk


class FigureSpec(_Frozen, frozen=True):
    """One entry of the figure manifest (assets/body_svgs/figures.toml): the only list of
    figures, so nothing else in the program names "front" or "back"."""

    id: View
    file: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_.-]+\.svg$")]
    label: Text
    kind: Literal["body", "close-up"]
    region: Literal["body", "head", "hand", "foot"]
    sides: tuple[Side, ...]
    frame: Frame
    shortcut: Annotated[str, msgspec.Meta(max_length=12)] = ""
    parent: str = ""  # a close-up: the body figure it zooms into


class Landmark(_Frozen, frozen=True):
    """A named structure a placement measures from (data/landmarks/*.toml)."""

    name: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")]
    description: Text
    figures: tuple[View, ...]
    sided: bool
    kind: Literal["point", "curve"] = "point"


class Duration(_Frozen, frozen=True):
    """How long and how often to press."""

    seconds_min: Annotated[int, msgspec.Meta(ge=5, le=600)]
    seconds_max: Annotated[int, msgspec.Meta(ge=5, le=600)]
    repetitions: Annotated[int, msgspec.Meta(ge=1, le=10)] = 1
    per_day: Annotated[int, msgspec.Meta(ge=1, le=6)] = 1

    def __post_init__(self) -> None:
        if self.seconds_min > self.seconds_max:
            raise ValueError("seconds_min is larger than seconds_max")


class PointCaution(_Frozen, frozen=True):
    """A caution on one point: a code from cautions.toml, a level for pregnancy, a reason."""

    code: Code
    level: PregnancyLevel | None = None
    reason: str = ""


class Point(_Frozen, frozen=True):
    """One acupoint with everything the detail panel and the handout show."""

    code: Code
    pinyin: Text
    hanzi: Text
    english: Text
    meridian: Code
    laterality: Laterality
    location: Text
    how_to_find: Text
    technique: Text
    pressure: Pressure
    duration: Duration
    conditions: tuple[str, ...]
    self_care: bool
    place: tuple[Placement, ...] = ()
    no_position: str = ""  # why no figure shows it (inside the mouth): instead of `place`
    pinyin_tones: str = ""
    self_care_reason: str = ""
    cautions: tuple[PointCaution, ...] = ()
    notes: str = ""
    aliases: tuple[str, ...] = ()
    number: int = 0


class Atlas(msgspec.Struct, frozen=True, kw_only=True):
    """Everything read from data/: the single source every view shows."""

    meridians: dict[str, Meridian]
    conditions: dict[str, Condition]
    cautions: dict[str, Caution]
    segments: dict[str, Segment]
    points: dict[str, Point]

    def point(self, code: str) -> Point:
        return self.points[code]

    def meridian_points(self, meridian: str) -> list[Point]:
        """Points of one channel in channel order (the order the pathway line follows)."""
        pts = [p for p in self.points.values() if p.meridian == meridian]
        return sorted(pts, key=lambda p: (p.number, p.code))

    def pregnancy_level(self, point: Point) -> PregnancyLevel | None:
        for c in point.cautions:
            if self.cautions[c.code].pregnancy:
                return c.level or "caution"
        return None
