"""Reads data/*.toml into a validated Atlas (msgspec does the schema, we add cross-checks)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from acumap.core.model import Atlas, Caution, Condition, Meridian, Point, Segment
from acumap.core.pathway import PathwayError, parse_chains
from acumap.loaders.problems import LoadError, Problem, UnreadableInput, read_input

T = TypeVar("T")
_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$\.?(?P<path>[^`]*)`)?$", re.DOTALL)  # keys may hold \n
_MISSING = re.compile(r"Object missing required field `(?P<f>[^`]+)`")
_UNKNOWN = re.compile(r"Object contains unknown field `(?P<f>[^`]+)`")
_CODE = re.compile(r"^(?P<m>[A-Z]{2})(?P<n>\d+)$")
# The largest data file is under 100 KB; a limit keeps /dev/zero-like input from eating memory.
MAX_DATA_FILE = 4 * 1024 * 1024


def _split(err: msgspec.ValidationError) -> tuple[str, str]:
    """msgspec's message -> (field path, message) in the words a data editor uses."""
    m = _AT.match(str(err))
    msg, path = (m.group("msg"), m.group("path") or "") if m else (str(err), "")
    for rx, text in ((_MISSING, "missing"), (_UNKNOWN, "unknown field")):
        f = rx.search(msg)
        if f:
            path = f"{path}.{f.group('f')}" if path else f.group("f")
            msg = text
    return path.lstrip("."), msg


def _shown(path: Path) -> str:
    """How an error line names a data file: relative to data/ (`points/ST.toml`)."""
    return f"points/{path.name}" if path.parent.name == "points" else path.name


def parse_toml(path: Path) -> dict[str, Any]:
    """One data file as a dict; ValueError with a one-line reason if it cannot be used."""
    try:
        text = read_input(path, MAX_DATA_FILE).decode("utf-8")
        return tomllib.loads(text)
    except UnreadableInput as exc:
        raise ValueError(str(exc)) from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {exc}") from None
    except RecursionError:  # tomllib is recursive: `x = [[[[…]]]]` thousands deep
        raise ValueError("not valid TOML: arrays or tables nested too deeply") from None


def _read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return parse_toml(path)
    except ValueError as exc:
        problems.append(Problem(_shown(path), "", "", str(exc)))
    return None


def read_table(
    path: Path,
    key: str,
    kind: type[T],
    id_field: str,
    problems: list[Problem],
    unread: set[Path] | None = None,
) -> list[tuple[T, str]]:
    """Each [[key]] entry of a file as a validated struct (bad entries are reported).

    A file that cannot be read at all is added to `unread`, if given.
    """
    doc = _read_toml(path, problems)
    if doc is None:
        if unread is not None:
            unread.add(path)
        return []
    rows = doc.get(key)
    if not isinstance(rows, list):
        problems.append(Problem(_shown(path), "", key, f"expected [[{key}]] tables"))
        return []
    out: list[tuple[T, str]] = []
    for i, row in enumerate(rows):
        ident = row.get(id_field) if isinstance(row, dict) else None
        # only a string names an entry: str() of a deeply nested value would recurse
        name = ident if isinstance(ident, str) and ident else f"entry {i + 1}"
        try:
            out.append((msgspec.convert(row, kind), _shown(path)))
        except msgspec.ValidationError as exc:
            field, msg = _split(exc)
            problems.append(Problem(_shown(path), name, field, msg))
        except RecursionError:
            problems.append(Problem(_shown(path), name, "", "values nested too deeply"))
    return out


def _check_point(p: Point, file: str, atlas: dict[str, Any], problems: list[Problem]) -> None:
    def bad(field: str, msg: str) -> None:
        problems.append(Problem(file, p.code, field, msg))

    # a table that could not be read is None: its one problem is said already, not per point
    if atlas["meridians"] is not None and p.meridian not in atlas["meridians"]:
        bad("meridian", f"unknown meridian '{p.meridian}'")
    m = _CODE.match(p.code)
    if m and m.group("m") != p.meridian:
        bad("meridian", f"code {p.code} belongs to {m.group('m')}, not {p.meridian}")
    if not m and not p.code.startswith("EX-"):
        bad("code", "expected a WHO code like ST36 or an extra-point id like EX-HN3")
    for tag in p.conditions if atlas["conditions"] is not None else ():
        if tag not in atlas["conditions"]:
            bad("conditions", f"unknown condition '{tag}'")
    for pc in p.cautions if atlas["cautions"] is not None else ():
        kind = atlas["cautions"].get(pc.code)
        if kind is None:
            bad("cautions", f"unknown caution '{pc.code}'")
        elif pc.level is not None and not kind.pregnancy:
            bad("cautions", f"'level' is only for the pregnancy caution, not '{pc.code}'")
    if not p.self_care and not p.self_care_reason.strip():
        bad("self_care_reason", "say why the point is not for self-care")
    if p.duration.seconds_min > p.duration.seconds_max:
        bad("duration", "seconds_min is larger than seconds_max")
    if not p.place and not p.no_position.strip():
        bad("place", "the point is placed on no view (say why in 'no_position' if none shows it)")
    if p.place and p.no_position:
        bad("no_position", "a point with placements cannot also say it has no position")
    _check_sites(p, bad)


def _check_sites(p: Point, bad: Callable[[str, str], None]) -> None:
    """One placement per figure, or one per site, each site labelled once per figure."""
    seen: dict[str, list[str]] = {}
    for pl in p.place:
        for v in pl.on_figures():
            seen.setdefault(v, []).append(pl.site)
        if pl.midline and (p.laterality != "bilateral" or not pl.site):
            bad("place.midline", "'midline' is for one site of a bilateral point with several")
    for view, sites in seen.items():
        if len(sites) > 1 and not all(sites):
            bad("place", f"more than one placement for the {view} figure: label each 'site'")
        elif len(set(sites)) < len(sites):
            twice = sorted({s for s in sites if sites.count(s) > 1})
            bad("place.site", f"site '{twice[0]}' is placed twice on the {view} figure")


def _figure_segments(data: Path, segments: dict[str, Segment], problems: list[Problem]) -> None:
    """Each figure region's own segments (data/landmarks/REGION-segments.toml). A name that
    is already a segment only adds the figures it is also measured on, if it is the same
    measure."""
    for path in sorted((data / "landmarks").glob("*-segments.toml")):
        for seg, _ in read_table(path, "segment", Segment, "name", problems):
            have = segments.get(seg.name)
            if have is None:
                segments[seg.name] = seg
            elif (have.start, have.end, have.curve, have.cun) != (
                seg.start, seg.end, seg.curve, seg.cun
            ):  # fmt: skip
                problems.append(
                    Problem(f"landmarks/{path.name}", seg.name, "name", "a different segment "
                            "of this name exists (segments.toml)")
                )  # fmt: skip
            else:
                views = tuple(dict.fromkeys((*have.views, *seg.views)))
                segments[seg.name] = msgspec.structs.replace(have, views=views)


def load_atlas(data: Path) -> Atlas:
    """Read and check every data file; raise LoadError listing every problem found."""
    problems: list[Problem] = []
    parts: dict[str, Any] = {}
    for fname, key, kind, idf in (
        ("meridians.toml", "meridian", Meridian, "code"),
        ("conditions.toml", "condition", Condition, "code"),
        ("cautions.toml", "caution", Caution, "code"),
        ("segments.toml", "segment", Segment, "name"),
    ):
        entries: dict[str, Any] = {}
        unread: set[Path] = set()
        for obj, file in read_table(data / fname, key, kind, idf, problems, unread):
            ident = getattr(obj, idf)
            if ident in entries:
                problems.append(Problem(file, ident, idf, "duplicate"))
            entries[ident] = obj
        parts[key + "s"] = None if unread else entries
    if parts["segments"] is not None:
        _figure_segments(data, parts["segments"], problems)
    for m in (parts["meridians"] or {}).values():
        try:
            parse_chains(m.pathway, m.point_count)
        except PathwayError as exc:
            problems.append(Problem("meridians.toml", m.code, "pathway", str(exc)))
    parts = {
        "meridians": parts["meridians"],
        "conditions": parts["conditions"],
        "cautions": parts["cautions"],
        "segments": parts["segments"],
    }
    points: dict[str, Point] = {}
    origin: dict[str, str] = {}
    point_files = sorted((data / "points").glob("*.toml"))
    if not point_files:
        problems.append(Problem("points/", "", "", f"no point files in {data / 'points'}"))
    for path in point_files:
        for p, file in read_table(path, "point", Point, "code", problems):
            if p.code in points:
                problems.append(
                    Problem(file, p.code, "code", f"duplicate (also in {origin[p.code]})")
                )
                continue
            points[p.code] = p
            origin[p.code] = file
            _check_point(p, file, parts, problems)
    if problems:
        raise LoadError(problems)
    return Atlas(points=points, **parts)


def point_files(atlas_dir: Path) -> dict[str, str]:
    """Which file each point code comes from (for error lines that name the file)."""
    out: dict[str, str] = {}
    for path in sorted((atlas_dir / "points").glob("*.toml")):
        try:
            doc = parse_toml(path)
        except ValueError:
            continue
        rows = doc.get("point")
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and isinstance(row.get("code"), str):
                out.setdefault(row["code"], f"points/{path.name}")
    return out
