"""View switching for any number of figures: one checkable action per manifest entry.

Body figures go on the toolbar; close-ups are grouped by region in a menu (toolbar button and
View menu). "Close-up" jumps from a selected point to the close-up that shows it best, and back
to the body figure a close-up belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from acumap.core.model import FigureSpec
from acumap.core.state import ViewerState

REGION_TITLES = {"head": "Head", "hand": "Hand", "foot": "Foot", "body": "Body"}


class FigureActions:
    def __init__(
        self,
        window: QWidget,
        state: ViewerState,
        specs: Mapping[str, FigureSpec],
        views_of: Mapping[str, list[str]],
    ) -> None:
        self.state = state
        self.specs = dict(specs)
        self.views_of = views_of
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for spec in self.specs.values():
            act = QAction(spec.label, window)
            act.setCheckable(True)
            act.setObjectName(f"view-{spec.id}")
            if spec.shortcut:
                act.setShortcut(QKeySequence(spec.shortcut))
            tip = f"Show the {spec.label.lower()} figure"
            act.setToolTip(f"{tip} ({spec.shortcut})" if spec.shortcut else tip)
            act.setStatusTip(tip)
            act.triggered.connect(lambda _=False, v=spec.id: state.set_view(v))
            self.group.addAction(act)
            window.addAction(act)  # the shortcut works whichever widget has focus
            self.actions[spec.id] = act
        self.closeup_action = QAction("Close-up", window)
        self.closeup_action.setShortcut(QKeySequence("C"))
        self.closeup_action.setToolTip(
            "Zoom into the hand, foot or head figure of the selected point, or back to the "
            "body from a close-up (C)"
        )
        self.closeup_action.triggered.connect(self.toggle_closeup)
        window.addAction(self.closeup_action)
        state.closeup_requested.connect(self.toggle_closeup)
        state.view_changed.connect(self._follow)
        state.selection_changed.connect(lambda *_: self._update_closeup())
        self._follow(state.view)

    # -- what the toolbar and menus show ---------------------------------------------------
    def body(self) -> list[QAction]:
        return [self.actions[s.id] for s in self.specs.values() if s.kind == "body"]

    def closeup_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu("Close-ups", parent)
        regions: dict[str, list[FigureSpec]] = {}
        for s in self.specs.values():
            if s.kind == "close-up":
                regions.setdefault(s.region, []).append(s)
        for region, specs in regions.items():
            menu.addSection(REGION_TITLES.get(region, region.title()))
            for s in specs:
                menu.addAction(self.actions[s.id])
        return menu

    # -- behaviour -----------------------------------------------------------------------------
    def best_closeup(self, code: str) -> str | None:
        views = self.views_of.get(code, [])
        return next((v for v in views if self.specs[v].kind == "close-up"), None)

    def toggle_closeup(self) -> None:
        current = self.specs[self.state.view]
        if current.kind == "close-up" and current.parent in self.specs:
            self.state.set_view(current.parent)
        elif self.state.selected and (target := self.best_closeup(self.state.selected)):
            self.state.set_view(target)
        if self.state.selected:
            self.state.focus_requested.emit(self.state.selected)

    def _follow(self, view: str) -> None:
        act = self.actions.get(view)
        if act is not None:
            act.setChecked(True)
        self._update_closeup()

    def _update_closeup(self) -> None:
        current = self.specs.get(self.state.view)
        on_closeup = current is not None and current.kind == "close-up"
        target = self.best_closeup(self.state.selected) if self.state.selected else None
        self.closeup_action.setText("Back to body" if on_closeup else "Close-up")
        self.closeup_action.setEnabled(on_closeup or target is not None)
