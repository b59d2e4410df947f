"""The handout document: which points, in what order, for whom (a pure, versioned model).

A saved handout is user data from anywhere (a colleague's e-mail, a damaged disk), so every
field is checked when it is read: a file is either opened whole or refused with one line
naming the field. Nothing is half-applied.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

import msgspec

from acumap.core.model import Duration

FORMAT_VERSION = 1
MAX_ITEMS = 300  # more points than any handout a person could follow
MAX_BYTES = 2 * 1024 * 1024  # MAX_ITEMS items with long notes stay far below this
Paper = Literal["a4", "letter"]

Line = Annotated[str, msgspec.Meta(max_length=200)]
Note = Annotated[str, msgspec.Meta(max_length=2000)]
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class HandoutItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    code: Annotated[str, msgspec.Meta(min_length=2, max_length=24)]
    note: Note = ""
    duration: Duration | None = None  # overrides the point's own duration


def check_date(text: str) -> None:
    """Empty (today when printed) or a real calendar date written YYYY-MM-DD."""
    if not text:
        return
    if not _ISO_DATE.match(text):
        raise ValueError(f"date: '{text[:40]}' is not a date written YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date: {text} is not a real calendar date") from None
    if not 1900 <= day.year <= 2200:
        raise ValueError(f"date: {text} is outside the years 1900-2200")


class Handout(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Saved as .acumap.json: {"format": "acumap-handout", "version": 1, ...}."""

    title: Line = "Your acupressure points"
    recipient: Line = ""
    practitioner: Line = ""
    date: Annotated[str, msgspec.Meta(max_length=40)] = ""  # ISO date; empty = today
    paper: Paper = "a4"
    pregnant: bool = False  # the recipient's status, set only by the user for this handout
    leave_out_cautioned: bool = False  # when pregnant: drop cautioned points (with a note)
    items: Annotated[tuple[HandoutItem, ...], msgspec.Meta(max_length=MAX_ITEMS)] = ()

    def __post_init__(self) -> None:
        # msgspec turns these into ValidationErrors with the field's path when decoding.
        check_date(self.date)
        seen: set[str] = set()
        for item in self.items:
            if item.code in seen:
                raise ValueError(f"items: {item.code} is listed twice")
            seen.add(item.code)

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


class _Head(msgspec.Struct):
    """Only what is needed to decide how to read the rest (unknown fields are skipped)."""

    format: object = None
    version: object = None


class HandoutFormatError(ValueError):
    """A saved handout that cannot be opened; the message says why in one line."""


def dumps(h: Handout) -> bytes:
    return msgspec.json.format(msgspec.json.encode(HandoutFile(handout=h)), indent=2) + b"\n"


def _where(err: msgspec.ValidationError) -> str:
    """msgspec's "Expected … - at `$.handout.title`" as "handout.title: Expected …"."""
    text = str(err)
    m = re.match(r"^(?P<msg>.*) - at `\$\.?(?P<path>[^`]*)`$", text, re.S)
    if not m:
        return text
    path, msg = m.group("path"), m.group("msg")
    field = re.match(r"^(?P<f>[a-z_]+): (?P<rest>.*)$", msg, re.S)
    if field:  # a check in __post_init__ names its own field
        path, msg = f"{path}.{field.group('f')}", field.group("rest")
    return f"{path}: {msg}"


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def loads(
    data: bytes, known_codes: set[str] | None = None, landmarks: frozenset[str] = frozenset()
) -> Handout:
    """Decode and check a saved handout; HandoutFormatError says what is wrong, in one line."""
    if len(data) > MAX_BYTES:
        raise HandoutFormatError(f"too large to be a handout ({len(data)} bytes)")
    try:
        try:
            head = msgspec.json.decode(data, type=_Head)
        except msgspec.ValidationError:
            head = _Head()
        if head.format != "acumap-handout":
            raise HandoutFormatError('not an acumap handout (missing "format": "acumap-handout")')
        version = head.version
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise HandoutFormatError(f"version: {_one_line(repr(version), 40)} is not a version")
        if version > FORMAT_VERSION:
            raise HandoutFormatError(
                f"made by a newer acumap (format version {version}); this one reads up to "
                f"{FORMAT_VERSION}"
            )
        h = msgspec.json.decode(data, type=HandoutFile).handout
    except msgspec.ValidationError as exc:
        raise HandoutFormatError(_one_line(f"damaged handout file: {_where(exc)}")) from None
    except msgspec.DecodeError as exc:
        raise HandoutFormatError(_one_line(f"not a valid handout file: {exc}")) from None
    except UnicodeDecodeError:
        raise HandoutFormatError("not a valid handout file: not UTF-8 text") from None
    except RecursionError:
        raise HandoutFormatError("not a valid handout file: nested too deeply") from None
    if known_codes is not None:
        unknown = [c for c in h.codes() if c not in known_codes]
        if unknown:
            more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            raise HandoutFormatError(
                _one_line(f"unknown point code(s): {', '.join(unknown[:5])}{more}")
            )
    found = [c for c in h.codes() if c in landmarks]
    if found:
        raise HandoutFormatError(f"items: {', '.join(found[:5])}: a landmark, not a point to press")
    return h
