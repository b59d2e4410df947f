"""Point codes next to the dots once the map is zoomed in far enough to read them.

Labels are placed greedily (the selected point first, then the channel order) beside their
dot, to the right or else to the left, wherever they hit neither another label nor a dot;
the rest stay hidden, so labels thin out as the user zooms out and never pile up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from acumap.qt.scene import PointDot

# below this gap between neighbouring dots on screen (px) no label could be read
MIN_GAP_PX = 11.0
LABEL_COLOR = QColor("#3b302a")
_CELL = 24.0  # px: the occupancy grid that keeps the greedy placement quick


class _Occupied:
    """Rectangles already taken on screen, bucketed in a coarse grid. shapely's STRtree
    cannot take insertions, and the greedy placement inserts after every label."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, r: QRectF) -> Iterable[tuple[int, int]]:
        for i in range(int(r.left() // _CELL), int(r.right() // _CELL) + 1):
            for j in range(int(r.top() // _CELL), int(r.bottom() // _CELL) + 1):
                yield i, j

    def free(self, r: QRectF) -> bool:
        return not any(r.intersects(o) for k in self._keys(r) for o in self.cells.get(k, ()))

    def take(self, r: QRectF) -> None:
        for k in self._keys(r):
            self.cells.setdefault(k, []).append(r)


class CodeLabels:
    """The code labels of one figure scene, made the first time they are needed."""

    def __init__(self, scene: QGraphicsScene, dots: dict[str, list[PointDot]]) -> None:
        self.scene = scene
        self.dots = dots
        self.items: dict[int, QGraphicsSimpleTextItem] = {}  # id(dot) -> its label

    def _label(self, dot: PointDot) -> QGraphicsSimpleTextItem:
        item = self.items.get(id(dot))
        if item is None:
            item = QGraphicsSimpleTextItem(dot.code)
            font = QFont()
            font.setPointSizeF(7.5)
            item.setFont(font)
            item.setBrush(LABEL_COLOR)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setZValue(15)
            item.setData(0, "code-label")
            self.scene.addItem(item)
            self.items[id(dot)] = item
        return item

    def hide(self) -> None:
        for item in self.items.values():
            item.setVisible(False)

    def update(self, zoom: float, spacing: float, order: Sequence[str]) -> None:
        """Show what fits at this zoom: `order` lists the visible codes, most wanted first."""
        if spacing * zoom < MIN_GAP_PX:
            self.hide()
            return
        shown = [d for code in order for d in self.dots.get(code, ()) if d.isVisible()]
        taken = _Occupied()
        for d in shown:  # labels never cover a dot (nor the selected one's ring)
            k = _reach(d)
            taken.take(QRectF(d.x() * zoom - k, d.y() * zoom - k, 2 * k, 2 * k))
        placed: set[int] = set()
        for d in shown:
            item = self._label(d)
            box = item.boundingRect()
            x, y, gap = d.x() * zoom, d.y() * zoom, _reach(d) + 1.0
            for dx in (gap, -gap - box.width()):  # right of the dot, else left of it
                r = QRectF(x + dx, y - box.height() / 2, box.width(), box.height())
                if taken.free(r):
                    taken.take(r)
                    item.setPos(d.pos())
                    # offset in screen pixels: the label ignores the view's scale
                    item.setTransform(QTransform.fromTranslate(dx, -box.height() / 2))
                    placed.add(id(d))
                    break
        for key, item in self.items.items():
            item.setVisible(key in placed)


def _reach(dot: PointDot) -> float:
    """How far a dot's drawing reaches from its centre, in screen pixels (see PointDot.paint)."""
    return dot.radius * 1.5 + 4.0 if dot.selected else dot.radius + 1.0
