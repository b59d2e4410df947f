"""Draws a composed handout on any paged device: the PDF writer, the printer, the preview.

One function, `render_handout`, is behind Print, Print preview and Export PDF, so what the
preview shows is what prints. Coordinates are in points (1/72 inch): the painter is scaled
from the device's resolution, and text is laid out in pixel-sized fonts in that space with
design metrics, so a page looks the same on a 1200 dpi PDF and a 300 dpi printer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from acumap.core.compose import Entry, FigurePlan, HandoutDoc, Marker, paginate
from acumap.geometry.figure import Figure
from acumap.qt.handout_html import (
    BODY_PX,
    MUTED,
    WARN,
    entry_html,
    header_html,
    precautions_html,
    warning_html,
)

GAP = 10.0
FOOTER_H = 18.0
THUMB = 66.0  # the zoomed crop beside each entry, in points
CROP_UNITS = 150.0  # figure units shown in a crop (about a hand's length)
INK = "#222222"
PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def page_layout(paper: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAPER.get(paper, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 14, 15, 12),
        QPageLayout.Unit.Millimeter,
    )


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont("DejaVu Sans")
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def _doc(html: str, width: float, px: float = BODY_PX) -> QTextDocument:
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(_font(px))
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(opt)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(f"p {{ margin: 0 0 2px 0; }} body {{ color: {INK}; }}")
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def _text(p: QPainter, rect: QRectF, align: Qt.AlignmentFlag, text: str) -> None:
    """One line of text aligned in a rectangle."""
    p.drawText(rect, text, QTextOption(align))


def _draw_doc(p: QPainter, doc: QTextDocument, x: float, y: float) -> None:
    p.save()
    p.translate(x, y)
    doc.drawContents(p)
    p.restore()


# -- figures -------------------------------------------------------------------------------------
@dataclass
class _Art:
    figure: Figure
    renderer: QSvgRenderer


def _marker(p: QPainter, at: QPointF, number: int, color: str, r: float) -> None:
    p.setPen(QPen(QColor("#ffffff"), r * 0.25))
    p.setBrush(QColor(color))
    p.drawEllipse(at, r, r)
    p.setPen(QColor("#ffffff"))
    p.setFont(_font(r * (1.25 if number < 10 else 1.0), bold=True))
    _text(
        p, QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(number)
    )


def _crop(figure: Figure, markers: Sequence[Marker], closeup: bool = False) -> QRectF:
    """What of a figure page 1 shows: all of it, unless the chosen points sit in one part of
    a body figure (only the legs, only the head): then that band, with room around it."""
    vx, vy, vw, vh = figure.viewbox
    full = QRectF(vx, vy, vw, vh)
    if not markers or closeup:
        return full
    top = min(m.y for m in markers) - 0.15 * vh
    bottom = max(m.y for m in markers) + 0.15 * vh
    top, bottom = max(vy, top), min(vy + vh, bottom)
    if bottom - top > 0.6 * vh:
        return full
    return QRectF(vx, top, vw, bottom - top)


LABEL_H = 20.0  # above each figure: its name, then the patient's sides on a line of their own


def _figure_height(view: QRectF, width: float, most: float) -> float:
    """The height a figure takes in a box `width` wide and at most `most` high."""
    scale = min(width / view.width(), (most - LABEL_H) / view.height())
    return LABEL_H + view.height() * scale


def _draw_figure(
    p: QPainter, art: _Art, plan: FigurePlan, box: QRectF, colors: Mapping[str, str], view: QRectF
) -> None:
    label_h = LABEL_H
    room = QRectF(box.x(), box.y() + label_h, box.width(), box.height() - label_h)
    scale = min(room.width() / view.width(), room.height() / view.height())
    w, h = view.width() * scale, view.height() * scale
    target = QRectF(room.x() + (room.width() - w) / 2, room.y(), w, h)
    art.renderer.setViewBox(view)
    p.save()
    p.setClipRect(target)
    art.renderer.render(p, target)
    p.restore()
    vx, vy, vw, vh = art.figure.viewbox
    art.renderer.setViewBox(QRectF(vx, vy, vw, vh))
    left = f"◂ {plan.sides[0].lower()}" if plan.sides[0] else ""
    right = f"{plan.sides[1].lower()} ▸" if plan.sides[1] else ""
    p.setPen(QColor(MUTED))
    p.setFont(_font(7, bold=True))
    _text(
        p,
        QRectF(box.x(), box.y(), box.width(), 10),
        Qt.AlignmentFlag.AlignCenter,
        (plan.label or plan.view).upper(),
    )
    p.setFont(_font(6))
    sides = QRectF(box.x(), box.y() + 10, box.width(), 9)
    _text(p, sides, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    _text(p, sides, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    _draw_markers(p, art.figure, plan.markers, target, scale, colors, view)


def _draw_markers(
    p: QPainter,
    figure: Figure,
    markers: Sequence[Marker],
    target: QRectF,
    scale: float,
    colors: Mapping[str, str],
    view: QRectF,
) -> None:
    vx, vy = view.x(), view.y()
    r = 4.6
    mid_x = target.x() + (figure.midline_x - vx) * scale
    placed: list[QPointF] = []
    # a point with several sites on one side (Jiaji's 17, Xiyan's 2): a dot at each site and
    # one number, at the topmost, instead of a crowd of numbers
    groups: dict[tuple[str, str], list[Marker]] = {}
    for m in markers:
        groups.setdefault((m.code, m.side), []).append(m)
    numbered = []
    for group in groups.values():
        if len(group) > 1:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colors[group[0].code]))
            for m in group:
                spot = QPointF(target.x() + (m.x - vx) * scale, target.y() + (m.y - vy) * scale)
                p.drawEllipse(spot, 1.6, 1.6)
        numbered.append(min(group, key=lambda m: m.y))
    for m in sorted(numbered, key=markers.index):
        spot = QPointF(target.x() + (m.x - vx) * scale, target.y() + (m.y - vy) * scale)
        at = _free_spot(spot, placed, r, outward=1.0 if spot.x() >= mid_x else -1.0)
        if at != spot:  # moved off a neighbour: a leader and a dot keep the true place
            p.setPen(QPen(QColor(colors[m.code]), 0.7))
            p.drawLine(spot, at)
            p.setBrush(QColor(colors[m.code]))
            p.drawEllipse(spot, 1.2, 1.2)
        _marker(p, at, m.number, colors[m.code], r)
        placed.append(at)


def _free_spot(spot: QPointF, placed: list[QPointF], r: float, outward: float) -> QPointF:
    """The nearest place sideways (away from the midline) where a numbered marker is readable."""
    at = QPointF(spot)
    for _ in range(12):
        if all((at.x() - q.x()) ** 2 + (at.y() - q.y()) ** 2 >= (1.9 * r) ** 2 for q in placed):
            return at
        at = QPointF(at.x() + outward * 1.9 * r, at.y())
    return at


def crop_image(
    art: _Art,
    marker: Marker,
    color: str,
    px: int = 240,
    closeup: bool = False,
    sites: Sequence[Marker] = (),
) -> QImage:
    """A raster close-up around one point (raster keeps a long PDF small). A close-up figure
    is drawn larger, so its crop takes a share of the figure rather than fixed units. A point
    with several sites is framed so that every site shows, each marked."""
    vx, vy, vw, vh = art.figure.viewbox
    units = 0.5 * min(vw, vh) if closeup else CROP_UNITS
    shown = list(sites) or [marker]
    xs, ys = [m.x for m in shown], [m.y for m in shown]
    units = min(max(units, 1.3 * max(max(xs) - min(xs), max(ys) - min(ys))), min(vw, vh))
    half = units / 2
    cx = min(max((min(xs) + max(xs)) / 2, vx + half), vx + vw - half)
    cy = min(max((min(ys) + max(ys)) / 2, vy + half), vy + vh - half)
    img = QImage(px, px, QImage.Format.Format_ARGB32)
    img.fill(QColor("#ffffff"))
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    art.renderer.setViewBox(QRectF(cx - half, cy - half, units, units))
    art.renderer.render(painter, QRectF(0, 0, px, px))
    k = px / units
    size = px / 26 if len(shown) == 1 else px / 34
    for m in shown:
        at = QPointF((m.x - (cx - half)) * k, (m.y - (cy - half)) * k)
        painter.setPen(QPen(QColor(WARN), px / 60))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(at, size * 1.85, size * 1.85)
        _marker(painter, at, m.number, color, size)
    painter.end()
    art.renderer.setViewBox(QRectF(vx, vy, vw, vh))
    return img


# -- the page ------------------------------------------------------------------------------------
def render_handout(
    device: QPagedPaintDevice,
    doc: HandoutDoc,
    figures: Mapping[str, Figure],
    hanzi_family: str | None,
) -> int:
    """Draw the whole handout on `device`; returns the number of pages."""
    layout = device.pageLayout()
    paint = layout.paintRect(QPageLayout.Unit.Point)
    width, height = paint.width(), paint.height()
    k = device.logicalDpiX() / 72.0
    arts = {v: _Art(f, QSvgRenderer(QByteArray(f.svg_bytes))) for v, f in figures.items()}
    colors = {e.code: e.color for e in doc.entries}

    header = _doc(header_html(doc), width)
    warning = _doc(warning_html(doc), width - 16) if doc.pregnancy_warning else None
    n_fig = len(doc.figures)
    # up to two figures stand beside the precautions; more fill the row, precautions below
    beside = n_fig <= 2
    fig_w = 132.0 if beside else min(132.0, (width - (n_fig - 1) * GAP) / n_fig)
    side_w = width - n_fig * (fig_w + GAP) if beside else width
    precautions = _doc(precautions_html(doc), side_w - 16, BODY_PX - 0.4)
    box_h = precautions.size().height() + 16
    views = [
        _crop(figures[f.view], f.markers, f.view in doc.closeups) for f in doc.figures
    ]  # what of each figure is shown: the band of its points, not empty legs
    fig_h = max((_figure_height(v, fig_w, 226.0) for v in views), default=0.0)
    band_h = max(fig_h, box_h) if beside else fig_h + GAP + box_h
    text_w = width - THUMB - GAP - 26
    entry_docs = [_doc(entry_html(e, hanzi_family), text_w) for e in doc.entries]
    heights = [max(d.size().height(), THUMB) + 8 for d in entry_docs]

    y0 = header.size().height() + 6
    if warning is not None:
        y0 += warning.size().height() + 16 + 6
    first_room = height - FOOTER_H - (y0 + band_h + GAP)
    pages = paginate(heights, first_room, height - FOOTER_H, GAP)

    p = QPainter(device)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.scale(k, k)
    for page_no, page in enumerate(pages, start=1):
        if page_no > 1:
            device.newPage()
        y = 0.0
        if page_no == 1:
            _draw_doc(p, header, 0, 0)
            y = header.size().height() + 6
            if warning is not None:
                box = QRectF(0, y, width, warning.size().height() + 16)
                p.setPen(QPen(QColor(WARN), 1.6))
                p.setBrush(QColor("#fdecea"))
                p.drawRoundedRect(box, 4, 4)
                _draw_doc(p, warning, 8, y + 8)
                y += box.height() + 6
            for i, plan in enumerate(doc.figures):
                box = QRectF(i * (fig_w + GAP), y, fig_w, fig_h)
                _draw_figure(p, arts[plan.view], plan, box, colors, views[i])
            px, py = (width - side_w, y) if beside else (0.0, y + fig_h + GAP)
            pbox = QRectF(px, py, side_w, box_h)
            p.setPen(QPen(QColor("#8c6e5a"), 0.8))
            p.setBrush(QColor("#fbf6f1"))
            p.drawRoundedRect(pbox, 4, 4)
            _draw_doc(p, precautions, pbox.x() + 8, pbox.y() + 8)
            y += band_h + GAP
        for idx in page:
            e, d = doc.entries[idx], entry_docs[idx]
            if idx != page[0]:
                y += GAP
            _draw_entry(p, e, d, y, width, arts, doc.closeups)
            y += heights[idx]
        _footer(p, doc, page_no, len(pages), width, height)
    p.end()
    return len(pages)


def _draw_entry(
    p: QPainter,
    e: Entry,
    d: QTextDocument,
    y: float,
    width: float,
    arts: Mapping[str, _Art],
    closeups: frozenset[str],
) -> None:
    _marker(p, QPointF(9, y + 9), e.number, e.color, 8.5)
    if e.focus is not None:
        view, marker = e.focus
        img = crop_image(arts[view], marker, e.color, closeup=view in closeups, sites=e.sites)
        p.drawImage(QRectF(24, y, THUMB, THUMB), img)
        p.setPen(QPen(QColor("#c8b8aa"), 0.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(24, y, THUMB, THUMB))
    _draw_doc(p, d, 24 + THUMB + GAP, y)
    p.setPen(QPen(QColor("#e2d6cc"), 0.6))
    bottom = y + max(d.size().height(), THUMB) + 4
    p.drawLine(QPointF(24, bottom), QPointF(width, bottom))


def _footer(
    p: QPainter, doc: HandoutDoc, page: int, pages: int, width: float, height: float
) -> None:
    p.setPen(QPen(QColor("#c8b8aa"), 0.6))
    p.drawLine(QPointF(0, height - FOOTER_H + 4), QPointF(width, height - FOOTER_H + 4))
    p.setPen(QColor(MUTED))
    p.setFont(_font(7))
    rect = QRectF(0, height - FOOTER_H + 6, width, FOOTER_H - 6)
    middle = Qt.AlignmentFlag.AlignVCenter
    _text(p, rect, Qt.AlignmentFlag.AlignLeft | middle, doc.footer)
    _text(p, rect, Qt.AlignmentFlag.AlignRight | middle, f"Page {page} of {pages}")
    _text(p, rect, Qt.AlignmentFlag.AlignCenter, "Acupressure complements medical care.")


def set_paper(device: QPagedPaintDevice, paper: str) -> None:
    device.setPageLayout(page_layout(paper))
