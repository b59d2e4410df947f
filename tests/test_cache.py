"""The start-up cache: same bundle as a full load, never stale, never in the way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from acumap.loaders.bundle import load_bundle
from acumap.loaders.problems import LoadError

ROOT = Path(__file__).resolve().parents[1]

SECOND_START = """
import sys
from acumap.loaders.bundle import load_bundle
b = load_bundle(cached=True)
print(len(b.positions), b.positions_of("ST36", "front")[0].x)
print(sorted(m for m in ("svgelements", "shapely", "numpy") if m in sys.modules))
"""


def test_a_cached_start_gives_the_same_bundle_without_parsing(isolated_cache: Path) -> None:
    full = load_bundle(cached=True)  # fills the cache
    assert list(isolated_cache.glob("bundle-*.msgpack"))
    again = load_bundle(cached=True)
    assert again.positions == full.positions
    assert again.atlas == full.atlas
    assert again.figures["front"].landmarks == full.figures["front"].landmarks
    assert again.figures["back"].silhouette.equals(full.figures["back"].silhouette)
    out = subprocess.run(
        [sys.executable, "-c", SECOND_START], capture_output=True, text=True, timeout=60,
        env={**os.environ, "ACUMAP_CACHE_HOME": str(isolated_cache)},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    count, modules = out.stdout.splitlines()
    assert count.split()[0] == str(len(full.positions))
    assert modules == "[]"  # no SVG parsing or geometry on a cached start


def test_an_edited_data_file_is_never_served_from_the_cache(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    load_bundle(data, cached=True)
    st = data / "points" / "ST.toml"
    st.write_text(st.read_text(encoding="utf-8").replace('meridian = "ST"', 'meridian = "QQ"', 1))
    with pytest.raises(LoadError) as exc:
        load_bundle(data, cached=True)
    assert "unknown meridian 'QQ'" in str(exc.value)


def test_a_corrupt_cache_falls_back_to_a_full_load(isolated_cache: Path) -> None:
    load_bundle(cached=True)
    (cache_file,) = isolated_cache.glob("bundle-*.msgpack")
    cache_file.write_bytes(b"\x00garbage")
    assert load_bundle(cached=True).positions_of("LI4")
    assert cache_file.read_bytes() != b"\x00garbage"  # rewritten


def test_every_flipped_bit_is_caught_and_rebuilt(isolated_cache: Path) -> None:
    """A damaged cache costs a cold start: never a crash, never different points."""
    import random

    from acumap.loaders import cache
    from acumap.loaders.resources import data_dir, figures_dir

    full = load_bundle(cached=True)
    (cache_file,) = isolated_cache.glob("bundle-*.msgpack")
    good = cache_file.read_bytes()
    key, svgs = cache.cache_key(data_dir(), figures_dir())
    rng = random.Random(7)
    offsets = [*range(0, 64), *rng.sample(range(64, len(good)), 300)]  # header and body
    for offset in offsets:
        bad = bytearray(good)
        bad[offset] ^= 1 << rng.randrange(8)
        cache_file.write_bytes(bytes(bad))
        assert cache.read_cached(key, svgs) is None, offset
    cache_file.write_bytes(good[: len(good) // 2])
    assert cache.read_cached(key, svgs) is None
    again = load_bundle(cached=True)  # rebuilt from the files
    assert again.positions == full.positions
    assert cache_file.read_bytes() == good
