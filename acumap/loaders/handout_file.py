"""Saving and opening .acumap.json handouts: atomic writes, one-line errors, autosave location."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import platformdirs

from acumap.core.handout import Handout, HandoutFormatError, dumps, loads

SUFFIX = ".acumap.json"
MAX_BYTES = 4 * 1024 * 1024  # a handout is a few KB; refuse to read anything absurd


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it.

    A crash or a full disk part-way leaves the old file as it was (os.replace is atomic on
    the same file system), which is why this does not simply open `path` for writing.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_handout(path: Path, handout: Handout) -> None:
    write_atomic(path, dumps(handout))


def open_handout(path: Path, known_codes: set[str] | None = None) -> Handout:
    """Read a saved handout; HandoutFormatError's message starts with the file name."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise HandoutFormatError(f"{path.name}: too large to be a handout")
        data = path.read_bytes()
    except OSError as exc:
        raise HandoutFormatError(f"{path.name}: cannot read: {exc.strerror or exc}") from None
    try:
        return loads(data, known_codes)
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
