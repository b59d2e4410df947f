"""The body map: shows the current figure, turns clicks into selections through the state."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QToolTip, QWidget

from acumap.core.catalog import Catalog
from acumap.core.pathway import is_channel, parse_chains, pathway_runs
from acumap.core.state import ViewerState
from acumap.core.text import is_landmark
from acumap.geometry.placement import Position
from acumap.loaders.bundle import Bundle
from acumap.qt.code_labels import MIN_GAP_PX, CodeLabels
from acumap.qt.scene import FigureScene
from acumap.qt.screen import is_dark

HIT_TOLERANCE_PX = 9.0  # a click this close to a dot (on screen) selects it
CLICK_SLOP_PX = 4  # more movement than this between press and release is a pan
MIN_ZOOM, MAX_ZOOM = 0.15, 40.0


class BodyView(QGraphicsView):
    """QGraphicsView over one FigureScene per view; it only reads and writes the state."""

    zoom_changed = Signal(float)

    def __init__(self, bundle: Bundle, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.state = state
        self.catalog = Catalog(bundle.atlas)
        self._scenes: dict[str, FigureScene] = {}
        self._labels: dict[str, CodeLabels] = {}  # made when first zoomed in far enough
        self._press: QPoint | None = None
        self._visible: set[str] = set(bundle.atlas.points)
        self._shown: list[str] = []
        # Fit needs the viewport's real size, which it gets only when the window is shown:
        # until the user zooms, every resize fits again; a saved zoom waits for that size.
        self._at_fit = True
        self._pending_zoom: float | None = None
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        # the scene reaches past the figure (see FigureScene): panning is by hand, not bars
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.viewport().setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName("Body map")
        self.setAccessibleDescription(
            "Click a point to read how to press it. Drag to pan, wheel or Ctrl+plus/minus to zoom."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        state.view_changed.connect(self._show_view)
        state.selection_changed.connect(self._refresh_marks)
        state.pregnancy_overlay_changed.connect(self._refresh_marks)
        state.handout_changed.connect(self._refresh_marks)
        state.filters_changed.connect(self._apply_filters)
        state.focus_requested.connect(self.center_on_point)
        self.zoom_changed.connect(self._on_zoom)
        state.selection_changed.connect(self._update_labels)
        self._show_view(state.view)

    # -- scenes --------------------------------------------------------------------
    def scene_for(self, view: str) -> FigureScene:
        if view not in self._scenes:  # the back scene is built the first time it is shown
            self._scenes[view] = FigureScene(self.bundle, view, is_dark(self.palette()))
        return self._scenes[view]

    @property
    def current(self) -> FigureScene:
        return self.scene_for(self.state.view)

    def _show_view(self, view: str) -> None:
        scale = None if self._at_fit else self.zoom
        self.setScene(self.scene_for(view))
        self.setBackgroundBrush(self.palette().base())
        self._apply_filters()
        if scale is None:
            self.fit()
        else:
            self.set_zoom(scale)

    # -- state -> drawing ------------------------------------------------------------
    def visible_codes(self) -> list[str]:
        return [c for c in self.catalog.filter(self.state.meridians, self.state.conditions)]

    def _apply_filters(self) -> None:
        self._shown = self.visible_codes()  # in channel order: the labels' order too
        self._visible = set(self._shown)
        scene = self.current
        for code, dots in scene.dots.items():
            shown = code in self._visible
            for d in dots:
                d.setVisible(shown)
        self._draw_channel(scene)
        self._refresh_marks()
        self._update_labels()

    def _on_zoom(self, zoom: float) -> None:
        self.current.size_dots(zoom)
        self.current.fit_header(zoom)
        self._update_labels()

    def _update_labels(self, *_: object) -> None:
        scene = self.current
        if scene.spacing * self.zoom < MIN_GAP_PX and scene.view not in self._labels:
            return  # nothing to show and nothing shown: frame one makes no labels
        if scene.view not in self._labels:
            self._labels[scene.view] = CodeLabels(scene, scene.dots)
        labels = self._labels[scene.view]
        chosen = self.state.selected
        order = [chosen] if chosen in self._visible else []
        order += [c for c in self._shown if c != chosen]
        labels.update(self.zoom, scene.spacing, order)

    def _draw_channel(self, scene: FigureScene) -> None:
        if len(self.state.meridians) != 1:
            scene.show_channel([], None)
            return
        (meridian,) = self.state.meridians
        if not is_channel(meridian):
            scene.show_channel([], None)
            return
        by_side: dict[str, dict[int, QPointF]] = {}
        for p in self.bundle.atlas.meridian_points(meridian):
            if p.code not in self._visible:
                continue
            for pos in self.bundle.positions_of(p.code, scene.view):
                by_side.setdefault(pos.side, {})[p.number] = QPointF(pos.x, pos.y)
        m = self.bundle.atlas.meridians[meridian]
        chains = parse_chains(m.pathway, m.point_count)  # checked when the data was loaded
        runs = [run for side in by_side.values() for run in pathway_runs(side, chains)]
        color = QColor(m.color)
        scene.show_channel(runs, color)

    def _refresh_marks(self, *_: object) -> None:
        atlas = self.bundle.atlas
        chosen = set(self.state.handout.codes())
        for code, dots in self.current.dots.items():
            flagged = (
                self.state.pregnancy_overlay
                and atlas.pregnancy_level(atlas.points[code]) is not None
            )
            for d in dots:
                d.set_state(code == self.state.selected, flagged, code in chosen)

    # -- zoom ----------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return float(self.transform().m11())

    @property
    def at_fit(self) -> bool:
        return self._at_fit

    def fit_zoom(self) -> float:
        """The zoom at which the whole figure fits the viewport as it is now."""
        rect = self.current.figure_rect
        vp = self.viewport().rect()
        if rect.isEmpty() or vp.width() < 2 or vp.height() < 2:
            return MIN_ZOOM
        return min((vp.width() - 2) / rect.width(), (vp.height() - 2) / rect.height())

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, self.fit_zoom() * 0.5, min(MAX_ZOOM, factor))
        self._at_fit = False
        self.scale(factor / self.zoom, factor / self.zoom)
        self.zoom_changed.emit(self.zoom)

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom * step)

    def fit(self) -> None:
        self.fitInView(self.current.figure_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._at_fit = True
        self.zoom_changed.emit(self.zoom)

    def restore_zoom(self, factor: float) -> None:
        """A zoom saved by an earlier run: applied once the viewport has its real size, and
        ignored if it would show the body smaller than fit (or is not a number)."""
        self._pending_zoom = factor if math.isfinite(factor) and factor > 0 else None
        if self.isVisible():
            self._apply_size()

    def _apply_size(self) -> None:
        if self.viewport().width() < 2 or self.viewport().height() < 2:
            return
        pending, self._pending_zoom = self._pending_zoom, None
        if pending is not None and pending > self.fit_zoom() * 1.001:
            self.set_zoom(pending)
        elif self._at_fit or pending is not None:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_size()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_size()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_about(1.15**steps, event.position().toPoint())
        event.accept()

    def zoom_about(self, step: float, anchor: QPoint) -> None:
        """Zoom keeping the figure point under `anchor` (viewport pixels) where it is: Qt's
        AnchorUnderMouse goes by the last mouse move, which a wheel turn or a pinch lacks."""
        target = self.mapToScene(anchor)
        self.zoom_by(step)
        drift = self.mapFromScene(target) - anchor
        for bar, d in (
            (self.horizontalScrollBar(), drift.x()),
            (self.verticalScrollBar(), drift.y()),
        ):
            bar.setValue(bar.value() + d)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            ev = event
            assert isinstance(ev, QNativeGestureEvent)
            if ev.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + ev.value())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    def center_on_point(self, code: str) -> None:
        positions = self.bundle.positions_of(code, self.state.view)
        if positions and not self._at_fit:  # at fit the whole figure, and the point, is in view
            xs = [p.x for p in positions]
            ys = [p.y for p in positions]
            self.centerOn(QPointF(sum(xs) / len(xs), sum(ys) / len(ys)))

    # -- hit-testing -----------------------------------------------------------------
    def point_at(self, viewport_pos: QPoint) -> Position | None:
        sp = self.mapToScene(viewport_pos)
        tol = HIT_TOLERANCE_PX / max(self.zoom, 1e-6)
        return self.bundle.hit_index(self.state.view).hit(sp.x(), sp.y(), tol, self._visible)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._press is not None
            and (pos - self._press).manhattanLength() <= CLICK_SLOP_PX
        ):
            hit = self.point_at(pos)
            if hit is None:
                self.state.clear_selection()
            else:
                self.state.select(hit.code)
        self._press = None
        self._update_cursor(pos)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click a dot: into its hand, foot or head close-up (or back to the body)."""
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.point_at(event.position().toPoint())
            if hit is not None:
                self.state.select(hit.code)
            if hit is not None or self.bundle.specs[self.state.view].kind == "close-up":
                self.state.closeup_requested.emit()
                return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not (event.buttons() & Qt.MouseButton.LeftButton):
            self._update_cursor(event.position().toPoint(), tooltip=True)

    def _update_cursor(self, pos: QPoint, tooltip: bool = False) -> None:
        hit = self.point_at(pos)
        if hit is None:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            if tooltip:
                QToolTip.hideText()
            return
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        if tooltip:
            p = self.bundle.atlas.points[hit.code]
            # at the hovered dot (the event's place, not QCursor's, which lags on some systems)
            at = self.viewport().mapToGlobal(pos)
            QToolTip.showText(at, self.catalog.label(p), self.viewport())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self.point_at(event.pos())
        if hit is None:
            return
        p = self.bundle.atlas.points[hit.code]
        menu = QMenu(self)
        add = QAction(f"Add {p.code} {p.pinyin} to handout", menu)
        add.triggered.connect(lambda: self.state.request_add([p.code]))
        if is_landmark(p):
            add.setText(f"{p.code} is a landmark, not pressed")
            add.setEnabled(False)
        elif p.code in self.state.handout.codes():
            add.setText(f"{p.code} is in the handout")
            add.setEnabled(False)
        show = QAction(f"Show {p.code}", menu)
        show.triggered.connect(lambda: self.state.select(p.code))
        menu.addAction(show)
        menu.addAction(add)
        menu.exec(event.globalPos())
