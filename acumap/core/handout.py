"""The handout document: which points, in what order, for whom (a pure, versioned model)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from acumap.core.model import Duration

FORMAT_VERSION = 1
Paper = Literal["a4", "letter"]


class HandoutItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    code: Annotated[str, msgspec.Meta(min_length=2, max_length=24)]
    note: str = ""
    duration: Duration | None = None  # overrides the point's own duration


class Handout(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Saved as .acumap.json: {"format": "acumap-handout", "version": 1, ...}."""

    title: str = "Your acupressure points"
    recipient: str = ""
    practitioner: str = ""
    date: str = ""  # ISO date; empty = today when printed
    paper: Paper = "a4"
    pregnant: bool = False
    leave_out_cautioned: bool = False  # when pregnant: drop cautioned points (with a note)
    items: tuple[HandoutItem, ...] = ()

    def codes(self) -> list[str]:
        return [i.code for i in self.items]

    def print_date(self, today: dt.date | None = None) -> str:
        if self.date:
            return self.date
        return (today or dt.date.today()).isoformat()


class HandoutFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    format: Literal["acumap-handout"] = "acumap-handout"
    version: int = FORMAT_VERSION
    handout: Handout = msgspec.field(default_factory=Handout)


class HandoutFormatError(ValueError):
    """A saved handout that cannot be opened; the message says why in one line."""


def dumps(h: Handout) -> bytes:
    return msgspec.json.format(msgspec.json.encode(HandoutFile(handout=h)), indent=2) + b"\n"


def loads(data: bytes, known_codes: set[str] | None = None) -> Handout:
    try:
        head = msgspec.json.decode(data)
    except msgspec.DecodeError as exc:
        raise HandoutFormatError(f"not a valid handout file: {exc}") from None
    if not isinstance(head, dict) or head.get("format") != "acumap-handout":
        raise HandoutFormatError('not an acumap handout (missing "format": "acumap-handout")')
    version = head.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise HandoutFormatError(
            f"made by a newer acumap (format version {version}); this one reads up to "
            f"{FORMAT_VERSION}"
        )
    try:
        h = msgspec.convert(head, HandoutFile).handout
    except msgspec.ValidationError as exc:
        raise HandoutFormatError(f"damaged handout file: {exc}") from None
    if known_codes is not None:
        unknown = [c for c in h.codes() if c not in known_codes]
        if unknown:
            raise HandoutFormatError(f"unknown point code(s): {', '.join(unknown)}")
    return h
