"""Rules the point data must keep as a whole, checked on the real atlas.

Pregnancy: one rule per body region, so one level (and, where the region shares it, one reason)
for every point of that region. The table lists whole regions, including points of channels not
yet in the atlas (KI11-KI21, SP12-SP16 ...): a code the atlas does not hold yet is skipped, and
the rule applies as soon as it is added.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from acumap.core.model import Atlas, Point
from acumap.loaders.atlas import load_atlas
from acumap.loaders.resources import data_dir


def codes(prefix: str, first: int, last: int) -> frozenset[str]:
    return frozenset(f"{prefix}{n}" for n in range(first, last + 1))


@dataclass(frozen=True)
class Region:
    level: str  # "avoid" or "caution"
    codes: frozenset[str]
    shared_reason: bool  # every point of the region gives the same reason, word for word


REGIONS: dict[str, Region] = {
    # Below the navel down to the pubic bone and groin: avoided throughout pregnancy.
    "lower abdomen": Region(
        "avoid",
        codes("CV", 2, 7)
        | codes("ST", 26, 30)
        | codes("KI", 11, 15)
        | codes("SP", 12, 14)
        | {"GB27", "GB28", "LR12", "EX-CA1"},
        shared_reason=True,
    ),
    # From the navel (WHO 2008 counts it as upper abdomen) up to the ribs: textbooks advise
    # against it after the third month.
    "upper abdomen": Region(
        "caution",
        codes("CV", 8, 15) | codes("ST", 19, 25) | codes("KI", 16, 21) | {"SP15", "SP16"},
        shared_reason=True,
    ),
    # Lumbar region: textbooks advise against it after the third month. Jiaji (EX-B2) runs
    # from T1 to L5: one point, so its lumbar sites give the whole point the caution.
    "lower back": Region(
        "caution",
        codes("GV", 3, 5)
        | codes("BL", 22, 26)
        | {"BL51", "BL52"}
        | {"EX-B2", "EX-B4", "EX-B5", "EX-B6", "EX-B7", "EX-B8"},
        shared_reason=True,
    ),
    # Over the sacrum: the eight sacral crevices (Baliao, BL31-BL34) and the points beside
    # and between them down to the coccyx; textbooks name the lumbosacral region with the
    # lower belly as the areas not treated in pregnancy.
    "sacrum": Region("avoid", codes("BL", 27, 35) | {"GV2", "EX-B9"}, shared_reason=True),
    # Points classical texts forbid in pregnancy, each with its own reason.
    "classically forbidden": Region(
        "avoid",
        frozenset({"CV1", "ST12", "LI4", "SP6", "BL60", "BL67", "GB21"}),
        shared_reason=False,
    ),
}


def pregnancy_caution(atlas: Atlas, p: Point) -> tuple[str, str] | None:
    """(level, reason shown to the user) of a point's pregnancy caution, or None."""
    for c in p.cautions:
        kind = atlas.cautions[c.code]
        if kind.pregnancy:
            return (c.level or "caution", c.reason or kind.reason)
    return None


def pregnancy_problems(atlas: Atlas) -> list[str]:
    """Every break of the pregnancy rules, one line each (empty when the data keeps them)."""
    out: list[str] = []
    region_of: dict[str, str] = {}
    for name, region in REGIONS.items():
        for code in sorted(region.codes):
            if code in region_of:
                out.append(f"{code} is in two regions: {region_of[code]} and {name}")
            region_of[code] = name
        present = sorted(c for c in region.codes if c in atlas.points)
        if not present:
            out.append(f"{name}: no point of the region is in the atlas (table out of date?)")
        reasons: dict[str, list[str]] = {}
        for code in present:
            found = pregnancy_caution(atlas, atlas.points[code])
            if found is None:
                out.append(f"{code} ({name}): no pregnancy caution, expected {region.level}")
                continue
            level, reason = found
            if level != region.level:
                out.append(f"{code} ({name}): level {level}, expected {region.level}")
            reasons.setdefault(reason, []).append(code)
        if region.shared_reason and len(reasons) > 1:
            groups = "; ".join(", ".join(cs) for cs in reasons.values())
            out.append(f"{name}: the reasons differ between {groups}")
    for code, p in sorted(atlas.points.items()):
        found = pregnancy_caution(atlas, p)
        if found is None:
            continue
        level, reason = found
        if code not in region_of:
            out.append(f"{code}: pregnancy caution outside every region of the table")
        wording = "traditionally avoided" if level == "avoid" else "traditionally cautioned"
        if wording not in reason.lower():
            out.append(f"{code}: a '{level}' pregnancy reason should say '{wording}'")
    return out


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(data_dir())


def test_the_atlas_keeps_the_pregnancy_rules(atlas: Atlas) -> None:
    assert pregnancy_problems(atlas) == []


@pytest.mark.parametrize("name", list(REGIONS))
def test_each_region_has_one_level(atlas: Atlas, name: str) -> None:
    region = REGIONS[name]
    got: dict[str, str | None] = {}
    for code in sorted(region.codes & atlas.points.keys()):
        found = pregnancy_caution(atlas, atlas.points[code])
        got[code] = found[0] if found else None
    assert got, f"no point of the {name} region is in the atlas"
    assert got == dict.fromkeys(got, region.level)


def test_every_pregnancy_reason_says_traditionally(atlas: Atlas) -> None:
    for p in atlas.points.values():
        found = pregnancy_caution(atlas, p)
        if found is not None:
            assert "traditionally" in found[1].lower(), p.code
    for kind in atlas.cautions.values():
        if kind.pregnancy:
            assert "traditionally" in kind.reason.lower(), kind.code


def test_lower_abdomen_points_share_one_reason(atlas: Atlas) -> None:
    present = [c for c in sorted(REGIONS["lower abdomen"].codes) if c in atlas.points]
    assert {"CV2", "CV4", "ST26", "ST30"} <= set(present)
    reasons = {c: pregnancy_caution(atlas, atlas.points[c]) for c in present}
    assert len(set(reasons.values())) == 1, reasons


def _flip_level(tmp_path: Path, file: str, code: str, old: str, new: str) -> Atlas:
    """A copy of the real data with one point's pregnancy level changed."""
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    path = data / "points" / file
    text = path.read_text(encoding="utf-8")
    start = text.index(f'code = "{code}"')
    end = text.find("[[point]]", start)
    at = text.index(f'level = "{old}"', start, end if end != -1 else len(text))
    before, after = f'level = "{old}"', f'level = "{new}"'
    path.write_text(text[:at] + after + text[at + len(before) :], encoding="utf-8")
    return load_atlas(data)


def test_the_rule_catches_one_flipped_level(tmp_path: Path) -> None:
    flipped = _flip_level(tmp_path, "CV.toml", "CV4", "avoid", "caution")
    problems = pregnancy_problems(flipped)
    assert "CV4 (lower abdomen): level caution, expected avoid" in problems


def test_the_rule_catches_a_point_missing_its_caution(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    path = data / "points" / "ST.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('code = "ST28"')
    line_start = text.index('    { code = "pregnancy"', start)
    line_end = text.index("\n", line_start) + 1
    path.write_text(text[:line_start] + text[line_end:], encoding="utf-8")
    problems = pregnancy_problems(load_atlas(data))
    assert "ST28 (lower abdomen): no pregnancy caution, expected avoid" in problems


# Channels that are complete: every WHO point from 1 to point_count, nothing more. A channel
# joins this list when its last point lands (the issues for the remaining channels say which).
COMPLETE = ("ST", "PC", "CV", "LU", "LI", "HT", "SI", "TE", "SP", "LR", "GB", "GV", "BL", "KI")


@pytest.mark.parametrize("meridian", COMPLETE)
def test_a_complete_channel_has_exactly_its_who_points(meridian: str) -> None:
    atlas = load_atlas(data_dir())
    expected = atlas.meridians[meridian].point_count
    codes = sorted(p.number for p in atlas.meridian_points(meridian))
    assert codes == list(range(1, expected + 1)), f"{meridian}: {codes}"


def test_no_channel_has_more_points_than_who_counts() -> None:
    atlas = load_atlas(data_dir())
    for code, m in atlas.meridians.items():
        if m.point_count:
            numbers = [p.number for p in atlas.meridian_points(code)]
            assert all(1 <= n <= m.point_count for n in numbers), code
            assert len(numbers) == len(set(numbers)), code


# The 48 extra points of the WHO 1991 nomenclature, and the sites of those that have several.
EXTRA = (
    [f"EX-HN{n}" for n in range(1, 16)] + ["EX-CA1"] + [f"EX-B{n}" for n in range(1, 10)]
    + [f"EX-UE{n}" for n in range(1, 12)] + [f"EX-LE{n}" for n in range(1, 13)]
)  # fmt: skip
SITES = {  # point: (figure, dots on it): a close-up shows one hand or foot, the back both sides
    "EX-HN1": ("head-top", 4),  # Sishencong: before, behind and beside GV20
    "EX-B2": ("back", 34),  # Jiaji: beside T1 to L5, both sides
    "EX-UE9": ("hand-back", 4),  # Baxie
    "EX-UE10": ("hand-palm", 4),  # Sifeng
    "EX-UE11": ("hand-palm", 5),  # Shixuan
    "EX-LE10": ("foot-top", 4),  # Bafeng
    "EX-LE12": ("foot-top", 5),  # Qiduan
    "EX-LE5": ("front", 4),  # Xiyan: two per knee
}


def test_all_48_who_extra_points_are_there() -> None:
    atlas = load_atlas(data_dir())
    assert len(EXTRA) == 48
    assert [c for c in EXTRA if c not in atlas.points] == []
    assert "GV29" in atlas.points["EX-HN3"].aliases  # Yintang: the Chinese standard's GV29


@pytest.mark.parametrize("code", list(SITES))
def test_a_point_with_several_sites_shows_every_site(bundle, code: str) -> None:  # type: ignore[no-untyped-def]
    figure, dots = SITES[code]
    got = bundle.positions_of(code, figure)
    assert len(got) == dots
    assert len({(p.x, p.y) for p in got}) == dots  # no two sites on top of each other


def test_the_points_inside_the_mouth_say_so_and_are_not_for_self_care() -> None:
    atlas = load_atlas(data_dir())
    for code in ("EX-HN10", "EX-HN11", "EX-HN12", "EX-HN13", "GV28"):
        p = atlas.points[code]
        assert not p.place
        assert "mouth" in p.no_position.lower() or "lip" in p.no_position.lower()
        assert not p.self_care and p.self_care_reason
