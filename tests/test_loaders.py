"""Bad input gets one clear line naming file, point and field, exit status 1, no traceback.

Each case breaks a copy of the real data or figures in one way, runs `acumap check` on it the
way a data editor would, and reads what they would read.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from acumap.cli import main

ROOT = Path(__file__).resolve().parents[1]

# A complete, valid extra point; each case changes one thing about it.
GOOD_POINT = """
[[point]]
code = "EX-TEST1"
pinyin = "Ceshi"
hanzi = "测试"
english = "Test Point"
meridian = "EX"
laterality = "bilateral"
location = "Two cun above the wrist crease."
how_to_find = "Two thumb-widths up the forearm."
technique = "Press with the thumb."
pressure = "moderate"
duration = { seconds_min = 30, seconds_max = 60 }
conditions = ["nausea"]
cautions = []
self_care = true

[[point.place]]
view = "front"
at = "wrist-crease-anterior-mid"
along = "forearm"
cun = 2
"""
# a second placement on the front figure, and the whole first placement
SECOND = '\n\n[[point.place]]\nview = "front"\nat = "wrist-crease-anterior-mid"\n'
PLACE = GOOD_POINT[GOOD_POINT.index("[[point.place]]") :]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A writable copy of data/ and the figures."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "assets" / "body_svgs", tmp_path / "figures")
    return tmp_path


def check(tree: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    args = ["check", "--data", str(tree / "data"), "--figures", str(tree / "figures")]
    with pytest.raises(SystemExit) as exc:
        main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return int(exc.value.code or 0), err.strip().splitlines()


def add_point(tree: Path, text: str) -> None:
    (tree / "data" / "points" / "ZZ.toml").write_text(text, encoding="utf-8")


def test_the_real_data_checks_ok(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_point(tree, GOOD_POINT)
    status = main(["check", "--data", str(tree / "data"), "--figures", str(tree / "figures")])
    out = capsys.readouterr().out
    assert status == 0
    assert out.strip().endswith("positions) on 13 figures OK")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("", "this is = = not toml"), "points/ZZ.toml"),  # appended garbage: file named
        (('pressure = "moderate"\n', ""), "ZZ.toml: EX-TEST1: pressure: missing"),
        (('pressure = "moderate"', 'pressure = "hard"'), "ZZ.toml: EX-TEST1: pressure:"),
        (("seconds_min = 30", 'seconds_min = "thirty"'), "EX-TEST1: duration.seconds_min:"),
        (('meridian = "EX"', 'meridian = "QQ"'), "EX-TEST1: meridian: unknown meridian 'QQ'"),
        (('["nausea"]', '["hiccups"]'), "EX-TEST1: conditions: unknown condition 'hiccups'"),
        (("cautions = []", 'cautions = [{ code = "spicy" }]'), "cautions: unknown caution 'spicy'"),
        (("self_care = true", "self_care = false"), "EX-TEST1: self_care_reason: say why"),
        (('code = "EX-TEST1"', 'code = "Point1"'), "Point1: code: expected a WHO code"),
        (("self_care = true", "self_care = true\ncolour = 'red'"), "colour: unknown field"),
        (('at = "wrist-crease-anterior-mid"', 'at = "wrist-bone"'), "unknown landmark or point"),
        (('along = "forearm"', 'along = "shin"'), "EX-TEST1: place.along: unknown segment"),
        (("cun = 2", "cun = 30"), "EX-TEST1: place: lands outside the front silhouette"),
        (("cun = 2", "cun = 2\nfraction = 0.3"), "EX-TEST1: place.fraction: 'fraction' goes with"),
        # several sites: each labelled, once per figure; a point no figure shows says why
        (("cun = 2", f"cun = 2{SECOND}"), "EX-TEST1: place: more than one placement for the front"),
        (
            ("cun = 2", f'cun = 2\nsite = "a"{SECOND}site = "a"'),
            "place.site: site 'a' is placed twice",
        ),
        (("cun = 2", "cun = 2\nmidline = true"), "place.midline: 'midline' is for one site"),
        (("cun = 2", 'cun = 2\nsite = "a b?"'), "EX-TEST1: place[0].site: Expected `str` matching"),
        (("self_care = true", 'self_care = true\nno_position = "x"'), "EX-TEST1: no_position: a"),
        ((PLACE, ""), "EX-TEST1: place: the point is placed on no view (say why in 'no_position'"),
    ],
)
def test_each_kind_of_bad_point_is_one_clear_line(
    tree: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], expected: str
) -> None:
    old, new = change
    text = GOOD_POINT + new if old == "" else GOOD_POINT.replace(old, new, 1)
    assert text != GOOD_POINT
    add_point(tree, text)
    status, lines = check(tree, capsys)
    assert status == 1
    assert any(expected in line for line in lines), lines
    assert lines[-1].startswith("acumap: ") and "problem" in lines[-1]


def test_a_duplicate_code_names_both_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_point(tree, GOOD_POINT.replace('"EX-TEST1"', '"PC6"').replace('"EX"', '"PC"'))
    status, lines = check(tree, capsys)
    assert status == 1
    said = "points/ZZ.toml: PC6: code: duplicate (also in points/PC.toml)"
    assert said in lines, lines


def test_a_placement_cycle_is_reported(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    two = GOOD_POINT.replace('at = "wrist-crease-anterior-mid"', 'at = "EX-TEST2"')
    two += GOOD_POINT.replace('code = "EX-TEST1"', 'code = "EX-TEST2"').replace(
        'at = "wrist-crease-anterior-mid"', 'at = "EX-TEST1"'
    )
    add_point(tree, two)
    status, lines = check(tree, capsys)
    assert status == 1
    assert any("placement cycle" in line and "EX-TEST1" in line for line in lines), lines


def _edit_svg(tree: Path, view: str, old: str, new: str) -> None:
    path = tree / "figures" / f"{view}.svg"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_figure_without_a_silhouette(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit_svg(tree, "front", 'id="silhouette"', 'id="outline"')
    status, lines = check(tree, capsys)
    assert status == 1
    assert "front.svg: silhouette: no <path id='silhouette'>" in lines


def test_a_missing_landmark_names_the_points_that_need_it(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_svg(tree, "front", 'id="umbilicus"', 'id="navel"')
    status, lines = check(tree, capsys)
    assert status == 1
    # once, for the figure, with how many points need it (directly or through another point)
    assert lines[0].startswith("front.svg: landmarks: missing landmark 'umbilicus' (needed by ")
    assert int(lines[0].split("needed by ")[1].split()[0]) >= 10
    assert lines[1:] == ["acumap: 1 problem found"]


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
        '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["entity-expansion", "external-entity"],
)
def test_an_svg_with_entities_is_refused(
    tree: Path, capsys: pytest.CaptureFixture[str], prolog: str
) -> None:
    _edit_svg(tree, "back", "<svg ", prolog + "\n<svg ")
    status, lines = check(tree, capsys)
    assert status == 1
    assert "back.svg: xml: refused: the SVG declares a DTD or entities" in lines[0]


def test_a_missing_data_file_is_named(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "data" / "cautions.toml").unlink()
    status, lines = check(tree, capsys)
    assert status == 1
    assert f"cautions.toml: file not found ({tree / 'data' / 'cautions.toml'})" in lines


def test_the_console_script_prints_no_traceback(tree: Path) -> None:
    add_point(tree, GOOD_POINT.replace('meridian = "EX"', 'meridian = "QQ"'))
    out = subprocess.run(
        [sys.executable, "-m", "acumap", "check", "--data", str(tree / "data")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "ZZ.toml: EX-TEST1: meridian: unknown meridian 'QQ'" in out.stderr
