"""ViewerState: the one object every view listens to (psygnal, so it needs no Qt).

Widgets never talk to each other: they change this state and redraw when it signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

import msgspec
from psygnal import Signal

from acumap.core.handout import MAX_ITEMS, Handout, HandoutItem

T = TypeVar("T", Handout, HandoutItem)


class ViewerState:
    selection_changed = Signal(str)  # code, "" when cleared
    view_changed = Signal(str)  # a figure id
    filters_changed = Signal()
    pregnancy_overlay_changed = Signal(bool)
    handout_changed = Signal()
    add_requested = Signal(object)  # tuple of codes a user asked to add; the window confirms
    focus_requested = Signal(str)  # centre the view on this code
    closeup_requested = Signal()  # into the selected point's close-up, or back to the body

    def __init__(
        self,
        views_of: dict[str, list[str]] | None = None,
        figures: Sequence[str] = ("front", "back"),
    ) -> None:
        self._views_of = views_of or {}
        self.figures = tuple(figures)  # the manifest's order: the first is the default view
        self.selected = ""
        self.view = self.figures[0]
        self.meridians: frozenset[str] = frozenset()
        self.conditions: frozenset[str] = frozenset()
        self.pregnancy_overlay = False  # a display option: never the handout recipient's status
        self.handout = Handout()

    # -- selection and view ------------------------------------------------------
    def select(self, code: str) -> None:
        if code != self.selected:
            self.selected = code
            self.selection_changed.emit(code)

    def clear_selection(self) -> None:
        self.select("")

    def set_view(self, view: str) -> None:
        if view not in self.figures:
            raise ValueError(f"unknown view {view!r}")
        if view != self.view:
            self.view = view
            self.view_changed.emit(view)

    def go_to(self, code: str) -> None:
        """Select a point, switch to a view that shows it (the current one when it does, else
        the first in `views_of`, which lists the best first), and ask views to centre it."""
        views = self._views_of.get(code, [])
        if views and self.view not in views:
            self.set_view(views[0])
        self.select(code)
        self.focus_requested.emit(code)

    # -- filters -------------------------------------------------------------------
    def set_filters(
        self, meridians: Iterable[str] | None = None, conditions: Iterable[str] | None = None
    ) -> None:
        m = self.meridians if meridians is None else frozenset(meridians)
        c = self.conditions if conditions is None else frozenset(conditions)
        if (m, c) != (self.meridians, self.conditions):
            self.meridians, self.conditions = m, c
            self.filters_changed.emit()

    def set_pregnancy_overlay(self, on: bool) -> None:
        """The map's switch. Whether the handout's recipient is pregnant is the handout's own
        field, set only by the user for that handout, so a display option can never remove a
        printed warning."""
        if on != self.pregnancy_overlay:
            self.pregnancy_overlay = on
            self.pregnancy_overlay_changed.emit(on)

    # -- handout basket ------------------------------------------------------------
    def request_add(self, codes: Iterable[str]) -> None:
        """What a widget calls when the user asks to add points: the window checks each
        against the handout rules (and may ask) before `add_to_handout`."""
        wanted = tuple(c for c in dict.fromkeys(codes) if c not in self.handout.codes())
        if wanted:
            self.add_requested.emit(wanted)

    def set_handout(self, handout: Handout) -> None:
        self.handout = handout
        self.handout_changed.emit()

    def add_to_handout(self, codes: Iterable[str]) -> None:
        have = set(self.handout.codes())
        new = []
        for c in codes:
            if c not in have and len(have) < MAX_ITEMS:
                have.add(c)
                new.append(HandoutItem(code=c))
        if new:
            self.set_handout(_replace(self.handout, items=(*self.handout.items, *new)))

    def remove_from_handout(self, code: str) -> None:
        items = tuple(i for i in self.handout.items if i.code != code)
        self.set_handout(_replace(self.handout, items=items))

    def update_handout(self, **changes: object) -> None:
        """Change handout fields (title, recipient, paper, pregnant, ...) in one signal."""
        new = _replace(self.handout, **changes)
        if new != self.handout:
            self.set_handout(new)

    def reorder_handout(self, codes: Iterable[str]) -> None:
        """Put the handout's items in this order (codes not in the handout are ignored)."""
        by_code = {i.code: i for i in self.handout.items}
        items = tuple(by_code[c] for c in codes if c in by_code)
        rest = tuple(i for i in self.handout.items if i not in items)
        self.update_handout(items=items + rest)

    def update_item(self, code: str, **changes: object) -> None:
        """Change one item's note or duration override."""
        items = tuple(_replace(i, **changes) if i.code == code else i for i in self.handout.items)
        self.update_handout(items=items)


def _replace(h: T, **changes: object) -> T:
    return msgspec.structs.replace(h, **changes)
