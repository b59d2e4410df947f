"""`acumap` opens the window; `acumap points|show|check|handout` work without one."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from acumap import __version__
from acumap.core.catalog import Catalog, UnknownPointError
from acumap.core.text import point_duration
from acumap.loaders.bundle import Bundle, load_bundle
from acumap.loaders.problems import LoadError


class UsageError(Exception):
    """Bad arguments: a one-line message and exit status 2."""


def fail(message: str, status: int) -> NoReturn:
    print(f"acumap: {message}", file=sys.stderr)
    raise SystemExit(status)


def _folder_arg(option: str, value: str | None) -> Path | None:
    """--data / --figures: None for the bundled folder, else an existing folder (exit 2)."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(f"{option} needs a folder, not an empty name")
    path = Path(value)
    try:
        if not path.is_dir():
            what = "is not a folder" if path.exists() else "does not exist"
            raise UsageError(f"{option} {value[:200]!r} {what}")
    except OSError as exc:  # a symlink loop, a name too long …
        raise UsageError(f"{option} {value[:200]!r}: {exc.strerror or exc}") from None
    return path


def _load(args: argparse.Namespace) -> Bundle:
    data = _folder_arg("--data", getattr(args, "data", None))
    figures = _folder_arg("--figures", getattr(args, "figures", None))
    try:
        return load_bundle(data, figures)
    except LoadError as exc:
        for p in exc.problems:
            print(str(p), file=sys.stderr)
        n = len(exc.problems)
        fail(f"{n} problem{'s' if n != 1 else ''} found", 1)


def resolve_codes(catalog: Catalog, codes: Sequence[str]) -> list[str]:
    try:
        return catalog.resolve_all(codes)
    except UnknownPointError as exc:
        raise UsageError(str(exc)) from None


def point_record(bundle: Bundle, code: str, view: str | None = None) -> dict[str, object]:
    p = bundle.atlas.points[code]
    return {
        "code": p.code,
        "meridian": p.meridian,
        "pinyin": p.pinyin,
        "hanzi": p.hanzi,
        "english": p.english,
        "conditions": list(p.conditions),
        "cautions": [c.code for c in p.cautions],
        "self_care": p.self_care,
        "positions": [
            {"view": q.view, "side": q.side, "x": q.x, "y": q.y}
            | ({"site": q.site} if q.site else {})
            for q in bundle.positions_of(code, view)
        ],
    } | ({"no_position": p.no_position} if p.no_position else {})


def cmd_points(args: argparse.Namespace) -> int:
    bundle = _load(args)
    atlas = bundle.atlas
    catalog = Catalog(atlas)
    try:
        meridians = [catalog.channel(m) for m in args.meridian or []]
        conditions = [catalog.condition(c) for c in args.condition or []]
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    codes = catalog.filter(meridians, conditions)
    if args.view and args.view not in bundle.specs:
        raise UsageError(f"unknown figure '{args.view[:40]}' (known: {', '.join(bundle.specs)})")
    if args.view:
        codes = [c for c in codes if bundle.positions_of(c, args.view)]
    records = [point_record(bundle, c, args.view) for c in codes]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["code", "meridian", "pinyin", "hanzi", "english", "conditions", "views"])
        for c in codes:
            p = atlas.points[c]
            w.writerow([p.code, p.meridian, p.pinyin, p.hanzi, p.english,
                        " ".join(p.conditions), " ".join(bundle.views_of(c))])  # fmt: skip
    else:
        print(f"{'CODE':<10} {'PINYIN':<14} {'ENGLISH':<34} FIGURES")
        for c in codes:
            p = atlas.points[c]
            views = "/".join(bundle.views_of(c)) or "(none: " + p.no_position[:40] + ")"
            print(f"{p.code:<10} {p.pinyin:<14} {p.english:<34} {views}")
        print(f"{len(codes)} point{'' if len(codes) == 1 else 's'}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    bundle = _load(args)
    codes = resolve_codes(Catalog(bundle.atlas), args.codes)
    print("\n\n".join(show_text(bundle, code) for code in codes))
    return 0


def show_text(bundle: Bundle, code: str) -> str:
    atlas = bundle.atlas
    p = atlas.points[code]
    m = atlas.meridians[p.meridian]
    lines = [
        f"{p.code}  {p.pinyin} ({p.pinyin_tones or p.pinyin})  {p.hanzi}  {p.english}",
        f"Meridian:   {m.english} ({m.code})",
        f"Location:   {p.location}",
        f"Find it:    {p.how_to_find}",
        f"Technique:  {p.technique}",
        f"How long:   {point_duration(p)}",
        f"Helps with: {', '.join(atlas.conditions[c].label for c in p.conditions)}",
    ]
    for c in p.cautions:
        kind = atlas.cautions[c.code]
        level = f" ({c.level})" if c.level else ""
        lines.append(f"Caution:    {kind.label}{level}: {c.reason or kind.reason}")
    care = "yes" if p.self_care else f"no: {p.self_care_reason}"
    lines.append(f"Self-care:  {care}")
    if p.notes:
        lines.append(f"Notes:      {p.notes}")
    views = ", ".join(
        f"{q.view} {q.side}{' ' + q.site if q.site else ''} ({q.x:.0f}, {q.y:.0f})"
        for q in bundle.positions_of(code)
    )
    lines.append(f"Shown on:   {views or 'no figure: ' + p.no_position}")
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    bundle = _load(args)
    n = len(bundle.positions)
    print(f"{len(bundle.atlas.points)} points ({n} positions) on {len(bundle.figures)} figures OK")
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    bundle = _load(args)
    rows = [
        {"id": s.id, "file": s.file, "label": s.label, "kind": s.kind, "region": s.region,
         "sides": list(s.sides)}
        for s in bundle.specs.values()
    ]  # fmt: skip
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for s in bundle.specs.values():
        sides = "/".join(s.sides)
        print(f"{s.id:<12} {s.file:<16} {s.kind:<9} {s.region:<5} {sides:<20} {s.label}")
    print(f"{len(rows)} figures")
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    from acumap.qt.handout_cli import run_handout

    return run_handout(args, _load(args))


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="acumap",
        description="Acupressure body map. With no command, opens the window.",
    )
    ap.add_argument("--version", action="version", version=f"acumap {__version__}")
    win = ap.add_argument_group("window (no command)")
    win.add_argument(
        "--screenshot", metavar="FILE.png", help="render the window offscreen, save, exit"
    )
    win.add_argument("--view", metavar="FIGURE", help="which figure to show (see `acumap figures`)")
    win.add_argument("--figures", metavar="DIR", help="a figure set folder (figures.toml + SVGs)")
    win.add_argument("--select", metavar="CODE", help="select a point (code, alias or pinyin)")
    win.add_argument("--meridian", action="append", metavar="CODE", help="show only this channel")
    win.add_argument("--condition", action="append", metavar="TAG", help="show only this complaint")
    win.add_argument("--pregnant", action="store_true", help="mark pregnancy-cautioned points")
    win.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1400x900")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    def with_sources(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--data", metavar="DIR", help="data folder (default: the bundled data)")
        p.add_argument("--figures", metavar="DIR", help="a figure set folder (figures.toml + SVGs)")
        return p

    pts = with_sources(sub.add_parser("points", help="list points (table, json or csv)"))
    pts.add_argument("--meridian", action="append", metavar="CODE")
    pts.add_argument("--condition", action="append", metavar="TAG")
    pts.add_argument("--view", metavar="FIGURE", help="only points shown on this figure")
    pts.add_argument("--format", choices=["table", "json", "csv"], default="table")
    pts.set_defaults(func=cmd_points)

    show = with_sources(sub.add_parser("show", help="print points in full"))
    show.add_argument(
        "codes", nargs="+", metavar="CODE",
        help="code, alias or pinyin: LI4, LV3, SJ5, Du20, 'zu san li'",
    )  # fmt: skip
    show.set_defaults(func=cmd_show)

    chk = with_sources(sub.add_parser("check", help="validate data and figures"))
    chk.set_defaults(func=cmd_check)

    figs = with_sources(sub.add_parser("figures", help="list the figures of the figure set"))
    figs.add_argument("--format", choices=["table", "json"], default="table")
    figs.set_defaults(func=cmd_figures)

    ho = with_sources(sub.add_parser("handout", help="write a handout PDF without a window"))
    ho.add_argument("codes", nargs="*", metavar="CODE")
    ho.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    ho.add_argument("--title", default="Your acupressure points")
    ho.add_argument("--for", dest="recipient", default="", metavar="NAME")
    ho.add_argument("--by", dest="practitioner", default="", metavar="CLINIC")
    ho.add_argument("--pregnant", action="store_true", help="recipient is pregnant: warn")
    ho.add_argument("--paper", choices=["a4", "letter"], default=None)
    ho.add_argument("--from", dest="source", metavar="SAVED.acumap.json")
    ho.set_defaults(func=cmd_handout)
    return ap


def _quiet_stdout() -> None:
    """After stdout failed, point it at /dev/null so Python's own flush at exit stays quiet."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from acumap.qt.app import run_window

            _folder_arg("--figures", args.figures)
            return run_window(args)
        status = int(args.func(args))
        sys.stdout.flush()  # a full disk or closed pipe is reported here, not at exit
        return status
    except UsageError as exc:
        fail(str(exc), 2)
    except BrokenPipeError:  # `acumap points | head`
        _quiet_stdout()
        return 0
    except OSError as exc:
        if exc.filename is not None:  # a file the command itself opened
            fail(f"{Path(str(exc.filename)).name}: {exc.strerror or exc}", 1)
        _quiet_stdout()
        fail(f"cannot write the output: {exc.strerror or exc}", 1)


if __name__ == "__main__":
    raise SystemExit(main())
