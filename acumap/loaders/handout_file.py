"""Saving and opening .acumap.json handouts: atomic writes, one-line errors, autosave location."""

from __future__ import annotations

import os
import time
from pathlib import Path

import platformdirs

from acumap.core.handout import MAX_BYTES, Handout, HandoutFormatError, dumps, loads
from acumap.loaders.safe_write import write_atomic

SUFFIX = ".acumap.json"


def save_handout(path: Path, handout: Handout) -> None:
    write_atomic(path, dumps(handout))


def open_handout(
    path: Path, known_codes: set[str] | None = None, landmarks: frozenset[str] = frozenset()
) -> Handout:
    """Read a saved handout; HandoutFormatError's message starts with the file name."""
    path = Path(path)
    try:
        if not path.is_file():
            raise HandoutFormatError(f"{path.name}: not a file")
        with path.open("rb") as fh:  # read at most a little past the limit, whatever the size
            data = fh.read(MAX_BYTES + 1)
    except (OSError, RuntimeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise HandoutFormatError(f"{path.name}: cannot read: {why}") from None
    try:
        return loads(data, known_codes, landmarks)
    except HandoutFormatError as exc:
        raise HandoutFormatError(f"{path.name}: {exc}") from None


def user_data_dir() -> Path:
    """Where the autosaved handout lives (ACUMAP_DATA_HOME overrides, for tests)."""
    override = os.environ.get("ACUMAP_DATA_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir("acumap", "acumap"))
    base.mkdir(parents=True, exist_ok=True)
    return base


def autosave_path() -> Path:
    return user_data_dir() / f"autosave{SUFFIX}"


def set_aside(path: Path) -> Path:
    """Rename a file that cannot be restored to `NAME.bad-<time>.acumap.json`, so the next
    autosave cannot overwrite what may be the user's only copy of their work."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    stem = path.name.removesuffix(SUFFIX)
    aside = path.with_name(f"{stem}.bad-{stamp}{SUFFIX}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{stem}.bad-{stamp}-{n}{SUFFIX}")
    os.replace(path, aside)
    return aside
