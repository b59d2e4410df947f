"""The shipped body figures keep the contract of docs/figures.md (no Qt needed).

- the committed SVGs are exactly what tools/make_figures.py writes;
- every landmark the contract (data/landmarks) lists is in the SVG, both sides where sided,
  inside the silhouette, and docs/figures.md shows the contract as it is;
- the figures are mirror-symmetric about x = 450 and proportioned by the B-cun table.
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
from pathlib import Path

import pytest
import svgelements as se
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "assets" / "body_svgs"
MIDLINE = 450.0


# -- the contract, read from the landmark tables -------------------------------------------


def contract(view: str) -> set[str]:
    from acumap.loaders.figure_set import expected_names, load_landmarks

    problems: list[object] = []
    table = load_landmarks(ROOT / "data", problems)  # type: ignore[arg-type]
    assert not problems
    return {
        n
        for lm in table.values()
        if view in lm.figures and lm.kind == "point"
        for n in expected_names(lm, ("left", "right"))
    }


# -- the figure, read with svgelements ---------------------------------------------------------
def _ring(sub: se.Path) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for seg in sub:
        if isinstance(seg, se.Move | se.Line | se.Close):
            pts.append((seg.end.x, seg.end.y))
        else:
            pts += [(float(x), float(y)) for x, y in seg.npoint([i / 8 for i in range(1, 9)])]
    return pts


def load(view: str) -> tuple[BaseGeometry, dict[str, tuple[float, float]]]:
    raw = (FIGURES / f"{view}.svg").read_text(encoding="utf-8")
    # svgelements skips display:none elements, and the landmarks group is hidden on purpose
    raw = raw.replace('<g id="landmarks" style="display:none">', '<g id="landmarks">')
    svg = se.SVG.parse(io.StringIO(raw))
    sil = svg.get_element_by_id("silhouette")
    polys = [Polygon(_ring(se.Path(sub))) for sub in sil.as_subpaths()]
    assert all(p.is_valid for p in polys)
    shape = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    group = svg.get_element_by_id("landmarks")
    marks = {
        str(c.id): (float(c.cx), float(c.cy)) for c in group.select() if isinstance(c, se.Circle)
    }
    return shape, marks


@pytest.fixture(scope="module", params=["front", "back"])
def figure(request: pytest.FixtureRequest) -> tuple[str, BaseGeometry, dict]:
    return (request.param, *load(request.param))


def dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


# -- tests -------------------------------------------------------------------------------------
def test_committed_figures_are_what_the_generator_writes():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_figures.py"), "--check"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr


def test_contract_parser_reads_the_doc():
    front, back = contract("front"), contract("back")
    assert {"ics1", "ics5", "toe5-tip-l", "wrist-crease-anterior-ulnar-r", "nipple-l"} <= front
    assert {"t12", "l5", "s4", "sacral-foramen-4-l", "sole-web-toe2-3-r", "c7"} <= back


def test_every_landmark_of_the_contract_is_there(figure):
    view, _, marks = figure
    missing = contract(view) - set(marks)
    extra = set(marks) - contract(view)
    assert not missing, f"{view}: missing {sorted(missing)}"
    assert not extra, f"{view}: not in the landmark table {sorted(extra)}"


def test_landmarks_lie_inside_the_silhouette(figure):
    view, shape, marks = figure
    outside = {n: p for n, p in marks.items() if not shape.contains(Point(p))}
    assert not outside, f"{view}: outside the silhouette {outside}"
    edge = shape.boundary
    close = {n for n, p in marks.items() if edge.distance(Point(p)) < 2.5}
    assert not close, f"{view}: on the outline, not inside it: {sorted(close)}"


def test_sides_mirror_about_the_midline(figure):
    view, _, marks = figure
    for name, (x, y) in marks.items():
        if name.endswith("-l"):
            xr, yr = marks[name[:-2] + "-r"]
            assert (x + xr) / 2 == pytest.approx(MIDLINE, abs=0.02), name
            assert y == pytest.approx(yr, abs=0.02), name
        elif not name.endswith("-r"):
            assert x == pytest.approx(MIDLINE, abs=0.02), name
    left_x = [x for n, (x, _) in marks.items() if n.endswith("-l")]
    assert (sum(left_x) / len(left_x) > MIDLINE) == (view == "front")


def test_silhouette_is_symmetric(figure):
    view, shape, _ = figure
    mirrored = Polygon([(2 * MIDLINE - x, y) for x, y in shape.convex_hull.exterior.coords])
    assert shape.convex_hull.symmetric_difference(mirrored).area < 0.002 * shape.area, view


def test_front_trunk_is_proportioned_in_cun():
    _, m = load("front")
    sternum = dist(m["suprasternal-notch"], m["xiphisternal-junction"]) / 9
    upper = dist(m["xiphisternal-junction"], m["umbilicus"]) / 8
    lower = dist(m["umbilicus"], m["pubic-symphysis"]) / 5
    assert upper == pytest.approx(sternum, rel=0.1)
    assert lower == pytest.approx(sternum, rel=0.1)
    for side in "lr":  # nipples 4 cun from the midline, on the 4th intercostal space
        nipple = m[f"nipple-{side}"]
        assert abs(nipple[0] - MIDLINE) / 4 == pytest.approx(sternum, rel=0.1)
        assert nipple[1] == pytest.approx(m["ics4"][1], abs=0.5)
    ics = [m[f"ics{k}"][1] for k in range(1, 6)]
    assert ics == sorted(ics)
    assert m["suprasternal-notch"][1] < ics[0] <= m["xiphisternal-junction"][1]


def test_arm_cun_matches_upper_arm_and_forearm():
    _, m = load("front")
    for side in "lr":
        upper = dist(m[f"axillary-fold-anterior-{side}"], m[f"cubital-crease-mid-{side}"]) / 9
        fore = dist(m[f"wrist-crease-anterior-mid-{side}"], m[f"cubital-crease-mid-{side}"]) / 12
        assert fore == pytest.approx(upper, rel=0.1)
    _, b = load("back")
    for side in "lr":
        upper = dist(b[f"axillary-fold-posterior-{side}"], b[f"olecranon-{side}"]) / 9
        fore = dist(b[f"wrist-crease-posterior-mid-{side}"], b[f"olecranon-{side}"]) / 12
        assert fore == pytest.approx(upper, rel=0.1)


def test_leg_segments_are_proportioned_in_cun():
    _, f = load("front")
    thigh = dist(f["pubic-symphysis"], f["patella-base-l"]) / 18
    leg = dist(f["tibia-medial-condyle-l"], f["medial-malleolus-l"]) / 13
    ankle = dist(f["medial-malleolus-l"], f["sole-medial-l"]) / 3
    assert leg == pytest.approx(thigh, rel=0.1)
    assert ankle == pytest.approx(thigh, rel=0.1)
    _, b = load("back")
    hip_knee = dist(b["greater-trochanter-l"], b["popliteal-crease-lateral-l"]) / 19
    fold_knee = dist(b["gluteal-fold-l"], b["popliteal-crease-mid-l"]) / 14
    assert fold_knee == pytest.approx(hip_knee, rel=0.1)


def test_back_levels_follow_the_spine():
    _, b = load("back")
    y = {n: p[1] for n, p in b.items()}
    spine = ["c2", "c7", *[f"t{i}" for i in range(1, 13)], *[f"l{i}" for i in range(1, 6)]]
    spine += [f"s{i}" for i in range(1, 5)]
    assert [y[n] for n in spine] == sorted(y[n] for n in spine)
    assert y["scapular-spine-medial-l"] == pytest.approx(y["t3"], abs=3)
    assert y["scapula-inferior-angle-l"] == pytest.approx(y["t7"], abs=3)
    assert y["iliac-crest-top-l"] == pytest.approx(y["l4"], abs=3)
    assert y["psis-l"] == pytest.approx(y["s2"], abs=3)
    assert abs(b["scapula-medial-border-l"][0] - b["scapula-medial-border-r"][0]) / 2 == (
        pytest.approx(3 * 22.4, rel=0.1)
    )
    assert dist(b["mastoid-l"], b["mastoid-r"]) > 0


def test_sole_insets_are_on_the_patients_side():
    shape, b = load("back")
    assert isinstance(shape, MultiPolygon) and len(shape.geoms) == 3
    for side, lo, hi in (("l", 30, 200), ("r", 700, 870)):  # back view: left is viewer's left
        for name in ("sole-heel", "sole-web-toe2-3"):
            x, yy = b[f"{name}-{side}"]
            assert lo < x < hi and 1380 < yy < 1710
        assert b[f"sole-web-toe2-3-{side}"][1] < b[f"sole-heel-{side}"][1]  # toes up


def test_the_landmark_docs_are_generated_from_the_tables():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_landmark_docs.py"), "--check"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout
