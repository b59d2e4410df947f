"""Everything the program shows, loaded and checked once: atlas, figures, positions."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from acumap.core.model import Atlas
from acumap.geometry.figure import Figure
from acumap.geometry.placement import Position, place_on_figure
from acumap.loaders.atlas import load_atlas, point_files
from acumap.loaders.figures import load_figures
from acumap.loaders.problems import LoadError, Problem
from acumap.loaders.resources import data_dir, figures_dir

if TYPE_CHECKING:
    from acumap.geometry.hitindex import HitIndex


@dataclass
class Bundle:
    atlas: Atlas
    figures: dict[str, Figure]
    positions: list[Position]
    _by_code: dict[str, list[Position]] = field(default_factory=dict, repr=False)
    _indexes: dict[str, HitIndex] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for p in self.positions:
            self._by_code.setdefault(p.code, []).append(p)

    def positions_of(self, code: str, view: str | None = None) -> list[Position]:
        return [p for p in self._by_code.get(code, []) if view is None or p.view == view]

    def views_of(self, code: str) -> list[str]:
        return sorted({p.view for p in self._by_code.get(code, [])}, key=("front", "back").index)

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
                atlas, figs, positions = hit
                return Bundle(atlas=atlas, figures=figs, positions=positions)
    bundle = _load_checked(data, folder)
    if key is not None:
        cache.write_cached(key, bundle.atlas, bundle.figures, bundle.positions)
    return bundle


def _load_checked(data: Path, folder: Path) -> Bundle:
    problems: list[Problem] = []
    try:
        atlas = load_atlas(data)
    except LoadError as exc:
        problems.extend(exc.problems)
        atlas = None
    figs = load_figures(folder, problems)
    if atlas is None or problems:
        raise LoadError(problems)
    files = point_files(data)
    positions = []
    for fig in figs.values():
        placed, trouble = place_on_figure(fig, atlas.points, atlas.segments)
        positions.extend(placed)
        for t in trouble:
            where = f"{files.get(t.code, 'points')} ({fig.source})"
            problems.append(Problem(where, t.code, t.field, t.message))
    if problems:
        raise LoadError(problems)
    return Bundle(atlas=atlas, figures=figs, positions=positions)
