"""One clear line per problem in the input: file, point, field, what is wrong."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

# A part of a line longer than this is cut: a hostile value must not flood the terminal.
MAX_PART = 300


def one_line(text: str) -> str:
    """Escape what would break or disguise a line (newlines, escapes, bidi marks), cut it short.

    Non-printable characters are written the way repr() writes them (`\\n`, `\\x1b`,
    `\\u202e`), so a field named "foo<newline>bar" reads as `foo\\nbar` on one line.
    """
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= MAX_PART else text[: MAX_PART - 1] + "…"


@dataclass(frozen=True)
class Problem:
    file: str
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.item:
            parts.append(self.item)
        if self.field:
            parts.append(self.field)
        return ": ".join(one_line(p) for p in parts) + f": {one_line(self.message)}"


class LoadError(Exception):
    """Raised with every problem found, so a user fixes them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class UnreadableInput(Exception):
    """An input file that cannot be used as one: the message is the reason, in a few words."""


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or UnreadableInput saying why.

    The file is opened first and checked through its descriptor, so a folder, a FIFO (whose
    open() would block), a device such as /dev/zero (endless) or a symlink loop is refused
    without waiting, and what is checked is what is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UnreadableInput(f"file not found ({os.path.abspath(path)})") from None
    except OSError as exc:
        if os.path.isdir(path):  # Windows refuses to open a folder ("permission denied")
            raise UnreadableInput("is a folder, not a file") from None
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableInput("is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise UnreadableInput("is not a regular file (a pipe, device or socket)")
        raw = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise UnreadableInput(f"larger than {limit // (1024 * 1024)} MB, the limit for this file")
    return raw


def _read_at_most(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
