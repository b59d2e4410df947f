"""`acumap handout CODE... -o FILE.pdf`: the window's handout, written without a window."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import msgspec

from acumap.core.catalog import Catalog, UnknownPointError
from acumap.core.compose import compose
from acumap.core.handout import Handout, HandoutFormatError, HandoutItem
from acumap.loaders.bundle import Bundle
from acumap.loaders.handout_file import open_handout


class HandoutUsageError(ValueError):
    """Bad arguments for `acumap handout` (exit status 2, no file written)."""


def handout_from_args(args: argparse.Namespace, bundle: Bundle) -> Handout:
    """The handout the command line describes: --from gives the base, CODEs add points."""
    catalog = Catalog(bundle.atlas)
    base = Handout()
    if args.source:
        try:
            base = open_handout(Path(args.source), set(bundle.atlas.points))
        except HandoutFormatError as exc:
            raise HandoutUsageError(str(exc)) from None
    try:
        codes = catalog.resolve_all(args.codes)
    except UnknownPointError as exc:
        raise HandoutUsageError(str(exc)) from None
    items = list(base.items)
    have = {i.code for i in items}
    items += [HandoutItem(code=c) for c in dict.fromkeys(codes) if c not in have]
    if not items:
        raise HandoutUsageError("name at least one point (or --from a saved handout)")
    changes: dict[str, object] = {"items": tuple(items)}
    if not args.source or args.title != "Your acupressure points":
        changes["title"] = args.title
    for field in ("recipient", "practitioner"):
        if getattr(args, field):
            changes[field] = getattr(args, field)
    if args.pregnant:
        changes["pregnant"] = True
    if args.paper:
        changes["paper"] = args.paper
    elif not args.source:
        from acumap.qt.printing import locale_paper

        changes["paper"] = locale_paper()
    return msgspec.structs.replace(base, **changes)


def run_handout(args: argparse.Namespace, bundle: Bundle) -> int:
    out = Path(args.output)
    try:
        if out.suffix.lower() != ".pdf":
            raise HandoutUsageError(f"-o writes a PDF: '{out}' should end in .pdf")
        if not out.resolve().parent.is_dir():
            raise HandoutUsageError(f"cannot write '{out}': folder does not exist")
        handout = handout_from_args(args, bundle)
    except HandoutUsageError as exc:
        print(f"acumap: {exc}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from acumap.qt.printing import ensure_gui_app, write_pdf

    ensure_gui_app()
    doc = compose(handout, bundle.atlas, bundle.positions_of)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".pdf", dir=out.resolve().parent)
    os.close(fd)
    try:
        pages = write_pdf(Path(tmp), doc, bundle.figures)
        os.replace(tmp, out)
    except OSError as exc:
        print(f"acumap: cannot write '{out}': {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    n = len(doc.entries)
    print(
        f"wrote {out} ({pages} page{'s' if pages != 1 else ''}, {n} point{'s' if n != 1 else ''})"
    )
    return 0
