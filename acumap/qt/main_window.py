"""The main window: the one place where widgets are put together and wired to the state."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QWidget,
)

from acumap import __version__
from acumap.core.catalog import Catalog
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle
from acumap.qt.body_view import BodyView
from acumap.qt.detail_panel import DetailPanel
from acumap.qt.figure_actions import FigureActions
from acumap.qt.figure_set_actions import FigureSetActions
from acumap.qt.filter_panel import FilterPanel
from acumap.qt.handout_actions import HandoutActions
from acumap.qt.handout_panel import HandoutPanel
from acumap.qt.screen import fitted_size

DEFAULT_SIZE = (1360, 880)
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class MainWindow(QMainWindow):
    def __init__(self, bundle: Bundle, state: ViewerState, settings: QSettings | None) -> None:
        super().__init__()
        self.bundle = bundle
        self.state = state
        self.settings = settings
        self.catalog = Catalog(bundle.atlas)
        self.views_of = {c: bundle.views_of(c) for c in bundle.atlas.points}
        self.docks: list[QDockWidget] = []
        self.setWindowTitle("Acupressure body map")  # the system adds " — acumap"
        self.resize(*fitted_size(DEFAULT_SIZE))
        self.body = BodyView(bundle, state, self)
        self.setCentralWidget(self.body)
        self.filters = FilterPanel(bundle, state, self)
        self.details = DetailPanel(bundle, state, self)
        self.handout_panel = HandoutPanel(state, bundle, self.body.visible_codes, self)
        self.handout_actions = HandoutActions(state, bundle, self)
        self._dock("Find and filter", self.filters, Qt.DockWidgetArea.LeftDockWidgetArea, 270)
        details = self._dock("Point", self.details, Qt.DockWidgetArea.RightDockWidgetArea, 380)
        handout = self._dock(
            "Handout", self.handout_panel, Qt.DockWidgetArea.RightDockWidgetArea, 380
        )
        self.handout_dock = handout
        self.tabifyDockWidget(details, handout)
        details.raise_()
        self._build_actions()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        for sig in (state.filters_changed, state.handout_changed, state.view_changed):
            sig.connect(self._update_status)
        self._update_status()

    def _dock(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea, width: int
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "-").lower())
        # a panel scrolls rather than holding its dock (and so the map) wide in a small window
        scroll = QScrollArea(dock)
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(160)
        dock.setWidget(scroll)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.docks.append(dock)
        self.addDockWidget(area, dock)
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        return dock

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[..., object],
        tip: str,
    ) -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})" if shortcut else tip)
        act.setStatusTip(tip)
        act.triggered.connect(slot)
        self.addAction(act)  # shortcuts work whichever widget has focus
        return act

    def _build_actions(self) -> None:
        s, body = self.state, self.body
        self.figure_actions = FigureActions(self, s, self.bundle.specs, self.views_of)
        fa = self.figure_actions
        zin = self._action(
            "Zoom in", QKeySequence.StandardKey.ZoomIn, lambda: body.zoom_by(1.25), "Zoom in"
        )
        zin.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        zout = self._action(
            "Zoom out", QKeySequence.StandardKey.ZoomOut, lambda: body.zoom_by(0.8), "Zoom out"
        )
        fit = self._action("Fit", "Ctrl+0", body.fit, "Fit the whole body in the window")
        self.pregnant_action = self._action(
            "Pregnancy", "Ctrl+Shift+P", lambda on: s.set_pregnancy_overlay(bool(on)),
            "Mark points traditionally cautioned in pregnancy on the map (dashed red ring) and "
            "show that caution first. The handout's recipient is set in the Handout tab.",
        )  # fmt: skip
        self.pregnant_action.setCheckable(True)
        s.pregnancy_overlay_changed.connect(lambda on: self.pregnant_action.setChecked(on))
        find = self._action(
            "Find…", QKeySequence.StandardKey.Find, self._focus_search, "Search points"
        )
        prev_ = self._action(
            "Previous point", "Left", lambda: self._step(-1), "Previous point on the meridian"
        )
        next_ = self._action(
            "Next point", "Right", lambda: self._step(1), "Next point on the meridian"
        )
        clear = self._action("Clear selection", "Esc", s.clear_selection, "Clear the selection")
        quit_ = self._action("Quit", QKeySequence.StandardKey.Quit, self.close, "Quit acumap")
        about = self._action("About acumap", None, self._about, "About and safety")

        tb = self.addToolBar("Main")
        tb.setObjectName("main-toolbar")
        closeups = fa.closeup_menu(self)
        closeups_button = QToolButton(self)
        closeups_button.setText("Close-ups")
        closeups_button.setToolTip("Hand, foot and head figures")
        closeups_button.setMenu(closeups)
        closeups_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for act in fa.body():
            tb.addAction(act)
        tb.addWidget(closeups_button)
        tb.addAction(fa.closeup_action)
        view_actions = [None, zin, zout, fit, None]
        for entry in [*view_actions, self.pregnant_action]:
            tb.addSeparator() if entry is None else tb.addAction(entry)
        tb.addSeparator()
        ha = self.handout_actions
        file_menu = self.menuBar().addMenu("&File")
        for ha_entry in ha.actions():
            file_menu.addSeparator() if ha_entry is None else file_menu.addAction(ha_entry)
        file_menu.addSeparator()
        self.figure_sets = FigureSetActions(self)
        for act in self.figure_sets.actions():
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        tb.addAction(ha.preview_action)
        tb.addAction(ha.export_action)
        view_menu = self.menuBar().addMenu("&View")
        for act in fa.body():
            view_menu.addAction(act)
        view_menu.addMenu(closeups)
        view_menu.addAction(fa.closeup_action)
        for item in [*view_actions, self.pregnant_action]:
            view_menu.addSeparator() if item is None else view_menu.addAction(item)
        view_menu.addSeparator()
        for dock in self.docks:  # a closed panel comes back from here
            view_menu.addAction(dock.toggleViewAction())
        go_menu = self.menuBar().addMenu("&Go")
        for a in (find, prev_, next_, clear):
            go_menu.addAction(a)
        self.menuBar().addMenu("&Help").addAction(about)

    def _focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _step(self, step: int) -> None:
        if self.state.selected:
            code = self.catalog.neighbour(self.state.selected, step)
            if code:
                self.state.go_to(code)

    def _update_status(self, *_: object) -> None:
        """What the map shows, counted for the figure on screen, and any filter in force
        (also one restored from the last run, so an emptier map is never a mystery)."""
        s, atlas = self.state, self.bundle.atlas
        shown = self.body.visible_codes()
        here = sum(1 for c in shown if s.view in self.views_of[c])
        names = [atlas.meridians[m].english for m in sorted(s.meridians)]
        names += [atlas.conditions[c].label for c in sorted(s.conditions)]
        if names:
            what = f"Filtered: {', '.join(names)} — {here} of {len(shown)} on this figure"
        else:
            what = f"{here} points on this figure"
        label = self.bundle.specs[s.view].label
        self.status.setText(f"{what} · {label} · handout: {len(s.handout.items)}")

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About acumap",
            f"<b>acumap {__version__}</b><p>Acupressure body map. Point locations follow the WHO "
            "2008 standard, computed from proportional (B-cun) measurement.</p><p>Acupressure "
            "complements medical care; it does not replace it. Never press on open wounds, "
            "varicose veins or cancerous lesions.</p>",
        )

    # -- settings ---------------------------------------------------------------------
    def restore(self) -> None:
        st = self.settings
        if st is None:
            return
        geom = st.value("window/geometry")
        if isinstance(geom, QByteArray):
            self.restoreGeometry(geom)
        win = st.value("window/state")
        if isinstance(win, QByteArray):
            self.restoreState(win)
        view = str(st.value("view/figure", self.state.view))
        if view in self.bundle.figures:  # a figure from another figure set: ignored
            self.state.set_view(view)
        known_m = set(self.bundle.atlas.meridians)
        known_c = set(self.bundle.atlas.conditions)
        m = [x for x in _as_list(st.value("filters/meridians")) if x in known_m]
        c = [x for x in _as_list(st.value("filters/conditions")) if x in known_c]
        self.state.set_filters(m, c)
        self.state.set_pregnancy_overlay(
            str(st.value("view/pregnancy-overlay", "false")).lower() == "true"
        )
        zoom = st.value("view/zoom")
        if zoom is not None:
            with contextlib.suppress(ValueError):  # unreadable: no reason not to start
                self.body.restore_zoom(float(str(zoom)))
        self.handout_actions.restore()

    def save(self) -> None:
        st = self.settings
        if st is None:
            return
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("view/figure", self.state.view)
        if self.body.at_fit:
            st.remove("view/zoom")
        else:
            st.setValue("view/zoom", self.body.zoom)
        st.setValue("view/pregnancy-overlay", self.state.pregnancy_overlay)
        st.setValue("filters/meridians", sorted(self.state.meridians))
        st.setValue("filters/conditions", sorted(self.state.conditions))
        st.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The map keeps priority: when the window is resized the side panels take their
        share (their usual width, less in a small window, down to what they need), so the body
        never shrinks to a sliver; dragging a panel's edge still works until the next resize."""
        super().resizeEvent(event)
        self._share_docks(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._share_docks(self.width())  # the first layout, on the screen it opens on

    def _share_docks(self, w: int) -> None:
        left = [d for d in self.docks if self.dockWidgetArea(d) == LEFT and not d.isHidden()]
        right = [d for d in self.docks if self.dockWidgetArea(d) == RIGHT and not d.isHidden()]
        want = [(left, min(270, int(w * 0.22))), (right, min(380, int(w * 0.28)))]
        docks = [ds[0] for ds, _ in want if ds]
        widths = [width for ds, width in want if ds]
        if docks:
            self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save()
        self.handout_actions.flush()
        super().closeEvent(event)


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []
