"""Starting the window: application, palette, data loading with a clear error, screenshot mode."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from acumap.core.catalog import Catalog
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle, load_bundle
from acumap.loaders.problems import LoadError
from acumap.loaders.safe_write import WriteError, replacing
from acumap.qt.display import window_problem
from acumap.qt.figure_set_actions import FIGURE_SET_KEY

if TYPE_CHECKING:
    from acumap.qt.main_window import MainWindow

ORG, APP = "acumap", "acumap"


# Qt warnings that say nothing to a user: the offscreen plugin (screenshots, handouts without
# a window) cannot pass size hints on, and says so once per window
_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if kind != QtMsgType.QtDebugMsg and message not in _NOISE:
        print(message, file=sys.stderr)


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_qt_message)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("acumap")
    app.setStyle("Fusion")  # follows the system's light or dark palette consistently
    return app


MIN_SIDE, MAX_SIDE = 200, 8000  # a window, not a poster: bounds the screenshot's memory


def parse_size(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    m = re.fullmatch(r"(\d{1,6})x(\d{1,6})", text.strip().lower())
    if not m:
        raise ValueError(f"--size must look like 1400x900, not '{text[:40]}'")
    w, h = int(m.group(1)), int(m.group(2))
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise ValueError(f"--size: each side must be {MIN_SIDE} to {MAX_SIDE} pixels, not {w}x{h}")
    return w, h


def check_writable(path: str) -> None:
    target = Path(path)
    if target.suffix.lower() != ".png":
        raise ValueError(f"--screenshot writes a PNG: '{path}' should end in .png")
    parent = target.resolve().parent
    if not parent.is_dir():
        raise ValueError(f"cannot write '{path}': folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ValueError(f"cannot write '{path}': permission denied")


def apply_args(args: argparse.Namespace, bundle: Bundle, state: ViewerState) -> None:
    """Command-line state (used by --screenshot and for opening at a point)."""
    catalog = Catalog(bundle.atlas)
    meridians = [catalog.channel(m) for m in args.meridian or []]  # ValueError: one line
    conditions = [catalog.condition(c) for c in args.condition or []]
    if meridians or conditions:
        state.set_filters(meridians, conditions)
    if args.pregnant:
        state.set_pregnancy_overlay(True)
    if args.view:
        if args.view not in bundle.specs:
            known = ", ".join(bundle.specs)
            raise ValueError(f"unknown figure '{args.view[:40]}' (known: {known})")
        state.set_view(args.view)
    if args.select:
        (code,) = catalog.resolve_all([args.select])  # UnknownPointError is a ValueError
        state.select(code)
        if not args.view and bundle.views_of(code):
            state.set_view(bundle.views_of(code)[0])


def figures_folder(args: argparse.Namespace, headless: bool) -> Path | None:
    """The figure set to show: --figures, else the one chosen with File → Use figure set…
    (if it still exists), else the bundled one (None)."""
    if getattr(args, "figures", None):
        return Path(args.figures)
    if headless:
        return None
    remembered = QSettings().value(FIGURE_SET_KEY)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    return None


def open_window(
    args: argparse.Namespace, size: tuple[int, int] | None, headless: bool
) -> MainWindow:
    """The window as a user gets it, shown. Headless (a screenshot) reads and writes none of
    the user's files: no settings, no autosave, no cache."""
    from acumap.qt.main_window import MainWindow

    folder = figures_folder(args, headless)
    fallback = ""
    try:
        bundle = load_bundle(figures=folder, cached=not headless)
    except LoadError as exc:
        if folder is None or getattr(args, "figures", None):
            raise
        # a remembered figure set that broke since is no reason not to start
        QSettings().remove(FIGURE_SET_KEY)
        fallback = (
            f"The figure set {folder} can no longer be used ({exc.problems[0]}); acumap shows "
            "its own figures. Choose it again with File → Use figure set… once it is fixed."
        )
        bundle = load_bundle(cached=not headless)
    state = ViewerState({c: bundle.views_of(c) for c in bundle.atlas.points}, list(bundle.specs))
    window = MainWindow(bundle, state, None if headless else QSettings())
    if not headless:
        window.restore()
    apply_args(args, bundle, state)  # ValueError: bad arguments
    if size:
        window.resize(*size)
    window.show()
    if fallback:  # window-modal, not blocking
        box = QMessageBox(QMessageBox.Icon.Warning, "Figure set not used", fallback, parent=window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return window


def run_window(args: argparse.Namespace) -> int:
    shot = args.screenshot
    try:
        size = parse_size(args.size)
        if shot:
            check_writable(shot)
    except ValueError as exc:
        print(f"acumap: {exc}", file=sys.stderr)
        return 2
    if shot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not shot and QApplication.instance() is None and (why := window_problem()):
        print(f"acumap: {why}", file=sys.stderr)
        return 1
    app = make_app()
    try:
        window = open_window(args, size, headless=bool(shot))
    except LoadError as exc:
        for p in exc.problems:
            print(str(p), file=sys.stderr)
        if not shot:
            QMessageBox.critical(
                None, "acumap cannot start", "\n".join(map(str, exc.problems[:15]))
            )
        return 1
    except ValueError as exc:
        print(f"acumap: {exc}", file=sys.stderr)
        return 2
    state, bundle = window.state, window.bundle
    if shot:
        app.processEvents()  # the same first layout (and fit) a user's window gets
        if state.selected:
            window.body.center_on_point(state.selected)
        app.processEvents()
        try:
            with replacing(Path(shot), suffix=".png") as tmp:
                if not window.grab().save(str(tmp), "PNG"):
                    raise WriteError(f"{Path(shot).name}: could not write the PNG")
        except WriteError as exc:
            print(f"acumap: {exc}", file=sys.stderr)
            return 1
        return 0
    # Build the hit indexes (shapely, numpy) just after the first frame, not before it and
    # not on the first click.
    QTimer.singleShot(0, lambda: [bundle.hit_index(v) for v in bundle.figures])
    return app.exec()
