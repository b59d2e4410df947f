"""A cache of the checked, placed bundle, so the window starts without re-parsing anything.

Reading the TOML, validating it, parsing the SVGs with svgelements and placing every point
costs a few hundred milliseconds; decoding the result with msgspec costs a few. The cache is
keyed by the bytes of every input file and the program's version, so an edited data file or a
new figure is never served stale. A cache that cannot be read or written is simply ignored:
the full load is always the fallback, and `acumap check` never uses the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

import msgspec
import platformdirs

from acumap import __version__
from acumap.core.model import Atlas
from acumap.geometry.figure import Figure
from acumap.geometry.placement import Position

FORMAT = 1  # bump when what is stored changes shape


class _FigureRecord(msgspec.Struct, frozen=True):
    view: str
    source: str
    viewbox: tuple[float, float, float, float]
    silhouette_wkb: bytes
    landmarks: dict[str, tuple[float, float]]


class _Record(msgspec.Struct, frozen=True):
    atlas: Atlas
    figures: list[_FigureRecord]
    positions: list[tuple[str, str, str, float, float]]


def cache_dir() -> Path:
    """Where the cache lives (ACUMAP_CACHE_HOME overrides, for tests)."""
    override = os.environ.get("ACUMAP_CACHE_HOME")
    return Path(override) if override else Path(platformdirs.user_cache_dir("acumap", False))


def inputs(data: Path, figures: Path) -> list[Path]:
    files = sorted(data.glob("*.toml")) + sorted((data / "points").glob("*.toml"))
    return [*files, figures / "front.svg", figures / "back.svg"]


def cache_key(data: Path, figures: Path) -> tuple[str, dict[str, bytes]]:
    """The key for these inputs, and the SVG bytes read on the way (the window draws them)."""
    h = hashlib.sha256(f"acumap {__version__} cache {FORMAT}".encode())
    svgs: dict[str, bytes] = {}
    for path in inputs(data, figures):
        raw = path.read_bytes()
        h.update(path.name.encode() + b"\0")
        h.update(raw)
        if path.suffix == ".svg":
            svgs[path.name] = raw
    return h.hexdigest()[:32], svgs


def _path(key: str) -> Path:
    return cache_dir() / f"bundle-{key}.msgpack"


def read_cached(
    key: str, svgs: dict[str, bytes]
) -> tuple[Atlas, dict[str, Figure], list[Position]] | None:
    """The cached bundle parts for this key, or None (missing, unreadable or stale format)."""
    try:
        rec = msgspec.msgpack.decode(_path(key).read_bytes(), type=_Record)
        figs = {
            f.view: Figure(
                view=f.view,
                source=f.source,
                viewbox=f.viewbox,
                silhouette_wkb=f.silhouette_wkb,
                landmarks=f.landmarks,
                svg_bytes=svgs[f.source],
            )
            for f in rec.figures
        }
    except (OSError, KeyError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    return rec.atlas, figs, [Position(*p) for p in rec.positions]


def write_cached(
    key: str, atlas: Atlas, figures: dict[str, Figure], positions: list[Position]
) -> None:
    """Store the bundle atomically; a read-only or full disk only costs the next start time."""
    rec = _Record(
        atlas=atlas,
        figures=[
            _FigureRecord(f.view, f.source, f.viewbox, f.silhouette_wkb, f.landmarks)
            for f in figures.values()
        ],
        positions=[(p.code, p.view, p.side, p.x, p.y) for p in positions],
    )
    target = _path(key)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("bundle-*.msgpack"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".bundle-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(msgspec.msgpack.encode(rec))
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
