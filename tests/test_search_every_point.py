"""Search finds every point of the atlas by each name a user might type (issues 10 and 11)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from acumap.core.catalog import Catalog, fold
from acumap.loaders.atlas import load_atlas
from acumap.loaders.resources import data_dir

# old and regional channel codes people type, as in the issue: LV/LR, SJ/TB/TE, KID/KI, UB/BL,
# Du/GV, Ren/CV, HE/HT
OLD = {"LR": "LV", "TE": "SJ", "KI": "KID", "BL": "UB", "GV": "Du", "CV": "Ren", "HT": "HE"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(load_atlas(data_dir()))


def spaced(pinyin_tones: str) -> str:
    """'Zúsānlǐ' -> 'zu san li': syllables apart, tones gone, the way people type it."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", pinyin_tones) if not unicodedata.combining(c)
    )
    # a syllable ends before a consonant that starts the next (a rough split, enough here)
    return re.sub(r"(?<=[aeiouv])(?=[bcdfghjklmpqrstwxyz][aeiouh])", " ", bare.lower())


def test_every_point_is_found_by_its_code_names_and_hanzi(catalog: Catalog) -> None:
    missed = []
    for p in catalog.atlas.points.values():
        for name in (p.code, p.pinyin, p.pinyin_tones, p.english, p.hanzi, spaced(p.pinyin_tones)):
            if name and fold(name) not in catalog.shared and catalog.resolve(name) != p.code:
                missed.append(f"{p.code}: {name!r} -> {catalog.resolve(name)}")
    assert missed == []


def test_every_channel_point_is_found_by_old_codes_and_channel_names(catalog: Catalog) -> None:
    missed = []
    for p in catalog.atlas.points.values():
        if p.meridian == "EX":
            continue
        m = catalog.atlas.meridians[p.meridian]
        n = p.number
        channel = re.sub(r" (Meridian|Vessel)$", "", m.english)  # "Large Intestine 4"
        names = [f"{p.meridian}-{n}", f"{p.meridian} {n}", f"{channel} {n}"]
        if p.meridian in OLD:
            names.append(f"{OLD[p.meridian]}{n}")
        missed += [f"{p.code}: {q!r}" for q in names if catalog.resolve(q) != p.code]
    assert missed == []


def test_a_shared_name_offers_both_points(catalog: Catalog) -> None:
    # Zhongzhu is KI15 and TE3 in WHO 2008: both are suggested, neither is chosen silently
    assert catalog.resolve("Zhongzhu") is None
    assert {"KI15", "TE3"} <= set(catalog.suggest("Zhongzhu"))
    assert catalog.resolve("中注") == "KI15" and catalog.resolve("中渚") == "TE3"
