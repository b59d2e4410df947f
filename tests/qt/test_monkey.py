"""A seeded monkey: 10,000 random real events on the real window, and the invariants hold.

Clicks, double-clicks, drags and wheel turns on the map; the window's shortcuts (those that
open no file or print dialog, which a monkey cannot answer); ticks in the filter lists;
text, Enter and Escape in the search box; the handout's buttons and note; opening a valid
and a broken saved handout. Any exception in a Qt handler fails the test (pytest-qt), and
after every event batch: the selection is a known point or none, the handout holds known
points only, once each, and the view is a figure of the manifest.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QWidget

from acumap.cli import build_parser
from acumap.qt.app import open_window
from acumap.qt.main_window import MainWindow

SEED = 20261125
EVENTS = 10_000
NO = Qt.KeyboardModifier.NoModifier
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# every shortcut that opens no modal dialog (open, save as, print and export do)
KEYS = [
    (Qt.Key.Key_F, NO), (Qt.Key.Key_B, NO), (Qt.Key.Key_R, NO), (Qt.Key.Key_L, NO),
    (Qt.Key.Key_F, SHIFT), (Qt.Key.Key_R, SHIFT), (Qt.Key.Key_T, SHIFT), (Qt.Key.Key_H, NO),
    (Qt.Key.Key_H, SHIFT), (Qt.Key.Key_T, NO), (Qt.Key.Key_I, NO), (Qt.Key.Key_O, NO),
    (Qt.Key.Key_S, NO), (Qt.Key.Key_C, NO), (Qt.Key.Key_Equal, CTRL), (Qt.Key.Key_Minus, CTRL),
    (Qt.Key.Key_0, CTRL), (Qt.Key.Key_P, CTRL | SHIFT), (Qt.Key.Key_F, CTRL),
    (Qt.Key.Key_Left, NO), (Qt.Key.Key_Right, NO), (Qt.Key.Key_Escape, NO),
    (Qt.Key.Key_N, CTRL), (Qt.Key.Key_Delete, NO),
]  # fmt: skip
WORDS = ["LI4", "zusanli", "LV3", "Du20", "三里", "taiyang point", "xyz", "", "Baxie", "juquan",
         "Yinjiao", "ST-36", "heku", "Triple Warmer 5", "a" * 300]  # fmt: skip


def type_text(widget: QWidget, text: str) -> None:
    """Keys as a keyboard sends them; QTest only knows Latin-1 keys, so hanzi (as an input
    method commits them) go as key events that carry their text."""
    for ch in text:
        if ord(ch) < 128:
            QTest.keyClick(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO, ch))


class Monkey:
    def __init__(self, win: MainWindow, rng: random.Random, files: list[Path]) -> None:
        self.win, self.rng, self.files = win, rng, files

    def spot(self) -> QPoint:
        vp = self.win.body.viewport()
        return QPoint(self.rng.randrange(vp.width()), self.rng.randrange(vp.height()))

    def on_a_dot(self) -> QPoint:
        body = self.win.body
        dots = [d for ds in body.current.dots.values() for d in ds if d.isVisible()]
        if not dots:
            return self.spot()
        d = self.rng.choice(dots)
        return body.mapFromScene(QPointF(d.x(), d.y()))

    # -- the events ------------------------------------------------------------------------
    def click(self) -> None:
        at = self.on_a_dot() if self.rng.random() < 0.6 else self.spot()
        button = (
            Qt.MouseButton.LeftButton if self.rng.random() < 0.85 else Qt.MouseButton.RightButton
        )
        QTest.mouseClick(self.win.body.viewport(), button, NO, at)

    def double_click(self) -> None:
        QTest.mouseDClick(self.win.body.viewport(), Qt.MouseButton.LeftButton, NO, self.on_a_dot())

    def drag(self) -> None:
        vp, a, b = self.win.body.viewport(), self.spot(), self.spot()
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, NO, a)
        QTest.mouseMove(vp, (a + b) / 2)
        QTest.mouseMove(vp, b)
        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, NO, b)

    def wheel(self) -> None:
        vp, at = self.win.body.viewport(), self.spot()
        delta = self.rng.choice([-240, -120, 120, 240])
        event = QWheelEvent(
            QPointF(at), QPointF(vp.mapToGlobal(at)), QPoint(), QPoint(0, delta),
            Qt.MouseButton.NoButton, NO, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(vp, event)

    def key(self) -> None:
        key, mods = self.rng.choice(KEYS)
        QTest.keyClick(self.win, key, mods)

    def tick(self) -> None:
        lists: list[QListWidget] = [self.win.filters.meridians, self.win.filters.conditions]
        box = self.rng.choice(lists)
        item = box.item(self.rng.randrange(box.count()))
        box.scrollToItem(item)
        rect = box.visualItemRect(item)
        # the check box sits at the row's left edge
        QTest.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, NO,
                         QPoint(rect.left() + 10, rect.center().y()))  # fmt: skip

    def search(self) -> None:
        box = self.win.filters.search
        box.setFocus()
        box.selectAll()
        type_text(box, self.rng.choice(WORDS))
        QTest.keyClick(box, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Escape]))

    def handout(self) -> None:
        panel, details = self.win.handout_panel, self.win.details
        pick = self.rng.random()
        if pick < 0.4 and details.add_button.isEnabled():
            QTest.mouseClick(details.add_button, Qt.MouseButton.LeftButton)
        elif pick < 0.6 and panel.list.count():
            row = panel.list.visualItemRect(panel.list.item(self.rng.randrange(panel.list.count())))
            QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, NO, row.center())
            QTest.mouseClick(self.rng.choice([panel.remove_btn, panel.up_btn, panel.down_btn]),
                             Qt.MouseButton.LeftButton)  # fmt: skip
        elif pick < 0.8 and panel.note.isEnabled():
            panel.note.setFocus()
            type_text(panel.note, self.rng.choice(["fb", "press gently", "长按", ""]))
            QTest.keyClick(panel.note, Qt.Key.Key_Return)
        else:
            QTest.mouseClick(panel.add_visible_btn, Qt.MouseButton.LeftButton)

    def open_file(self) -> None:
        self.win.handout_actions.open_from(self.rng.choice(self.files))  # as File → Open does

    def answer_any_question(self) -> None:
        """A box the last event raised (add a practitioner-only point? a broken file): a
        user answers it before doing anything else."""
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                buttons = box.buttons()
                QTest.mouseClick(self.rng.choice(buttons), Qt.MouseButton.LeftButton)


def check(win: MainWindow) -> None:
    s, atlas = win.state, win.bundle.atlas
    assert s.selected == "" or s.selected in atlas.points
    codes = s.handout.codes()
    assert all(c in atlas.points for c in codes) and len(codes) == len(set(codes))
    assert s.view in win.bundle.specs
    assert win.body.current.view == s.view


def test_ten_thousand_random_events_break_nothing(qtbot, tmp_path: Path) -> None:
    good = tmp_path / "ana.acumap.json"
    items = [{"code": "LI4"}, {"code": "ST36"}, {"code": "EX-UE9"}]
    good.write_text(json.dumps({"version": 1, "title": "Ana", "items": items}), "utf-8")
    broken = tmp_path / "broken.acumap.json"
    broken.write_text('{"version": 1, "items": [{"code": "LI4"}, {"code": "NOPE"}', "utf-8")
    win = open_window(build_parser().parse_args([]), (1300, 860), headless=False)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    rng = random.Random(SEED)
    monkey = Monkey(win, rng, [good, broken])
    moves: list[tuple[Callable[[], None], int]] = [
        (monkey.click, 30), (monkey.double_click, 3), (monkey.drag, 6), (monkey.wheel, 8),
        (monkey.key, 25), (monkey.tick, 10), (monkey.search, 6), (monkey.handout, 10),
        (monkey.open_file, 2),
    ]  # fmt: skip
    events = 0
    while events < EVENTS:
        move = rng.choices([m for m, _ in moves], weights=[w for _, w in moves])[0]
        move()
        monkey.answer_any_question()
        events += 1
        if events % 100 == 0:
            QApplication.processEvents()
            check(win)
    check(win)
    assert isinstance(win, QWidget)
