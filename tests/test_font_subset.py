"""The committed hanzi font covers the data and has no radical look-alikes (no Qt needed).

A new point with a new hanzi fails here until `make font` regenerates the subset.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from fontTools.ttLib import TTFont

from acumap.loaders.resources import fonts_dir

ROOT = Path(__file__).resolve().parents[1]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_font", ROOT / "tools" / "make_font.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make_font = _load_tool()
FONT = fonts_dir() / "NotoSansSC-acumap.ttf"  # the name acumap/qt/fonts.py registers


@pytest.fixture(scope="module")
def cmap() -> dict[int, str]:
    return TTFont(FONT).getBestCmap()


def test_the_font_and_its_license_ship_together() -> None:
    assert FONT.is_file()
    assert "SIL Open Font License" in (FONT.parent / "OFL.txt").read_text(encoding="utf-8")


def test_every_cjk_character_in_the_data_is_in_the_font(cmap: dict[int, str]) -> None:
    used = make_font.data_characters()
    assert set("合谷足三里内关") <= used  # the collector reads the points at all
    missing = "".join(sorted(ch for ch in used if ord(ch) not in cmap))
    assert not missing, f"the bundled font lacks {missing}: run `make font`"


def test_the_font_maps_no_radical_and_one_code_point_per_glyph(cmap: dict[int, str]) -> None:
    radicals = [f"U+{u:04X}" for u in cmap if 0x2E80 <= u <= 0x2FDF]
    assert not radicals, f"radical code points in the cmap: {radicals}"
    shared = {glyph: n for glyph, n in Counter(cmap.values()).items() if n > 1}
    assert not shared, f"glyphs with more than one code point: {shared}"


def test_the_tool_rebuilds_the_committed_font_byte_for_byte() -> None:
    source = make_font.default_source()
    if source is None:
        pytest.skip("no source font here (make font installs justmytype-intl-cjk)")
    chars = make_font.wanted_characters()
    first = make_font.to_bytes(make_font.build(source, chars))
    assert first == make_font.to_bytes(make_font.build(source, chars))
    assert first == FONT.read_bytes(), "assets/fonts is stale: run `make font`"
