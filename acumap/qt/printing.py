"""Print, preview and PDF export share `render_handout`; this module sets up each device."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPdfWriter
from PySide6.QtWidgets import QApplication

from acumap.core.compose import HandoutDoc
from acumap.core.handout import Paper
from acumap.geometry.figure import Figure
from acumap.loaders.safe_write import replacing
from acumap.qt.fonts import cjk_family
from acumap.qt.handout_render import page_layout, render_handout

_warned = False


def locale_paper() -> Paper:
    """Letter where the locale measures in inches (US and a few others), A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def ensure_gui_app() -> QGuiApplication:
    app = QGuiApplication.instance() or QApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0]])
    assert isinstance(app, QGuiApplication)
    return app


def hanzi_family(warn: bool) -> str | None:
    """The CJK family, or None; says once on stderr that hanzi are left out."""
    global _warned
    family = cjk_family()
    if family is None and warn and not _warned:
        _warned = True
        print("acumap: no Chinese font found: hanzi are left out of the handout", file=sys.stderr)
    return family


def render_on(device: QPagedPaintDevice, doc: HandoutDoc, figures: Mapping[str, Figure]) -> int:
    """The one render path: the device gets the handout's paper, then the pages."""
    device.setPageLayout(page_layout(doc.paper))
    return render_handout(device, doc, figures, hanzi_family(warn=True))


def _whole_pdf(path: Path) -> str | None:
    """QPdfWriter reports no write errors (a full disk gives a cut-off file): check the end."""
    size = path.stat().st_size
    if size < 64:
        return "the PDF came out empty (is the disk full?)"
    with path.open("rb") as fh:
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    return None if b"%%EOF" in tail else "the PDF came out incomplete (is the disk full?)"


def export_pdf(path: Path, doc: HandoutDoc, figures: Mapping[str, Figure]) -> int:
    """Write the handout PDF to `path` whole, or raise WriteError and leave `path` untouched."""
    pages = 0
    with replacing(path, _whole_pdf, suffix=".pdf") as tmp:
        pages = write_pdf(tmp, doc, figures)
    return pages


def write_pdf(path: Path, doc: HandoutDoc, figures: Mapping[str, Figure]) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(600)
    writer.setTitle(doc.title)
    writer.setCreator("acumap")
    pages = render_on(writer, doc, figures)
    del writer  # the file is finished when the writer goes
    return pages
