"""The handout panel: which points, in what order, for whom. It only edits ViewerState.handout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acumap.core.handout import HandoutItem
from acumap.core.model import Duration
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle
from acumap.qt.filter_panel import chip


class HandoutPanel(QWidget):
    def __init__(
        self,
        state: ViewerState,
        bundle: Bundle,
        visible_codes: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.atlas = bundle.atlas
        self.visible_codes = visible_codes
        self._syncing = False

        self.title = QLineEdit(self)
        self.recipient = QLineEdit(self)
        self.recipient.setPlaceholderText("Client's name (optional)")
        self.practitioner = QLineEdit(self)
        self.practitioner.setPlaceholderText("Practitioner or clinic (optional)")
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.pregnant = QCheckBox("Recipient is pregnant", self)
        self.pregnant.setToolTip(
            "The person this handout is for is pregnant: the handout warns about (or leaves "
            "out) every point traditionally cautioned in pregnancy. Independent of the map's "
            "Pregnancy switch."
        )
        self.recipient_status = QLabel(self)
        self.recipient_status.setAccessibleName("Recipient's pregnancy status")
        self.recipient_status.setWordWrap(True)
        self.leave_out = QCheckBox("Leave cautioned points out (instead of warning)", self)
        form = QFormLayout()
        for label, w, name in (
            ("Title", self.title, "Handout title"),
            ("For", self.recipient, "Recipient name"),
            ("By", self.practitioner, "Practitioner or clinic"),
            ("Date", self.date, "Date on the handout"),
            ("Paper", self.paper, "Paper size"),
        ):
            w.setAccessibleName(name)
            form.addRow(label, w)
        form.addRow(self.pregnant)
        form.addRow(self.leave_out)
        form.addRow(self.recipient_status)

        self.list = QListWidget(self)
        self.list.setAccessibleName("Points in the handout")
        self.list.setToolTip("Drag to reorder; Delete removes the selected point")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._reordered)
        self.list.currentRowChanged.connect(self._show_item)
        self.empty = QLabel(
            "No points yet. Select a point and press <b>Add to handout</b>, or right-click a "
            "dot on the body.",
            self,
        )
        self.empty.setWordWrap(True)

        self.remove_btn = QPushButton("Remove", self)
        self.remove_btn.setToolTip("Remove the selected point (Delete)")
        self.remove_btn.clicked.connect(self._remove)
        self.up_btn = QPushButton("▲", self)
        self.up_btn.setToolTip("Move up (Ctrl+Up)")
        self.up_btn.setAccessibleName("Move up")
        self.up_btn.clicked.connect(lambda: self._move(-1))
        self.down_btn = QPushButton("▼", self)
        self.down_btn.setToolTip("Move down (Ctrl+Down)")
        self.down_btn.setAccessibleName("Move down")
        self.down_btn.clicked.connect(lambda: self._move(1))
        self.add_visible_btn = QPushButton("Add all shown", self)
        self.add_visible_btn.setToolTip("Add every point the filters show on the map")
        self.add_visible_btn.clicked.connect(lambda: state.request_add(self.visible_codes()))
        self.clear_btn = QPushButton("Clear", self)
        self.clear_btn.setToolTip("Remove every point from the handout")
        self.clear_btn.clicked.connect(lambda: state.update_handout(items=()))
        buttons = QHBoxLayout()
        for b in (self.up_btn, self.down_btn, self.remove_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.add_visible_btn)
        buttons.addWidget(self.clear_btn)
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self._remove),
            ("Ctrl+Up", lambda: self._move(-1)),
            ("Ctrl+Down", lambda: self._move(1)),
        ):
            sc = QShortcut(QKeySequence(keys), self.list)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)

        self.item_box = QGroupBox("Selected point", self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("A note for this point (printed with it)")
        self.note.setAccessibleName("Note for the point")
        self.own_time = QCheckBox("Own timing", self)
        self.own_time.setToolTip("Override how long and how often this point is pressed")
        self.sec_min, self.sec_max = QSpinBox(self), QSpinBox(self)
        for sb, name in ((self.sec_min, "Shortest press"), (self.sec_max, "Longest press")):
            sb.setRange(5, 600)
            sb.setSingleStep(15)
            sb.setSuffix(" s")
            sb.setAccessibleName(name)
        self.reps = QSpinBox(self)
        self.reps.setRange(1, 10)
        self.reps.setSuffix(" times")
        self.reps.setAccessibleName("Repetitions")
        self.per_day = QSpinBox(self)
        self.per_day.setRange(1, 6)
        self.per_day.setSuffix(" a day")
        self.per_day.setAccessibleName("Times per day")
        hold, repeat = QHBoxLayout(), QHBoxLayout()
        for row, parts in (
            (hold, (self.sec_min, QLabel("to"), self.sec_max)),
            (repeat, (self.reps, self.per_day)),
        ):
            for part in parts:
                row.addWidget(part)
            row.addStretch(1)
        item_form = QFormLayout(self.item_box)
        item_form.addRow("Note", self.note)
        item_form.addRow(self.own_time)
        item_form.addRow("Hold", hold)
        item_form.addRow("Repeat", repeat)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.item_box)

        for line, field in (
            (self.title, "title"),
            (self.recipient, "recipient"),
            (self.practitioner, "practitioner"),
        ):
            line.editingFinished.connect(lambda w=line, f=field: self._set(**{f: w.text()}))
        self.date.dateChanged.connect(self._date_changed)
        self.paper.currentIndexChanged.connect(lambda _: self._set(paper=self.paper.currentData()))
        self.pregnant.toggled.connect(lambda on: self._set(pregnant=on))
        self.leave_out.toggled.connect(lambda on: self._set(leave_out_cautioned=on))
        self.note.editingFinished.connect(self._item_changed)
        self.own_time.toggled.connect(self._item_changed)
        for sb in (self.sec_min, self.sec_max, self.reps, self.per_day):
            # typed numbers count when done (Enter, Tab, the arrows): "90" is never taken as 9
            sb.setKeyboardTracking(False)
            sb.valueChanged.connect(self._item_changed)
        state.handout_changed.connect(self.refresh)
        self.refresh()

    # -- state -> widgets ------------------------------------------------------------------
    def refresh(self) -> None:
        h = self.state.handout
        self._syncing = True
        try:
            for w, text in (
                (self.title, h.title),
                (self.recipient, h.recipient),
                (self.practitioner, h.practitioner),
            ):
                if w.text() != text:
                    w.setText(text)
            day = dt.date.fromisoformat(h.print_date())
            self.date.setDate(QDate(day.year, day.month, day.day))
            self.paper.setCurrentIndex(max(0, self.paper.findData(h.paper)))
            self.pregnant.setChecked(h.pregnant)
            self.leave_out.setChecked(h.leave_out_cautioned)
            self.leave_out.setEnabled(h.pregnant)
            self.recipient_status.setText(
                "<span style='color:#b71c1c'><b>Recipient pregnant:</b> points traditionally "
                "cautioned in pregnancy are "
                + ("left out." if h.leave_out_cautioned else "flagged with a warning.")
                + "</span>"
                if h.pregnant
                else "Recipient not marked pregnant: the handout carries no pregnancy warning."
            )
            current = self.current_code()
            self.list.clear()
            for n, item in enumerate(h.items, start=1):
                p = self.atlas.points[item.code]
                flag = "  ⚠ practitioner only" if not p.self_care else ""
                row = QListWidgetItem(f"{n}. {p.code} · {p.pinyin} · {p.english}{flag}")
                row.setData(Qt.ItemDataRole.UserRole, p.code)
                row.setIcon(chip(self.atlas.meridians[p.meridian].color))
                if item.note:
                    row.setToolTip(item.note)
                self.list.addItem(row)
                if p.code == current:
                    self.list.setCurrentItem(row)
            has = bool(h.items)
            self.empty.setVisible(not has)
            for b in (self.remove_btn, self.up_btn, self.down_btn, self.clear_btn):
                b.setEnabled(has)
        finally:
            self._syncing = False
        self._show_item()

    def current_code(self) -> str:
        row = self.list.currentItem()
        return str(row.data(Qt.ItemDataRole.UserRole)) if row is not None else ""

    def _item(self, code: str) -> HandoutItem | None:
        return next((i for i in self.state.handout.items if i.code == code), None)

    def _show_item(self, *_: object) -> None:
        item = self._item(self.current_code())
        self.item_box.setEnabled(item is not None)
        if item is None:  # nothing chosen (or the list is empty): no stale point shown
            self._syncing = True
            try:
                self.item_box.setTitle("Selected point")
                self.note.clear()
                self.own_time.setChecked(False)
            finally:
                self._syncing = False
            return
        p = self.atlas.points[item.code]
        d = item.duration or p.duration
        self._syncing = True
        try:
            self.item_box.setTitle(f"{p.code} {p.pinyin}")
            self.note.setText(item.note)
            self.own_time.setChecked(item.duration is not None)
            self.sec_min.setValue(d.seconds_min)
            self.sec_max.setValue(d.seconds_max)
            self.reps.setValue(d.repetitions)
            self.per_day.setValue(d.per_day)
            for sb in (self.sec_min, self.sec_max, self.reps, self.per_day):
                sb.setEnabled(item.duration is not None)
        finally:
            self._syncing = False

    # -- widgets -> state ------------------------------------------------------------------
    def _set(self, **changes: object) -> None:
        if not self._syncing:
            self.state.update_handout(**changes)

    def _date_changed(self, date: QDate) -> None:
        iso = date.toString("yyyy-MM-dd")
        if iso != self.state.handout.print_date():
            self._set(date=iso)

    def _item_changed(self, *_: object) -> None:
        code = self.current_code()
        item = self._item(code)
        if self._syncing or item is None:
            return
        duration = None
        if self.own_time.isChecked():
            lo, hi = sorted((self.sec_min.value(), self.sec_max.value()))
            duration = Duration(
                seconds_min=lo,
                seconds_max=hi,
                repetitions=self.reps.value(),
                per_day=self.per_day.value(),
            )
        self.state.update_item(code, note=self.note.text().strip(), duration=duration)

    def _reordered(self, *_: object) -> None:
        if self._syncing:
            return
        order = [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]
        self.state.reorder_handout(order)

    def _remove(self) -> None:
        code = self.current_code()
        if code:
            row = self.list.currentRow()
            self.state.remove_from_handout(code)
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _move(self, step: int) -> None:
        codes = self.state.handout.codes()
        code = self.current_code()
        if code not in codes:
            return
        i = codes.index(code)
        j = i + step
        if 0 <= j < len(codes):
            codes[i], codes[j] = codes[j], codes[i]
            self.state.reorder_handout(codes)
