"""Writing a user's file so that it either completes and is verified, or stays as it was.

Every write (a saved handout, the autosave, a PDF, the cache) goes to a temporary file in the
target's own folder, is flushed to disk and checked, and only then renamed over the target.
A full disk, a crash or a failed check leaves the old file untouched. The new file keeps the
old one's permissions (a new one follows the umask, like any file the user makes), and a
symlink is written through, so the link stays a link.

Why not QSaveFile: the cache and the headless commands write without Qt (this layer must not
import it), and one implementation keeps one behaviour for every file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


class WriteError(OSError):
    """A write that did not complete; the message is one line a person can act on."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def real_target(path: Path) -> Path:
    """The file a write to `path` should change: a symlink's final target."""
    path = Path(path)
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise WriteError(f"{path.name}: cannot write: {exc}") from None


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextlib.contextmanager
def replacing(
    path: Path, check: Callable[[Path], str | None] | None = None, suffix: str = ".tmp"
) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path` atomically.

    `check(tmp)` returns None when the written file is whole, else why it is not; then, like
    on any error, the temporary file is removed and `path` is left as it was.
    """
    target = real_target(path)
    name = Path(path).name
    if not target.parent.is_dir():
        raise WriteError(f"{name}: cannot write: folder {target.parent} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise WriteError(f"{name}: cannot write: {_why(exc)}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        problem = check(tmp) if check is not None else None
        if problem:
            raise WriteError(f"{name}: not written: {problem}")
        with open(tmp, "rb+") as fh:  # the bytes are on disk before the rename makes them live
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{name}: cannot write: {_why(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole, or raise WriteError and leave `path` as it was."""

    def same_bytes(tmp: Path) -> str | None:
        return None if tmp.read_bytes() == data else "the written file reads back differently"

    with replacing(path, same_bytes) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
