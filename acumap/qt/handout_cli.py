"""`acumap handout CODE... -o FILE.pdf`: the window's handout, written without a window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import msgspec

from acumap.core.catalog import Catalog, UnknownPointError
from acumap.core.compose import compose
from acumap.core.handout import MAX_ITEMS, Handout, HandoutFormatError, HandoutItem
from acumap.core.handout_rules import landmark_codes, landmark_message
from acumap.loaders.bundle import Bundle
from acumap.loaders.handout_file import open_handout
from acumap.loaders.safe_write import WriteError, real_target


class HandoutUsageError(ValueError):
    """Bad arguments for `acumap handout` (exit status 2, no file written)."""


def handout_from_args(args: argparse.Namespace, bundle: Bundle) -> Handout:
    """The handout the command line describes: --from gives the base, CODEs add points."""
    catalog = Catalog(bundle.atlas)
    landmarks = landmark_codes(bundle.atlas)
    base = Handout()
    if args.source:
        try:
            base = open_handout(Path(args.source), set(bundle.atlas.points), landmarks)
        except HandoutFormatError as exc:
            raise HandoutUsageError(str(exc)) from None
    if len(args.codes) > MAX_ITEMS:
        raise HandoutUsageError(
            f"a handout holds at most {MAX_ITEMS} points, not {len(args.codes)}"
        )
    try:
        codes = catalog.resolve_all(args.codes)
    except UnknownPointError as exc:
        raise HandoutUsageError(str(exc)) from None
    refused = [c for c in codes if c in landmarks]
    if refused:
        raise HandoutUsageError(landmark_message(bundle.atlas, refused))
    items = list(base.items)
    have = {i.code for i in items}
    items += [HandoutItem(code=c) for c in dict.fromkeys(codes) if c not in have]
    if len(items) > MAX_ITEMS:
        raise HandoutUsageError(f"a handout holds at most {MAX_ITEMS} points")
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


def check_output(out: Path) -> None:
    """Refuse an -o the PDF cannot be written to, before any work is done."""
    if out.suffix.lower() != ".pdf":
        raise HandoutUsageError(f"-o writes a PDF: '{out}' should end in .pdf")
    try:
        target = real_target(out)
    except WriteError as exc:
        raise HandoutUsageError(str(exc)) from None
    if target.is_dir():
        raise HandoutUsageError(f"cannot write '{out}': it is a folder")
    if not target.parent.is_dir():
        raise HandoutUsageError(f"cannot write '{out}': folder does not exist")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise HandoutUsageError(f"cannot write '{out}': the folder is not writable")


def run_handout(args: argparse.Namespace, bundle: Bundle) -> int:
    out = Path(args.output)
    try:
        check_output(out)
        handout = handout_from_args(args, bundle)
    except HandoutUsageError as exc:
        print(f"acumap: {exc}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from acumap.qt.printing import ensure_gui_app, export_pdf

    ensure_gui_app()
    doc = compose(handout, bundle.atlas, bundle.positions_of, figures=bundle.manifest())
    try:
        pages = export_pdf(out, doc, bundle.figures)
    except WriteError as exc:
        print(f"acumap: {exc}", file=sys.stderr)
        return 1
    n = len(doc.entries)
    print(
        f"wrote {out} ({pages} page{'s' if pages != 1 else ''}, {n} point{'s' if n != 1 else ''})"
    )
    for e in doc.entries:
        if e.practitioner_only:
            print(f"  {e.code} ({e.pinyin}) is printed as practitioner only: not for self-care")
    return 0
