"""The figure set: one manifest, the landmark contract, and any artwork that keeps it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from acumap.loaders.bundle import load_bundle
from acumap.loaders.resources import data_dir, figures_dir

KEYS = {"id", "file", "label", "kind", "region", "sides"}


def acumap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "acumap", *args],
        capture_output=True, text=True, timeout=120, env=dict(os.environ),
    )  # fmt: skip


def test_acumap_figures_lists_every_figure_of_the_manifest() -> None:
    out = acumap("figures", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) >= 12
    assert all(set(r) == KEYS for r in rows)
    ids = [r["id"] for r in rows]
    assert ids[:2] == ["front", "back"] and len(set(ids)) == len(ids)
    assert {r["region"] for r in rows} == {"body", "head", "hand", "foot"}
    assert {r["kind"] for r in rows} == {"body", "close-up"}
    profile = next(r for r in rows if r["id"] == "lateral-r")
    assert profile["sides"] == ["right", "midline"]


def _distort(folder: Path, sx: float, sy: float) -> None:
    """Every figure wrapped in a non-uniform scale, its viewBox scaled to match."""
    for svg in folder.glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        m = re.search(r'viewBox="([^"]+)"', text)
        assert m is not None
        x, y, w, h = (float(v) for v in m.group(1).split())
        box = f'viewBox="{x * sx} {y * sy} {w * sx} {h * sy}"'
        text = text.replace(m.group(0), box, 1)
        open_end = text.index(">", text.index("<svg")) + 1
        close = text.rindex("</svg>")
        text = (
            f'{text[:open_end]}<g transform="scale({sx} {sy})">'
            f"{text[open_end:close]}</g>{text[close:]}"
        )
        svg.write_text(text, encoding="utf-8")


def test_a_distorted_copy_of_the_figures_places_every_point_as_often(tmp_path: Path) -> None:
    bundled = load_bundle()
    folder = tmp_path / "figures"
    shutil.copytree(figures_dir(), folder)
    _distort(folder, 1.1, 0.93)
    distorted = load_bundle(figures=folder)
    assert len(distorted.positions) == len(bundled.positions)
    st36 = bundled.positions_of("ST36", "front")[0]
    again = distorted.positions_of("ST36", "front")[0]
    assert again.x == pytest.approx(st36.x * 1.1, abs=0.05)
    assert again.y == pytest.approx(st36.y * 0.93, abs=0.05)
    for p in distorted.positions:
        assert distorted.figures[p.view].contains((p.x, p.y)), p


def test_a_missing_landmark_is_reported_once_with_the_points_that_need_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "figures"
    shutil.copytree(figures_dir(), folder)
    svg = folder / "back.svg"
    svg.write_text(svg.read_text().replace('id="l2"', 'id="lumbar-two"'), encoding="utf-8")
    out = acumap("check", "--figures", str(folder))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert lines[0].startswith("back.svg: landmarks: missing landmark 'l2' (needed by ")
    assert lines[1:] == ["acumap: 1 problem found"]


def test_a_figure_set_without_a_manifest_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "figures"
    shutil.copytree(figures_dir(), folder)
    (folder / "figures.toml").unlink()
    out = acumap("check", "--figures", str(folder))
    assert out.returncode == 1
    assert out.stderr.startswith("figures.toml: no figure manifest in ")


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (('id = "back"', 'id = "front"'), "figures.toml: front: id: duplicate"),
        (('left = "+x" }', 'left = "-y" }'), "frame: up, anterior and left must point"),
        (('parent = "back"', 'parent = "nowhere"'), "parent: a close-up names its body figure"),
        (('shortcut = "B"', 'shortcut = "F"'), "figures.toml: shortcut: 'F' is used 2 times"),
    ],
)
def test_a_bad_manifest_is_one_line_per_problem(
    tmp_path: Path, edit: tuple[str, str], says: str
) -> None:
    folder = tmp_path / "figures"
    shutil.copytree(figures_dir(), folder)
    manifest = folder / "figures.toml"
    manifest.write_text(manifest.read_text().replace(*edit, 1), encoding="utf-8")
    out = acumap("check", "--figures", str(folder))
    assert out.returncode == 1
    assert any(says in line for line in out.stderr.splitlines()), out.stderr
    assert "Traceback" not in out.stderr


def test_every_landmark_table_entry_names_known_figures() -> None:
    bundle = load_bundle()
    from acumap.loaders.figure_set import load_landmarks

    problems: list = []  # type: ignore[type-arg]
    table = load_landmarks(data_dir(), problems)
    assert not problems
    for lm in table.values():
        assert set(lm.figures) <= set(bundle.specs), lm.name
