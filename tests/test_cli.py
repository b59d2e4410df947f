"""The headless command line: the contract other tools and the tests of other issues rely on."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from acumap.cli import main

# Every point the foundation issue names, and the whole ST, PC and CV channels.
SELF_CARE_SET = [
    "GV20", "EX-HN3", "EX-HN5", "GB20", "BL2", "LI20", "GV26", "GB14", "TE17", "EX-ANMIAN",
    "BL10", "GB21", "GV14", "SI11", "LI4", "LI10", "LI11", "HT7", "LU1", "LU7",
    "LU9", "TE5", "SI3", "KI27", "BL13", "BL20", "BL23", "GV4", "BL32", "BL40",
    "BL57", "BL60", "BL67", "GB30", "SP4", "SP6", "SP8", "SP9", "SP10", "GB34",
    "GB39", "LR3", "KI1", "KI3", "KI6", "BL62",
]  # fmt: skip
CHANNELS = (
    [f"ST{n}" for n in range(1, 46)]
    + [f"PC{n}" for n in range(1, 10)]
    + [f"CV{n}" for n in range(1, 25)]
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def records() -> list[dict[str, object]]:
    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["points", "--format", "json"]) == 0
    return json.loads(buf.getvalue())


def test_json_lists_every_named_point_with_positions(records: list[dict[str, object]]) -> None:
    by_code = {r["code"]: r for r in records}
    missing = [c for c in SELF_CARE_SET + CHANNELS if c not in by_code]
    assert not missing
    for code in SELF_CARE_SET + CHANNELS:
        assert by_code[code]["positions"], f"{code} is on no figure"


FIGURE_IDS = {
    "front",
    "back",
    "lateral-r",
    "lateral-l",
    "face",
    "head-side",
    "head-top",
    "hand-palm",
    "hand-back",
    "foot-top",
    "foot-inner",
    "foot-outer",
    "foot-sole",
}


def test_json_objects_keep_the_documented_shape(records: list[dict[str, object]]) -> None:
    keys = {"code", "meridian", "pinyin", "hanzi", "english", "conditions", "cautions"}
    keys |= {"self_care", "positions"}
    for r in records:
        # a point no figure shows says why instead of listing positions
        assert set(r) == (keys | {"no_position"} if not r["positions"] else keys)
        for pos in r["positions"]:  # type: ignore[attr-defined]
            # a point with several sites names the site of each position
            assert set(pos) - {"site"} == {"view", "side", "x", "y"}
            assert pos["view"] in FIGURE_IDS
            assert pos["side"] in ("left", "right", "midline")
            assert 0 <= pos["x"] <= 900 and 0 <= pos["y"] <= 1800
    st36 = next(r for r in records if r["code"] == "ST36")
    assert st36["pinyin"] == "Zusanli" and st36["hanzi"] == "足三里"
    assert {p["side"] for p in st36["positions"]} == {"left", "right"}  # type: ignore[attr-defined]


def test_filters_by_meridian_alias_and_condition(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "points", "--meridian", "Ren", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["code"] for r in rows] == [f"CV{n}" for n in range(1, 25)]
    status, out, _ = run(capsys, "points", "--condition", "nausea", "--format", "json")
    codes = {r["code"] for r in json.loads(out)}
    assert {"PC6", "ST36", "CV12"} <= codes
    assert "BL40" not in codes
    status, out, _ = run(capsys, "points", "--view", "back")
    assert "BL40" in out and "ST36" not in out


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("LV3", "LR3"), ("SJ5", "TE5"), ("TB5", "TE5"), ("Du20", "GV20"), ("Ren6", "CV6"),
        ("HE7", "HT7"), ("UB40", "BL40"), ("ST-36", "ST36"), ("st 36", "ST36"),
        ("zusanli", "ST36"), ("Zu San Li", "ST36"), ("hegu", "LI4"), ("Shenmen", "HT7"),
        ("yintang", "EX-HN3"), ("KID1", "KI1"), ("Stomach 36", "ST36"),
        ("large intestine 4", "LI4"), ("Triple Energizer 5", "TE5"), ("governor vessel 20", "GV20"),
        ("B40", "BL40"), ("Kd3", "KI3"), ("TH5", "TE5"), ("Liv3", "LR3"), ("San Jiao 5", "TE5"),
        ("Triple Warmer 5", "TE5"), ("Governing Vessel 20", "GV20"), ("Du Mai 20", "GV20"),
        ("Urinary Bladder 40", "BL40"), ("Ren Mai 12", "CV12"), ("Gall Bladder 20", "GB20"),
    ],
)  # fmt: skip
def test_show_accepts_aliases_and_pinyin(
    capsys: pytest.CaptureFixture[str], query: str, code: str
) -> None:
    status, out, _ = run(capsys, "show", query)
    assert status == 0
    assert out.startswith(f"{code}  ")


def test_show_prints_how_to_press_and_the_cautions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "LI4")
    assert status == 0
    assert "Hegu" in out and "合谷" in out
    assert "How long:   Press" in out
    assert "Caution:    Pregnancy" in out and "traditionally cautioned" in out.lower()


def test_an_unknown_code_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "zusanly")
    assert status == 2
    assert "unknown point 'zusanly'" in err and "ST36" in err
    assert "Traceback" not in err


def test_check_reports_ok(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check")
    assert status == 0
    n = int(out.split()[0])
    assert n >= len(set(SELF_CARE_SET + CHANNELS))
    assert out.strip().endswith("on 13 figures OK")


def test_no_display_is_one_line_not_a_core_dump(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "acumap"], capture_output=True, text=True, timeout=60, env=env,
        cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 1
    assert out.stderr == (
        "acumap: no display to open the window on (DISPLAY is not set); "
        "`acumap handout` and `acumap --screenshot` work without one\n"
    )


def test_missing_xcb_libraries_are_named_with_their_packages(monkeypatch) -> None:
    import ctypes.util

    from acumap.qt import display

    # this machine's libraries do not matter: only icccm is "missing"
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda n: None if n == "xcb-icccm" else f"lib{n}.so"
    )
    why = display.window_problem({"DISPLAY": ":0"})
    assert why is not None
    assert why.startswith("the window needs libxcb-icccm4 (sudo apt-get install ")
    assert display.window_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) is None


@pytest.mark.parametrize(
    ("typo", "code"), [("zusanly", "ST36"), ("neigwan", "PC6"), ("heku", "LI4")]
)
def test_typos_find_the_point_and_codes_are_never_corrected(typo: str, code: str) -> None:
    from acumap.core.catalog import Catalog
    from acumap.loaders.bundle import load_bundle

    catalog = Catalog(load_bundle().atlas)
    assert catalog.fuzzy(typo) == code
    assert catalog.suggest(typo)[0] == code
    assert catalog.fuzzy("ST99") is None and catalog.fuzzy("xyz") is None


def test_points_table_has_a_header_and_counts_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "points", "--meridian", "PC", "--view", "hand-back")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["CODE", "PINYIN", "ENGLISH", "FIGURES"]
    assert lines[1].startswith("PC9 ") and lines[-1] == "1 point"


def test_show_prints_several_points(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "LI4", "pc6", "zu san li")
    assert status == 0
    assert [b.split()[0] for b in out.strip().split("\n\n")] == ["LI4", "PC6", "ST36"]


@pytest.mark.parametrize("name", ["nausea", "NAUSEA", "Nausea"])
def test_conditions_by_tag_or_by_the_label_the_window_shows(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    _, by_tag, _ = run(capsys, "points", "--condition", "stress", "--format", "csv")
    status, by_label, _ = run(capsys, "points", "--condition", "Stress and anxiety", "--format",
                              "csv")  # fmt: skip
    assert status == 0 and by_label == by_tag
    status, out, _ = run(capsys, "points", "--condition", name, "--format", "csv")
    assert status == 0 and "PC6," in out


def test_nonsense_gets_no_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "xyz")
    assert status == 2
    assert err == "acumap: unknown point 'xyz'\n"


def test_check_of_an_empty_folder_names_each_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    status, _, err = run(capsys, "check", "--data", str(tmp_path))
    assert status == 1
    assert f"meridians.toml: file not found ({tmp_path / 'meridians.toml'})" in err
    assert f"no point files in {tmp_path / 'points'}" in err


def test_the_window_options_say_what_is_known_and_qt_noise_is_not_printed(tmp_path) -> None:
    def window(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run([sys.executable, "-m", "acumap", *args], capture_output=True,
                              text=True, timeout=60, env=env, cwd=tmp_path)  # fmt: skip

    bad = window("--meridian", "QQ", "--screenshot", "x.png")
    assert bad.returncode == 2
    assert bad.stderr.startswith("acumap: unknown meridian 'QQ' (known: LU, LI, ST,")
    good = window("--condition", "Sleep", "--meridian", "Triple Warmer", "--screenshot", "x.png")
    assert good.returncode == 0, good.stderr
    assert good.stderr == ""
    assert (tmp_path / "x.png").stat().st_size > 10_000


def test_a_name_two_points_share_asks_which(capsys: pytest.CaptureFixture[str]) -> None:
    # WHO gives CV7 (阴交) and GV28 (龈交) the same pinyin; the hanzi tell them apart
    status, _, err = run(capsys, "show", "Yinjiao")
    assert status == 2
    assert err == "acumap: 'Yinjiao' is the name of CV7 and GV28: say which\n"
    status, out, _ = run(capsys, "show", "龈交")
    assert status == 0 and out.startswith("GV28  ")


def test_points_not_pressed_at_home_give_no_timing(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "EX-HN10", "ST9", "CV8", "ST36")
    timing = [line for line in out.splitlines() if line.startswith("How long:")]
    assert timing[0].endswith("Not pressed: there is no surface to press; only a practitioner "
                              "treats it.")  # fmt: skip
    assert timing[1].endswith("Not for pressing at home: only a practitioner treats it.")
    assert "landmark" in timing[2] and "seconds" not in timing[2]
    assert "minutes" in timing[3] or "seconds" in timing[3]
