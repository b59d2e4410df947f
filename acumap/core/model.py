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

View = Literal["front", "back"]
Side = Literal["left", "right", "midline"]
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
    """A standard proportional (B-cun) segment between two landmarks or points."""

    name: Code
    start: Text
    end: Text
    cun: Annotated[float, msgspec.Meta(gt=0, le=40)]
    views: tuple[View, ...]
    note: str = ""


class Placement(_Frozen, frozen=True):
    """Where a point is on one view, written the way an atlas writes it.

    Base position: `at` a reference, or `between` two references at `fraction` (0.5 =
    midway). `level_with` then moves the base vertically to that reference's height.
    Then `cun` along `along` (a segment; `toward` overrides its direction), then `across`
    cun perpendicular to it, positive = lateral (away from the midline), negative = medial;
    `across_scale` names the segment that gives the cun size across (default: `along`).
    `across_unit = "finger"` measures across in finger-breadths instead of cun.
    """

    view: View
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
    place: tuple[Placement, ...]
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
