"""A cache of the checked, placed bundle, so the window starts without re-parsing anything.

Reading the TOML, validating it, parsing the SVGs with svgelements and placing every point
costs a few hundred milliseconds; decoding the result with msgspec costs a few. The cache is
keyed by the bytes of every input file and the program's version, so an edited data file or a
new figure is never served stale. The file carries a SHA-256 of its own body and the key it
was made for, and what it decodes to is checked (types by msgspec, every position's point and
figure), so a damaged cache is detected and rebuilt: it costs a cold start, never a crash or
wrong points. `acumap check` never uses the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
import platformdirs

from acumap import __version__
from acumap.core.model import Atlas, FigureSpec
from acumap.geometry.figure import Figure
from acumap.geometry.placement import Position
from acumap.loaders.safe_write import write_atomic

if TYPE_CHECKING:
    from acumap.loaders.bundle import Bundle

FORMAT = 5  # bump when what is stored changes shape
MAGIC = b"acumap-cache\0"


class _FigureRecord(msgspec.Struct, frozen=True):
    view: str
    source: str
    viewbox: tuple[float, float, float, float]
    silhouette_wkb: bytes
    landmarks: dict[str, tuple[float, float]]
    curves: dict[str, tuple[tuple[float, float], ...]]


class _Record(msgspec.Struct, frozen=True):
    atlas: Atlas
    specs: list[FigureSpec]
    figures: list[_FigureRecord]
    positions: list[tuple[str, str, str, float, float, str]]
    spacing: dict[str, float]


def cache_dir() -> Path:
    """Where the cache lives (ACUMAP_CACHE_HOME overrides, for tests)."""
    override = os.environ.get("ACUMAP_CACHE_HOME")
    return Path(override) if override else Path(platformdirs.user_cache_dir("acumap", False))


def _code() -> list[Path]:
    """The code that turns files into the bundle: an edited placement rule is never served
    a bundle placed by the old one (the version number alone would not change)."""
    pkg = Path(__file__).resolve().parents[1]
    return sorted(p for sub in ("core", "geometry", "loaders") for p in (pkg / sub).glob("*.py"))


def inputs(data: Path, figures: Path) -> list[Path]:
    files = [
        *sorted(data.glob("*.toml")),
        *sorted((data / "points").glob("*.toml")),
        *sorted((data / "landmarks").glob("*.toml")),
        *sorted(figures.glob("*.toml")),
        *sorted(figures.glob("*.svg")),
    ]
    return [*files, *_code()]


def cache_key(data: Path, figures: Path) -> tuple[str, dict[str, bytes]]:
    """The key for these inputs, and the SVG bytes read on the way (the window draws them)."""
    h = hashlib.sha256(f"acumap {__version__} cache {FORMAT}".encode())
    svgs: dict[str, bytes] = {}
    for path in inputs(data, figures):
        raw = path.read_bytes()
        h.update(path.name.encode() + b"\0" + len(raw).to_bytes(8, "little"))
        h.update(raw)
        if path.suffix == ".svg" and path.parent == figures:
            svgs[path.name] = raw
    return h.hexdigest()[:32], svgs


def _path(key: str) -> Path:
    return cache_dir() / f"bundle-{key}.msgpack"


def _unwrap(raw: bytes, key: str) -> bytes | None:
    """The body of a cache file if its header names this key and its checksum holds."""
    head = MAGIC + key.encode() + b"\0"
    if not raw.startswith(head) or len(raw) < len(head) + 32:
        return None
    digest, body = raw[len(head) : len(head) + 32], raw[len(head) + 32 :]
    return body if hmac.compare_digest(hashlib.sha256(body).digest(), digest) else None


def read_cached(key: str, svgs: dict[str, bytes]) -> Bundle | None:
    """The cached bundle parts for this key, or None: missing, damaged, stale or inconsistent
    caches all fall back to the full load."""
    try:
        body = _unwrap(_path(key).read_bytes(), key)
        if body is None:
            return None
        rec = msgspec.msgpack.decode(body, type=_Record)
        specs = {s.id: s for s in rec.specs}
        figs = {
            f.view: Figure(
                view=f.view,
                source=f.source,
                viewbox=f.viewbox,
                silhouette_wkb=f.silhouette_wkb,
                landmarks=f.landmarks,
                svg_bytes=svgs[f.source],
                curves=f.curves,
                frame=specs[f.view].frame,
                sides=specs[f.view].sides,
            )
            for f in rec.figures
        }
        positions = [Position(*p) for p in rec.positions]
        if any(p.code not in rec.atlas.points or p.view not in figs for p in positions):
            return None
    # A cache is only ever a shortcut: whatever is wrong with it (even a failure we did not
    # foresee) means "load from the files", never "do not start".
    except Exception:
        return None
    from acumap.loaders.bundle import Bundle

    return Bundle(
        atlas=rec.atlas, specs=specs, figures=figs, positions=positions, spacing=rec.spacing
    )


def write_cached(key: str, bundle: Bundle) -> None:
    """Store the bundle atomically; a read-only or full disk only costs the next start time."""
    rec = _Record(
        atlas=bundle.atlas,
        specs=bundle.manifest(),
        figures=[
            _FigureRecord(f.view, f.source, f.viewbox, f.silhouette_wkb, f.landmarks, f.curves)
            for f in bundle.figures.values()
        ],
        positions=[(p.code, p.view, p.side, p.x, p.y, p.site) for p in bundle.positions],
        spacing=bundle.spacing,
    )
    body = msgspec.msgpack.encode(rec)
    target = _path(key)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("bundle-*.msgpack"):
            if old != target:
                old.unlink(missing_ok=True)
        raw = MAGIC + key.encode() + b"\0" + hashlib.sha256(body).digest() + body
        write_atomic(target, raw)
