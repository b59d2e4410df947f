"""Everything the program shows, loaded and checked once: atlas, figures, positions."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from acumap.core.model import Atlas, FigureSpec
from acumap.geometry.figure import Figure, FigureFormatError
from acumap.geometry.placement import PlacementProblem, Position, place_on_figure, spine_pair
from acumap.loaders.atlas import load_atlas, point_files
from acumap.loaders.figure_set import load_landmarks, load_manifest, missing_landmarks
from acumap.loaders.figures import load_figure
from acumap.loaders.problems import LoadError, Problem
from acumap.loaders.resources import data_dir, figures_dir

if TYPE_CHECKING:
    from acumap.geometry.hitindex import HitIndex


@dataclass
class Bundle:
    atlas: Atlas
    specs: dict[str, FigureSpec]  # the manifest, in its order: the only list of figures
    figures: dict[str, Figure]
    positions: list[Position]
    spacing: dict[str, float] = field(default_factory=dict)  # per figure: see typical_spacing
    _by_code: dict[str, list[Position]] = field(default_factory=dict, repr=False)
    _indexes: dict[str, HitIndex] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for p in self.positions:
            self._by_code.setdefault(p.code, []).append(p)

    def manifest(self) -> list[FigureSpec]:
        return list(self.specs.values())

    def positions_of(self, code: str, view: str | None = None) -> list[Position]:
        return [p for p in self._by_code.get(code, []) if view is None or p.view == view]

    def views_of(self, code: str) -> list[str]:
        """The figures that show a point, body figures first, each in manifest order."""
        order = list(self.specs)
        views = {p.view for p in self._by_code.get(code, [])}
        return sorted(views, key=lambda v: (self.specs[v].kind != "body", order.index(v)))

    def on_view(self, view: str) -> list[Position]:
        return [p for p in self.positions if p.view == view]

    def hit_index(self, view: str) -> HitIndex:
        """Built on first use: the first frame does not need it."""
        if view not in self._indexes:
            from acumap.geometry.hitindex import HitIndex  # shapely + numpy: not for frame one

            self._indexes[view] = HitIndex(self.on_view(view))
        return self._indexes[view]


def load_bundle(
    data: Path | None = None, figures: Path | None = None, cached: bool = False
) -> Bundle:
    """Load data and figures and place every point; LoadError lists every problem.

    With `cached`, a bundle checked and placed before from the very same files is reused
    (see loaders.cache); otherwise, or when there is none, everything is read and checked.
    """
    data = data or data_dir()
    folder = figures or figures_dir()
    key = None
    if cached:
        from acumap.loaders import cache

        with contextlib.suppress(OSError):
            key, svgs = cache.cache_key(data, folder)
            hit = cache.read_cached(key, svgs)
            if hit is not None:
                return hit
    bundle = _load_checked(data, folder)
    if key is not None:
        cache.write_cached(key, bundle)
    return bundle


def _load_figures(
    folder: Path, specs: dict[str, FigureSpec], problems: list[Problem]
) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for spec in specs.values():
        path = folder / spec.file
        try:
            fig = load_figure(path, spec.id)
        except FigureFormatError as exc:
            problems.append(Problem(path.name, exc.item, exc.field, str(exc)))
            continue
        out[spec.id] = dataclasses.replace(fig, frame=spec.frame, sides=spec.sides)
    return out


_UNKNOWN = re.compile(r"unknown landmark or point '([^']+)'")
_DEPENDS = re.compile(r"^(\S+) could not be placed$")


def _landmark_problems(
    fig: Figure, trouble: list[PlacementProblem], table_missing: list[str]
) -> tuple[list[Problem], list[PlacementProblem]]:
    """A contract landmark the figure lacks is one line, with how many points need it
    (directly or through a point placed from it), instead of one line per point. A name the
    contract does not know stays a problem of the point that uses it (a typo in the data)."""
    absent = {n for name in table_missing for n in (name, name[:-2])}
    cause: dict[str, str] = {}
    for t in trouble:
        m = _UNKNOWN.search(t.message)
        if m is None:
            continue
        # "l1.inferior" needs both l1 and l2
        needs = spine_pair(m.group(1)) or (m.group(1).partition(".")[0],)
        for name in needs:
            if name in absent:
                cause[t.code] = name
                break
    depends = {t.code: m.group(1) for t in trouble if (m := _DEPENDS.match(t.message))}
    for code in depends:
        seen, at = set(), code
        while at in depends and at not in seen and at not in cause:
            seen.add(at)
            at = depends[at]
        if at in cause:
            cause[code] = cause[at]
    needed: dict[str, set[str]] = defaultdict(set)
    for code, name in cause.items():
        needed[name].add(code)
    names = dict.fromkeys([*table_missing, *needed])

    def line(name: str) -> Problem:
        n = len(needed.get(name, ()))
        message = f"missing landmark '{name}' (needed by {n} point{'s' if n != 1 else ''})"
        return Problem(fig.source, "", "landmarks", message)

    lines = [line(n) for n in names]
    rest = [t for t in trouble if t.code not in cause]
    return lines, rest


def _load_checked(data: Path, folder: Path) -> Bundle:
    problems: list[Problem] = []
    try:
        atlas = load_atlas(data)
    except LoadError as exc:
        problems.extend(exc.problems)
        atlas = None
    specs = load_manifest(folder, problems)
    table = load_landmarks(data, problems)
    figs = _load_figures(folder, specs, problems)
    if atlas is None or problems:
        raise LoadError(problems)
    files = point_files(data)
    positions = []
    for fig in figs.values():
        placed, trouble = place_on_figure(fig, atlas.points, atlas.segments)
        positions.extend(placed)
        absent = missing_landmarks(specs[fig.view], [*fig.landmarks, *fig.curves], table)
        lines, trouble = _landmark_problems(fig, trouble, absent)
        problems.extend(lines)
        for t in trouble:
            where = f"{files.get(t.code, 'points')} ({fig.source})"
            problems.append(Problem(where, t.code, t.field, t.message))
    if problems:
        raise LoadError(problems)
    from acumap.geometry.hitindex import typical_spacing

    spacing = {v: typical_spacing([p for p in positions if p.view == v]) for v in figs}
    return Bundle(atlas=atlas, specs=specs, figures=figs, positions=positions, spacing=spacing)
