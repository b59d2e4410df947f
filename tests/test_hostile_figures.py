"""Hostile figures get one clear line naming the file and the field, within a budget.

Each case copies the shipped figures and breaks front.svg in one way: numbers that are not
numbers, a duplicate landmark, a file that loads other files, and the bombs (a <use> "billion
laughs", a <use> cycle, 1,000 nested groups, 50 MB of <rect>). The bombs run through the real
command line in a subprocess with a memory limit, so a regression fails instead of eating the
machine; the timeout is a hang guard, not a timing assertion.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from acumap.loaders import figures as F
from acumap.loaders.figures import load_figures
from acumap.loaders.problems import Problem
from acumap.loaders.resources import data_dir, figures_dir

AS_LIMIT = 1536 * 1024 * 1024  # a <use> bomb reached 4 GB before it was refused


@pytest.fixture
def figs(tmp_path: Path) -> Path:
    return Path(shutil.copytree(figures_dir(), tmp_path / "figures"))


def front_problems(figs: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What `acumap check` says about front.svg (back.svg is not broken, so not read)."""
    monkeypatch.setattr(F, "VIEWS", ("front",))
    problems: list[Problem] = []
    load_figures(figs, problems)
    return [str(p) for p in problems]


def edit(figs: Path, old: str, new: str, count: int = 1) -> int:
    """Replace in front.svg; return the line number where the change starts."""
    path = figs / "front.svg"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def edit_landmark(figs: Path, name: str, attr: str, value: str) -> None:
    path = figs / "front.svg"
    text = path.read_text(encoding="utf-8")
    pattern = rf'(<circle id="{name}"[^>]*?\s{attr}=")[^"]*"'
    new, n = re.subn(pattern, lambda m: m.group(1) + value + '"', text, count=1)
    assert n == 1
    path.write_text(new, encoding="utf-8")


def run_check(tmp_path: Path, figs: Path) -> subprocess.CompletedProcess[str]:
    """The real command line, unable to take more than AS_LIMIT of memory."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))

    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "ACUMAP_CACHE_HOME": str(home / "cache")}
    env |= {"ACUMAP_DATA_HOME": str(home / "data"), "OPENBLAS_NUM_THREADS": "1"}
    env |= {f"XDG_{k}_HOME": str(home / k.lower()) for k in ("CONFIG", "DATA", "CACHE", "STATE")}
    return subprocess.run(
        [sys.executable, "-m", "acumap", "check", "--data", str(data_dir()),
         "--figures", str(figs)],
        capture_output=True, text=True, env=env, timeout=30, preexec_fn=limit,
    )  # fmt: skip


# -- the shipped figures -----------------------------------------------------------------------
def test_the_shipped_figures_pass_at_a_quarter_of_every_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("MAX_BYTES", "MAX_ELEMENTS", "MAX_DEPTH", "MAX_OUTLINE_TOKENS",
                 "MAX_LANDMARK_ELEMENTS", "MAX_TRANSFORM_CHARS"):  # fmt: skip
        monkeypatch.setattr(F, name, getattr(F, name) // 4)
    problems: list[Problem] = []
    figures = load_figures(figures_dir(), problems)
    assert not problems and set(figures) == {"front", "back"}


def test_what_a_figure_may_use_still_loads(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same-document references, CSS, transforms and units are fine; only the checks refuse."""
    art = (
        '<defs><linearGradient id="shade"><stop offset="0"/></linearGradient>'
        '<g id="mark"><rect width="2" height="2"/></g></defs>'
        '<style>.art { fill: url(#shade); }</style>'
        '<g transform="translate(5, 5) rotate(30 1 2) scale(1) skewX(2)">'
        '<rect class="art" width="5" height="5" style="fill:url( \'#shade\' )"/>'
        '<use href="#mark" x="3"/><use xlink:href="#mark" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"/></g></svg>'
    )  # fmt: skip
    edit(figs, "</svg>", art)
    edit_landmark(figs, "umbilicus", "cx", " 450px ")
    assert front_problems(figs, monkeypatch) == []


def test_positions_are_in_user_units_whatever_the_viewbox_origin(
    figs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """svgelements maps the viewBox to the origin; the scene and the handout use user units."""
    before = F.load_figure(figs / "front.svg", "front").landmarks
    edit(figs, 'viewBox="0 0 900 1800" width="900" height="1800"', 'viewBox="-100 -50 1000 1850"')
    after = F.load_figure(figs / "front.svg", "front").landmarks
    assert after.keys() == before.keys()
    assert all(after[k] == pytest.approx(before[k]) for k in before)


# -- numbers that are not numbers, and other broken contracts ----------------------------------
def test_a_viewbox_that_is_not_four_numbers(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(figs, 'viewBox="0 0 900 1800"', 'viewBox="0 0 abc"')
    said = "front.svg: viewBox: '0 0 abc' is not min-x, min-y, width, height (finite, width and "
    assert front_problems(figs, monkeypatch) == [said + "height > 0)"]


@pytest.mark.parametrize(
    ("where", "transform"),
    [("silhouette", "matrix(nan 0 0 1 0 0)"), ("landmarks", "scale(nan)"),
     ("silhouette", "scale(1e999)"), ("landmarks", "translate(1 2 3)"), ("silhouette", "skewX()")],
)  # fmt: skip
def test_a_transform_that_is_not_finite_numbers(
    figs: Path, monkeypatch: pytest.MonkeyPatch, where: str, transform: str
) -> None:
    edit(figs, f'id="{where}"', f'id="{where}" transform="{transform}"')
    said = f"front.svg: {where}: transform: not a valid transform: '{transform}'"
    assert front_problems(figs, monkeypatch) == [said]


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "1e400", "", "5mm"])
def test_a_landmark_coordinate_that_is_not_a_number(
    figs: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    edit_landmark(figs, "umbilicus", "cx", value)
    said = f"front.svg: umbilicus: cx: '{value}' is not a finite number"
    assert front_problems(figs, monkeypatch) == [said]


def test_a_landmark_of_radius_0(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_landmark(figs, "umbilicus", "r", "0")  # svgelements would drop it without a word
    assert front_problems(figs, monkeypatch) == ["front.svg: umbilicus: r: '0' is not more than 0"]


def test_a_duplicate_landmark(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (figs / "front.svg").read_text(encoding="utf-8")
    circle = re.search(r'<circle id="umbilicus"[^>]*/>', text)
    assert circle
    edit(figs, circle.group(0), circle.group(0) * 2)
    assert front_problems(figs, monkeypatch) == ["front.svg: landmarks: duplicate id 'umbilicus'"]


def test_a_second_silhouette(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(figs, "</svg>", '<path id="silhouette" d="M0 0 L1 0 L1 1 Z"/></svg>')
    said = "front.svg: silhouette: 2 elements have id 'silhouette'"
    assert front_problems(figs, monkeypatch) == [said]


@pytest.mark.parametrize(
    ("where", "said"),
    [('id="umbilicus"', "landmarks: 'umbilicus' is not finite after its transforms"),
     ('id="silhouette"', "silhouette: the outline is not finite after its transforms")],
)  # fmt: skip
def test_transforms_that_overflow(
    figs: Path, monkeypatch: pytest.MonkeyPatch, where: str, said: str
) -> None:
    edit(figs, where, f'{where} transform="scale(1e200) scale(1e200)"')
    assert front_problems(figs, monkeypatch) == [f"front.svg: {said}"]


def test_an_outline_that_crosses_itself_is_not_repaired(
    figs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """buffer(0) took 12 s and 600 MB to 'repair' a zigzag of 1,000 points, 12 GB for 10,000."""
    text = (figs / "front.svg").read_text(encoding="utf-8")
    d = re.search(r'id="silhouette"[^>]*\sd="([^"]*)"', text)
    assert d
    edit(figs, d.group(1), "M0 0 " + "L100 1 L0 2 " * 5000 + "Z")
    said = "front.svg: silhouette: the outline crosses itself near (0.0, 2.0)"
    assert front_problems(figs, monkeypatch) == [said]


# -- budgets -----------------------------------------------------------------------------------
def test_a_file_over_the_size_limit(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with (figs / "front.svg").open("ab") as fh:
        fh.truncate(F.MAX_BYTES + 1)
    said = "front.svg: file: larger than 8 MB, the limit for this file"
    assert front_problems(figs, monkeypatch) == [said]


def test_too_many_elements(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = edit(figs, "</svg>", "<g/>" * F.MAX_ELEMENTS + "</svg>")
    assert front_problems(figs, monkeypatch) == [
        f"front.svg: elements: more than 50,000 (line {line})"
    ]


def test_nesting_too_deep(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = edit(figs, "</svg>", "<g>" * 1000 + "</g>" * 1000 + "</svg>")
    assert front_problems(figs, monkeypatch) == [
        f"front.svg: nesting: more than 64 deep (line {line})"
    ]


def test_a_use_that_uses_itself(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(figs, "</svg>", '<use id="me" href="#me"/></svg>')
    assert front_problems(figs, monkeypatch) == ["front.svg: use: <use> cycle: #me (me)"]


def test_uses_nested_deeper_than_the_limit(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chain = "".join(f'<g id="c{i}"><use href="#c{i + 1}"/></g>' for i in range(40))
    edit(figs, "</svg>", chain + '<g id="c40"/><use href="#c0"/></svg>')
    said = "front.svg: use: more than 64 deep counting what <use> copies"
    assert front_problems(figs, monkeypatch)[0].startswith(said)


@pytest.mark.parametrize(
    ("d", "said"),
    [("M0 0 " + "h1 " * 100_000, "path data over 100,000 numbers and commands"),
     ("M0 0 L9 0 L9 9 " + "z" * 40_000, "path data closes its outline again and again")],
    ids=["tokens", "closing"],
)  # fmt: skip
def test_an_outline_over_budget(
    figs: Path, monkeypatch: pytest.MonkeyPatch, d: str, said: str
) -> None:
    text = (figs / "front.svg").read_text(encoding="utf-8")
    old = re.search(r'id="silhouette"[^>]*\sd="([^"]*)"', text)
    assert old
    edit(figs, old.group(1), d)
    assert front_problems(figs, monkeypatch) == [f"front.svg: silhouette: {said}"]


def test_too_many_landmark_elements(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = "".join(f'<circle id="x{i}" cx="1" cy="1" r="1"/>' for i in range(2000))
    edit(figs, 'style="display:none">', 'style="display:none">' + extra)
    said = "front.svg: landmarks: more than 2,000 elements in the group"
    assert front_problems(figs, monkeypatch) == [said]


def test_transforms_too_long(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(figs, 'id="landmarks"', 'id="landmarks" transform="' + "scale(1)" * 40 + '"')
    edit_landmark(figs, "umbilicus", "r", '2" transform="' + "scale(1)" * 40)
    said = "front.svg: umbilicus: transform: more than 500 characters of transforms down to here"
    assert front_problems(figs, monkeypatch) == [said]


# -- a figure loads no other file --------------------------------------------------------------
@pytest.mark.parametrize(
    ("art", "said"),
    [('<image href="file:///etc/passwd" width="9" height="9"/>',
      "<image> line {}: image: not allowed: a figure loads no other file"),
     ('<use href="other.svg#x"/>',
      "<use> line {}: href: 'other.svg#x' is not a reference inside the figure (#id)"),
     ('<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="file:///etc/passwd"/>',
      "<a> line {}: href: 'file:///etc/passwd' is not a reference inside the figure (#id)"),
     ('<style>@import url("/etc/x.css");</style>',
      "<style> line {}: style: @import is not allowed: a figure loads no other file"),
     ('<rect id="r" width="5" height="5" style="fill:url(/tmp/x.svg#g)"/>',
      "r: url: url(/tmp/x.svg#g) is not a reference inside the figure (#id)"),
     ("<style>rect { fill: url('x.svg#g') }</style>",
      "<style> line {}: url: url(x.svg#g) is not a reference inside the figure (#id)")],
    ids=["image", "use", "link", "import", "style-attribute", "style-element"],
)  # fmt: skip
def test_a_reference_to_another_file(
    figs: Path, monkeypatch: pytest.MonkeyPatch, art: str, said: str
) -> None:
    line = edit(figs, "</svg>", art + "</svg>")
    assert front_problems(figs, monkeypatch) == ["front.svg: " + said.format(line)]


def test_an_xml_stylesheet(figs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(figs, "<svg ", '<?xml-stylesheet type="text/css" href="/etc/x.css"?>\n<svg ')
    said = "front.svg: xml-stylesheet: not allowed: a figure loads no other file"
    assert front_problems(figs, monkeypatch) == [said]


# -- figure files that are not files -----------------------------------------------------------
def test_a_figure_that_is_a_folder_a_fifo_or_a_loop(
    figs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (figs / "front.svg").unlink()
    (figs / "front.svg").mkdir()
    assert front_problems(figs, monkeypatch) == ["front.svg: file: is a folder, not a file"]
    (figs / "front.svg").rmdir()
    (figs / "front.svg").symlink_to("front.svg")
    said = "front.svg: file: cannot read: Too many levels of symbolic links"
    assert front_problems(figs, monkeypatch) == [said]
    if hasattr(os, "mkfifo"):
        (figs / "front.svg").unlink()
        os.mkfifo(figs / "front.svg")
        said = "front.svg: file: is not a regular file (a pipe, device or socket)"
        assert front_problems(figs, monkeypatch) == [said]


# -- the bombs, through the command line, with a memory limit ----------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_bombs_are_refused_by_the_command_line(tmp_path: Path, figs: Path) -> None:
    levels = ['<g id="l0"><rect width="1" height="1"/></g>']  # 10 ** 60 rects once expanded
    levels += [f'<g id="l{k}">' + f'<use href="#l{k - 1}"/>' * 10 + "</g>" for k in range(1, 60)]
    edit(figs, "</svg>", "<defs>" + "".join(levels) + '</defs><use href="#l59"/></svg>')
    rects = '<rect x="1" y="1" width="2" height="2"/>' * (50_000_000 // 40)
    back = figs / "back.svg"
    back.write_text(back.read_text(encoding="utf-8").replace("</svg>", rects + "</svg>"))
    out = run_check(tmp_path, figs)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        "front.svg: use: more than 50,000 elements counting what <use> copies",
        "back.svg: file: larger than 8 MB, the limit for this file",
        "acumap: 2 problems found",
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_recursion_bombs_are_refused_by_the_command_line(tmp_path: Path, figs: Path) -> None:
    line = edit(
        figs, "</svg>", '<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>'
    )
    back = figs / "back.svg"
    text = back.read_text(encoding="utf-8")
    back_line = text[: text.index("</svg>")].count("\n") + 1
    back.write_text(text.replace("</svg>", "<g>" * 1000 + "</g>" * 1000 + "</svg>"))
    out = run_check(tmp_path, figs)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"front.svg: use: <use> cycle: #b -> #a (<use> line {line})",
        f"back.svg: nesting: more than 64 deep (line {back_line})",
        "acumap: 2 problems found",
    ]
