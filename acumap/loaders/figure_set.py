"""The figure set: the manifest (figures.toml beside the SVGs) and the landmark contract.

The manifest is the only list of figures; the landmark tables (data/landmarks/*.toml) say
which named structures each figure must carry. Both are checked here, once, with one line per
problem, so a clinic's own figure set gets the same clear errors as the bundled one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from acumap.core.model import Direction, FigureSpec, Landmark
from acumap.loaders.atlas import read_table
from acumap.loaders.problems import Problem

MANIFEST = "figures.toml"
_AXIS: dict[Direction, str] = {
    "+x": "x", "-x": "x", "+y": "y", "-y": "y", "toward": "z", "away": "z",
}  # fmt: skip


def _check_frame(spec: FigureSpec, bad: list[str]) -> None:
    f = spec.frame
    axes = [_AXIS[f.up], _AXIS[f.anterior], _AXIS[f.left]]
    if len(set(axes)) != 3:
        bad.append("frame: up, anterior and left must point along three different axes")
    if spec.kind == "close-up" and f.proximal is not None and _AXIS[f.proximal] == "z":
        bad.append("frame: proximal must lie on the page (+x, -x, +y or -y)")


def load_manifest(folder: Path, problems: list[Problem]) -> dict[str, FigureSpec]:
    """The figures of a figure folder, in manifest order (the order views are offered)."""
    path = folder / MANIFEST
    if not path.is_file():
        problems.append(
            Problem(MANIFEST, "", "", f"no figure manifest in {folder} (see docs/figures.md)")
        )
        return {}
    specs: dict[str, FigureSpec] = {}
    for spec, _ in read_table(path, "figure", FigureSpec, "id", problems):
        bad: list[str] = []
        if spec.id in specs:
            bad.append("id: duplicate")
        _check_frame(spec, bad)
        if not spec.sides:
            bad.append("sides: a figure shows at least one side")
        for msg in bad:
            field, _, text = msg.partition(": ")
            problems.append(Problem(MANIFEST, spec.id, field, text))
        if not bad:
            specs[spec.id] = spec
    for field, values in (
        ("file", [s.file for s in specs.values()]),
        ("shortcut", [s.shortcut.upper() for s in specs.values() if s.shortcut]),
    ):
        for value, n in Counter(values).items():
            if n > 1:
                problems.append(Problem(MANIFEST, "", field, f"'{value}' is used {n} times"))
    for spec in specs.values():
        if spec.kind == "close-up" and specs.get(spec.parent) is None:
            problems.append(
                Problem(
                    MANIFEST,
                    spec.id,
                    "parent",
                    f"a close-up names its body figure, not '{spec.parent}'",
                )
            )
    if not specs and not problems:
        problems.append(Problem(MANIFEST, "", "figure", "the manifest lists no figure"))
    return specs


def load_landmarks(data: Path, problems: list[Problem]) -> dict[str, Landmark]:
    """Every landmark table merged: a name in several region files lists all its figures."""
    out: dict[str, Landmark] = {}
    for path in sorted((data / "landmarks").glob("*.toml")):
        if path.name.endswith("-segments.toml"):
            continue
        for lm, file in read_table(path, "landmark", Landmark, "name", problems):
            have = out.get(lm.name)
            if have is None:
                out[lm.name] = lm
            elif (have.sided, have.kind) != (lm.sided, lm.kind):
                problems.append(
                    Problem(file, lm.name, "sided", "disagrees with another landmark table")
                )
            else:
                figs = tuple(dict.fromkeys((*have.figures, *lm.figures)))
                out[lm.name] = Landmark(
                    name=lm.name, description=have.description, figures=figs,
                    sided=lm.sided, kind=lm.kind,
                )  # fmt: skip
    return out


def expected_names(lm: Landmark, sides: Iterable[str]) -> list[str]:
    """The element ids a figure showing `sides` must carry for this landmark."""
    if not lm.sided:
        return [lm.name]
    return [f"{lm.name}-{s[0]}" for s in sides if s in ("left", "right")]


def missing_landmarks(
    spec: FigureSpec, found: Iterable[str], table: Mapping[str, Landmark]
) -> list[str]:
    """Contract landmarks this figure should carry but does not."""
    have = set(found)
    return [
        name
        for lm in table.values()
        if spec.id in lm.figures
        for name in expected_names(lm, spec.sides)
        if name not in have
    ]
