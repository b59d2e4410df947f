"""Hostile data gets one clear line per problem, in bounded time and memory, never a traceback.

Each case copies the real data, breaks one thing the way a careless or hostile editor might
(a folder where a file should be, a FIFO, /dev/zero, a symlink loop, a key with a newline,
TOML nested 100,000 deep, a chain or cycle of 2,000 placements) and reads the lines a user
would read. One case runs the real command line on several of them at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import box

from acumap.core.model import Placement, Point, Segment
from acumap.geometry.figure import Figure
from acumap.geometry.placement import place_on_figure
from acumap.loaders.atlas import MAX_DATA_FILE, load_atlas
from acumap.loaders.problems import LoadError, Problem
from acumap.loaders.resources import data_dir, figures_dir

ROOT = Path(__file__).resolve().parents[1]
# A complete, valid extra point (the one tests/test_loaders.py uses); cases change one thing.
GOOD_POINT = (ROOT / "tests" / "test_loaders.py").read_text(encoding="utf-8")
GOOD_POINT = GOOD_POINT.split('GOOD_POINT = """', 1)[1].split('"""', 1)[0]
DEEP = 100_000


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(data_dir(), tmp_path / "data"))


def problems(data: Path) -> list[str]:
    try:
        load_atlas(data)
    except LoadError as exc:
        return [str(p) for p in exc.problems]
    return []


def run_check(tmp_path: Path, data: Path) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "ACUMAP_CACHE_HOME": str(home / "cache")}
    env |= {"ACUMAP_DATA_HOME": str(home / "data"), "OPENBLAS_NUM_THREADS": "1"}
    env |= {f"XDG_{k}_HOME": str(home / k.lower()) for k in ("CONFIG", "DATA", "CACHE", "STATE")}
    return subprocess.run(
        [sys.executable, "-m", "acumap", "check", "--data", str(data),
         "--figures", str(figures_dir())],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


# -- data files that are not files -------------------------------------------------------------
def test_a_point_file_that_is_a_folder(data: Path) -> None:
    (data / "points" / "XX.toml").mkdir()
    assert problems(data) == ["points/XX.toml: is a folder, not a file"]


def test_a_table_that_is_a_folder_is_one_line_not_one_per_point(data: Path) -> None:
    (data / "meridians.toml").unlink()
    (data / "meridians.toml").mkdir()
    assert problems(data) == ["meridians.toml: is a folder, not a file"]


def test_a_symlink_loop(data: Path) -> None:
    (data / "points" / "XX.toml").symlink_to("XX.toml")
    assert problems(data) == ["points/XX.toml: cannot read: Too many levels of symbolic links"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(data: Path) -> None:
    os.mkfifo(data / "points" / "XX.toml")
    assert problems(data) == ["points/XX.toml: is not a regular file (a pipe, device or socket)"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused(data: Path) -> None:
    (data / "points" / "XX.toml").symlink_to("/dev/zero")
    assert problems(data) == ["points/XX.toml: is not a regular file (a pipe, device or socket)"]


def test_a_huge_file_is_refused_unread(data: Path) -> None:
    with (data / "points" / "XX.toml").open("wb") as fh:
        fh.truncate(MAX_DATA_FILE + 1)  # sparse: costs no disk
    assert problems(data) == ["points/XX.toml: larger than 4 MB, the limit for this file"]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads a chmod 000 file anyway (the other cases cover the same code path)",
)
def test_an_unreadable_file(data: Path) -> None:
    (data / "points" / "ST.toml").chmod(0)
    assert problems(data) == ["points/ST.toml: cannot read: Permission denied"]


# -- what is inside ----------------------------------------------------------------------------
def test_a_key_with_a_newline_stays_on_one_line(data: Path) -> None:
    text = GOOD_POINT.replace("self_care = true", 'self_care = true\n"foo\\nbar" = 1')
    (data / "points" / "ZZ.toml").write_text(text, encoding="utf-8")
    assert problems(data) == ["points/ZZ.toml: EX-TEST1: foo\\nbar: unknown field"]


def test_control_characters_in_a_value_are_escaped(data: Path) -> None:
    text = GOOD_POINT.replace('meridian = "EX"', 'meridian = "Q\\u001b[2J\\u202eQ"')
    (data / "points" / "ZZ.toml").write_text(text, encoding="utf-8")
    said = "points/ZZ.toml: EX-TEST1: meridian: unknown meridian 'Q\\x1b[2J\\u202eQ'"
    assert problems(data) == [said]


def test_every_part_of_a_problem_is_one_short_line() -> None:
    line = str(Problem("a\nb.toml", "P\r1", "f\x00", "x" * 10_000 + "\n"))
    assert line.startswith("a\\nb.toml: P\\r1: f\\x00: xxx")
    assert "\n" not in line and len(line) < 400


@pytest.mark.parametrize(
    "value",
    ["[" * DEEP + "]" * DEEP, "{a = " * DEEP + "1" + "}" * DEEP],
    ids=["arrays", "inline-tables"],
)
def test_toml_nested_100000_deep(data: Path, value: str) -> None:
    (data / "points" / "XX.toml").write_text(f"x = {value}\n", encoding="utf-8")
    said = "points/XX.toml: not valid TOML: arrays or tables nested too deeply"
    assert problems(data) == [said]


def test_a_deeply_nested_value_does_not_name_the_entry(data: Path) -> None:
    text = GOOD_POINT.replace('code = "EX-TEST1"', "code = " + "[" * 300 + "]" * 300)
    (data / "points" / "ZZ.toml").write_text(text, encoding="utf-8")
    assert problems(data) == ["points/ZZ.toml: entry 1: code: Expected `str`, got `array`"]


# -- placement chains and cycles, on a toy figure ----------------------------------------------
TOY = Figure(
    view="front", source="toy.svg", viewbox=(0, 0, 200, 200),
    silhouette_wkb=box(0, 0, 200, 200).wkb, landmarks={"top": (100, 20), "bottom": (100, 120)},
)  # fmt: skip
SEGMENTS = {"trunk": Segment(name="trunk", start="top", end="bottom", cun=10, views=("front",))}


def chain(n: int, last: str) -> dict[str, Point]:
    """P1 at P2, P2 at P3 … Pn at `last`: P1 needs all the others first."""
    pts = {}
    for i in range(1, n + 1):
        at = f"P{i + 1}" if i < n else last
        pts[f"P{i}"] = Point(
            code=f"P{i}", pinyin="p", hanzi="点", english="p", meridian="EX",
            laterality="midline", location="x", how_to_find="x", technique="x",
            pressure="gentle", duration={"seconds_min": 30, "seconds_max": 60},  # type: ignore[arg-type]
            conditions=(), self_care=True, place=(Placement(view="front", at=at),),
        )  # fmt: skip
    return pts


def test_a_chain_of_2000_points_is_placed_without_recursion() -> None:
    placed, trouble = place_on_figure(TOY, chain(2000, "top"), SEGMENTS)
    assert not trouble
    assert len(placed) == 2000 and {(p.x, p.y) for p in placed} == {(100, 20)}


def test_a_cycle_of_2000_points_is_one_short_line_per_point() -> None:
    _, trouble = place_on_figure(TOY, chain(2000, "P1"), SEGMENTS)
    assert [p.code for p in trouble] == [f"P{i}" for i in range(1, 2001)]
    assert {p.field for p in trouble} == {"place.at"}
    said = "placement cycle: P1 -> P2 -> P3 -> P4 -> P5 -> … 1991 more … -> P1997 -> P1998 -> "
    assert trouble[0].message == said + "P1999 -> P2000 -> P1"
    assert len({p.message for p in trouble}) == 1


def test_a_failure_at_the_end_of_a_chain_is_said_once_where_it_is() -> None:
    _, trouble = place_on_figure(TOY, chain(2000, "nowhere"), SEGMENTS)
    said = {(p.code, p.field): p.message for p in trouble}
    assert len(trouble) == len(said) == 2000
    assert said[("P2000", "place.at")] == "unknown landmark or point 'nowhere' on the front figure"
    assert said[("P1", "place.at")] == "P2 could not be placed"


# -- the real command line ---------------------------------------------------------------------
def test_the_command_line_prints_one_line_each_and_exits_1(tmp_path: Path, data: Path) -> None:
    pts = data / "points"
    (pts / "AA.toml").mkdir()
    (pts / "BB.toml").symlink_to("BB.toml")
    (pts / "CC.toml").write_text("x = " + "[" * DEEP + "]" * DEEP, encoding="utf-8")
    bad_key = GOOD_POINT.replace("self_care = true", 'self_care = true\n"a\\nb" = 1')
    (pts / "ZZ.toml").write_text(bad_key, encoding="utf-8")
    out = run_check(tmp_path, data)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        "points/AA.toml: is a folder, not a file",
        "points/BB.toml: cannot read: Too many levels of symbolic links",
        "points/CC.toml: not valid TOML: arrays or tables nested too deeply",
        "points/ZZ.toml: EX-TEST1: a\\nb: unknown field",
        "acumap: 4 problems found",
    ]


def test_the_command_line_places_a_chain_of_2000_points(tmp_path: Path, data: Path) -> None:
    wrist = '"wrist-crease-anterior-mid"'
    one = GOOD_POINT.replace("cun = 2", "cun = 0")  # EX-C1 at EX-C2 … EX-C2000 at the wrist
    text = "".join(
        one.replace('"EX-TEST1"', f'"EX-C{i}"').replace(
            wrist, f'"EX-C{i + 1}"' if i < 2000 else wrist
        )
        for i in range(1, 2001)
    )
    (data / "points" / "ZZ.toml").write_text(text, encoding="utf-8")
    out = run_check(tmp_path, data)
    assert out.returncode == 0, out.stderr
    assert "positions) on 13 figures OK" in out.stdout
