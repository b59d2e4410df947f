"""One QGraphicsScene per figure: the SVG, a dot per placed point, side labels, channel line."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from acumap.core.text import side_labels
from acumap.geometry.placement import Position
from acumap.loaders.bundle import Bundle

DOT_RADIUS = 5.0  # device-independent pixels, once zoomed in far enough
MIN_DOT_RADIUS = 3.0  # at fit on a crowded figure (KI sits half a cun beside CV)
PREGNANCY_RING = QColor("#c62828")
IN_HANDOUT_RING = QColor("#2e7d32")


class PointDot(QGraphicsItem):
    """A point drawn at constant on-screen size, coloured by its meridian."""

    def __init__(self, pos: Position, color: QColor) -> None:
        super().__init__()
        self.code = pos.code
        self.side = pos.side
        self.color = color
        self.selected = False
        self.flagged = False  # traditionally cautioned in pregnancy, switch is on
        self.radius = DOT_RADIUS
        self.in_handout = False  # a solid green ring: already on the handout
        self.setPos(pos.x, pos.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(10)
        self.setAcceptHoverEvents(False)  # the view does hover via the hit index

    def boundingRect(self) -> QRectF:
        r = self.radius * 2.6
        return QRectF(-r, -r, 2 * r, 2 * r)

    def set_radius(self, radius: float) -> None:
        if radius != self.radius:
            self.prepareGeometryChange()
            self.radius = radius

    def set_state(self, selected: bool, flagged: bool, in_handout: bool = False) -> None:
        if (selected, flagged, in_handout) != (self.selected, self.flagged, self.in_handout):
            self.selected, self.flagged, self.in_handout = selected, flagged, in_handout
            self.setZValue(20 if selected else 10)
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.radius * (1.5 if self.selected else 1.0)
        if self.flagged:  # a dashed ring: shape, not colour alone
            pen = QPen(PREGNANCY_RING, 2.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 5, r + 5)
        if self.in_handout and not self.selected:
            painter.setPen(QPen(IN_HANDOUT_RING, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 2.5, r + 2.5)
        if self.selected:
            painter.setPen(QPen(QColor("#111111"), 2.5))
            painter.setBrush(QBrush(QColor("#ffffff")))
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(self.color))
        painter.drawEllipse(QPointF(0, 0), r, r)


class FigureScene(QGraphicsScene):
    """The scene of one view. Scene coordinates are the figure's SVG user units."""

    def __init__(self, bundle: Bundle, view: str, dark: bool = False) -> None:
        super().__init__()
        self.view = view
        self.dark = dark  # a dark palette behind the figure: light labels
        self.spec = bundle.specs[view]
        fig = bundle.figures[view]
        self.figure = fig
        self.renderer = QSvgRenderer(QByteArray(fig.svg_bytes))
        self.svg = QGraphicsSvgItem()
        self.svg.setSharedRenderer(self.renderer)
        x, y, w, h = fig.viewbox
        size = self.renderer.defaultSize()
        if size.width() > 0 and size.height() > 0:
            self.svg.setScale(w / size.width())
        self.svg.setPos(x, y)
        self.svg.setZValue(0)
        self.addItem(self.svg)
        margin, header = 0.04 * w, 0.07 * w  # the header band holds the title and sides
        self.figure_rect = QRectF(x - margin, y - header, w + 2 * margin, h + margin + header)
        # room to pan past the figure's edges, so zooming can keep any point under the cursor
        fr = self.figure_rect
        self.setSceneRect(fr.adjusted(-fr.width(), -fr.height(), fr.width(), fr.height()))
        self.dots: dict[str, list[PointDot]] = {}
        for pos in bundle.on_view(view):
            color = QColor(bundle.atlas.meridians[bundle.atlas.points[pos.code].meridian].color)
            dot = PointDot(pos, color)
            self.addItem(dot)
            self.dots.setdefault(pos.code, []).append(dot)
        spacing = bundle.spacing.get(view)  # figure units; computed at load and cached
        if spacing is None:  # a bundle put together by hand (a benchmark, a tool)
            from acumap.geometry.hitindex import typical_spacing

            spacing = typical_spacing(bundle.on_view(view))
        self.spacing = spacing
        self._add_side_labels()
        self.channel = QGraphicsPathItem()
        self.channel.setZValue(5)
        self.addItem(self.channel)

    def _add_side_labels(self) -> None:
        x, y, w, _ = self.figure.viewbox
        left_right = side_labels(
            self.spec.frame.left, self.spec.sides, self.spec.kind == "close-up"
        )
        font = QFont()
        font.setPointSizeF(10)
        font.setBold(True)
        view_name = self.spec.label.upper()
        for text, fx in ((left_right[0], 0.02), (left_right[1], 0.98)):
            if not text:
                continue
            item = QGraphicsSimpleTextItem(text)
            item.setFont(font)
            item.setBrush(QColor("#e6d6c8" if self.dark else "#6b5a4e"))
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setPos(x + fx * w, y - 0.06 * w)  # above the figure: never on a dot
            if fx > 0.5:  # right-aligned in screen pixels, whatever the zoom
                item.setTransform(QTransform.fromTranslate(-item.boundingRect().width(), 0))
            item.setData(0, "side-label")
            self.addItem(item)
        title = QGraphicsSimpleTextItem(view_name)
        title.setFont(font)
        title.setBrush(QColor("#b8a89c" if self.dark else "#9a8a7e"))
        title.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        title.setPos(x + 0.5 * w, y - 0.06 * w)
        title.setTransform(QTransform.fromTranslate(-title.boundingRect().width() / 2, 0))
        title.setData(0, "figure-title")
        self.addItem(title)

    def fit_header(self, zoom: float) -> None:
        """Side labels only where they fit beside the title at this zoom (a narrow map would
        print them over each other); the title always shows."""
        texts = [i for i in self.items() if isinstance(i, QGraphicsSimpleTextItem)]
        header = [i for i in texts if i.data(0) in ("side-label", "figure-title")]
        need = sum(i.boundingRect().width() for i in header) + 24 * len(header)
        fits = self.figure_rect.width() * zoom >= need
        for i in header:
            if i.data(0) == "side-label":
                i.setVisible(fits)

    def size_dots(self, zoom: float) -> None:
        """Dots shrink where neighbours would run into each other at this zoom, so a crowded
        figure at fit stays readable; zoomed in they keep their full size."""
        radius = min(DOT_RADIUS, max(MIN_DOT_RADIUS, 0.42 * self.spacing * zoom))
        for dots in self.dots.values():
            for d in dots:
                d.set_radius(radius)

    def side_labels(self) -> list[str]:
        """The side labels from the viewer's left to right."""
        labels = [
            i
            for i in self.items()
            if isinstance(i, QGraphicsSimpleTextItem) and i.data(0) == "side-label"
        ]
        return [i.text() for i in sorted(labels, key=lambda i: i.pos().x())]

    def show_channel(self, chains: list[list[QPointF]], color: QColor | None) -> None:
        path = QPainterPath()
        for chain in chains:
            if len(chain) < 2:
                continue
            path.moveTo(chain[0])
            for p in chain[1:]:
                path.lineTo(p)
        pen = QPen(color or QColor("#000000"), 2.5)
        pen.setCosmetic(True)  # constant width on screen at any zoom
        self.channel.setPen(pen)
        self.channel.setPath(path)
        self.channel.setVisible(color is not None and not path.isEmpty())
