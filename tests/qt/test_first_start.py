"""The window as a first-time user gets it: the real start path, fitted, never bricked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from acumap.cli import build_parser, main
from acumap.loaders.handout_file import autosave_path
from acumap.qt.app import open_window
from acumap.qt.main_window import MainWindow


def start(qtbot, *argv: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """`acumap` as run_window starts it (restore, arguments, show), without app.exec()."""
    args = build_parser().parse_args(list(argv))
    win = open_window(args, (1300, 860), headless=False)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    return win


def figure_height_share(win: MainWindow) -> float:
    """How much of the map the body figure fills on screen: its height's share of the map's
    height, or its width's share where the map is narrow (the figure then fills the width)."""
    body = win.body
    x, y, w, h = body.bundle.figures[body.state.view].viewbox
    top_left, bottom_right = body.mapFromScene(x, y), body.mapFromScene(x + w, y + h)
    tall = (bottom_right.y() - top_left.y()) / body.viewport().height()
    wide = (bottom_right.x() - top_left.x()) / body.viewport().width()
    assert tall <= 1.0 and wide <= 1.0, (tall, wide)  # the whole body is in view
    return max(tall, wide)


def test_the_first_start_shows_the_whole_body_fitted(qtbot) -> None:
    win = start(qtbot)
    assert 0.8 < figure_height_share(win) <= 1.0
    win.resize(900, 700)  # still at fit: resizing fits again
    qtbot.waitUntil(lambda: 0.8 < figure_height_share(win) <= 1.0)
    win.close()
    settings = QSettings()
    assert settings.value("view/zoom") is None  # "fit" is remembered as fit, not a number


@pytest.mark.parametrize(
    ("key", "value"),
    [("view/zoom", "abc"), ("view/zoom", "0.0001"), ("view/zoom", "nan"), ("view/figure", "side")],
)
def test_unreadable_or_tiny_saved_settings_are_ignored(qtbot, key: str, value: str) -> None:
    QSettings().setValue(key, value)
    win = start(qtbot)
    assert 0.8 < figure_height_share(win) <= 1.0
    assert win.state.view == "front"


def test_a_saved_zoom_above_fit_comes_back(qtbot) -> None:
    win = start(qtbot)
    win.body.zoom_by(2.0)
    zoom = win.body.zoom
    win.close()
    again = start(qtbot)
    assert again.body.zoom == pytest.approx(zoom, rel=0.01)


def test_a_corrupt_autosave_is_kept_aside_and_the_user_told_once(qtbot) -> None:
    path = autosave_path()
    path.write_text('{"format": "acumap-handout", "version": 1, "handout": {"date": "2026-02-30"}}')
    win = start(qtbot)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert len(boxes) == 1 and "2026-02-30" in boxes[0].text()
    kept = list(path.parent.glob("autosave.bad-*.acumap.json"))
    assert len(kept) == 1 and "2026-02-30" in kept[0].read_text()
    boxes[0].close()
    win.state.add_to_handout(["ST36"])
    win.close()  # the autosave is written now ...
    assert "ST36" in path.read_text()
    assert "2026-02-30" in kept[0].read_text()  # ... and the kept copy is untouched
    again = start(qtbot)
    assert again.state.handout.codes() == ["ST36"]
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not [w for w in shown if isinstance(w, QMessageBox)]


def test_a_screenshot_never_touches_the_users_files(tmp_path: Path, qapp, isolated_cache) -> None:
    path = autosave_path()
    path.write_text("the user's work, even if unreadable")
    before = path.stat().st_mtime_ns
    cache = isolated_cache
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--select", "ST36"]) == 0
    qapp.processEvents()
    assert out.exists()
    assert path.read_text() == "the user's work, even if unreadable"
    assert path.stat().st_mtime_ns == before
    assert not list(path.parent.glob("autosave.bad-*"))
    assert not cache.exists() or not any(cache.iterdir())


def test_a_screenshot_is_fitted_the_way_the_window_is(tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--size", "1200x800"]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 800)


# -- what goes on a client's handout ---------------------------------------------------------
def _confirm_box() -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if (
            isinstance(w, QMessageBox)
            and w.objectName() == "confirm-practitioner-only"
            and w.isVisible()  # not one a previous test closed and Qt has yet to delete
        ):
            return w
    return None


def test_a_point_not_for_self_care_asks_first_and_prints_practitioner_only(qtbot) -> None:
    win = start(qtbot, "--select", "ST9")
    qtbot.mouseClick(win.details.add_button, Qt.MouseButton.LeftButton)
    box = _confirm_box()
    assert box is not None and "carotid" in box.text()
    assert win.state.handout.codes() == []  # nothing added before the answer
    dont = next(b for b in box.buttons() if b.text() == "Don't add")
    qtbot.mouseClick(dont, Qt.MouseButton.LeftButton)
    assert win.state.handout.codes() == []
    qtbot.mouseClick(win.details.add_button, Qt.MouseButton.LeftButton)
    box = _confirm_box()
    assert box is not None
    add = next(b for b in box.buttons() if b.text() == "Add as practitioner only")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert win.state.handout.codes() == ["ST9"]
    win.handout_dock.raise_()
    assert "practitioner only" in win.handout_panel.list.item(0).text()


def test_landmarks_cannot_be_added_and_add_all_shown_asks_about_the_rest(qtbot) -> None:
    win = start(qtbot, "--select", "CV8")
    assert not win.details.add_button.isEnabled()
    win.state.set_filters(["CV"], [])
    win.handout_dock.raise_()
    qtbot.mouseClick(win.handout_panel.add_visible_btn, Qt.MouseButton.LeftButton)
    codes = win.state.handout.codes()
    assert "CV8" not in codes and "CV1" not in codes and "CV12" in codes
    assert "CV8" in win.statusBar().currentMessage()
    box = _confirm_box()
    assert box is not None and "CV1" in box.text() and "CV8" not in box.text()


def test_export_to_a_missing_folder_says_so_and_writes_nothing(qtbot, tmp_path: Path) -> None:
    win = start(qtbot)
    win.state.add_to_handout(["LI4"])
    assert not win.handout_actions.export_pdf(tmp_path / "missing" / "x.pdf")
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
               and w.isVisible() and w.windowTitle() == "Cannot export the PDF")  # fmt: skip
    assert "does not exist" in box.text()  # what the user reads
    box.close()
    assert not (tmp_path / "missing").exists()


def test_a_pasted_5000_digit_code_in_the_search_box_is_no_point_and_no_hang(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    win = start(qtbot)
    QGuiApplication.clipboard().setText("ST" + "9" * 5000)
    search = win.filters.search
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert len(search.text()) <= 200
    assert win.state.selected == ""
    said = search.miss_text.text()  # the inline message under the box, shortened
    assert search.miss.isVisible() and "No point called 'ST9999" in said and len(said) < 400


# -- the figure set ----------------------------------------------------------------------------
def test_views_come_from_the_manifest_and_a_double_click_opens_the_close_up(qtbot) -> None:
    from PySide6.QtCore import QPointF

    win = start(qtbot, "--select", "PC6")
    fa = win.figure_actions
    assert len(fa.actions) == len(win.bundle.specs) >= 12
    assert [a.text() for a in fa.body()][:2] == ["Front", "Back"]
    fa.actions["lateral-r"].trigger()
    assert win.state.view == "lateral-r"
    assert "Patient's right side" in win.body.scene_for("lateral-r").side_labels()
    fa.actions["front"].trigger()
    if fa.best_closeup("PC6") is None:
        pytest.skip("PC6 is not placed on a close-up yet")
    pos = win.bundle.positions_of("PC6", "front")[0]
    at = win.body.mapFromScene(QPointF(pos.x, pos.y))
    qtbot.mouseDClick(win.body.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert win.bundle.specs[win.state.view].kind == "close-up"
    assert win.state.selected == "PC6"
    from PySide6.QtWidgets import QToolBar

    toolbar = win.findChild(QToolBar)
    back = toolbar.widgetForAction(fa.closeup_action)
    assert fa.closeup_action.text() == "Back to body"
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)  # the toolbar's "Back to body"
    assert win.state.view == "front"


def test_a_broken_figure_set_is_refused_and_a_remembered_one_that_broke_never_bricks(
    qtbot, tmp_path: Path
) -> None:
    import shutil

    from acumap.loaders.resources import figures_dir
    from acumap.qt.figure_set_actions import FIGURE_SET_KEY

    win = start(qtbot)
    broken = tmp_path / "broken"
    shutil.copytree(figures_dir(), broken)
    (broken / "back.svg").write_text("<svg/>")
    assert not win.figure_sets.use(broken)
    assert "back.svg" in win.figure_sets.last_message
    assert QSettings().value(FIGURE_SET_KEY) is None
    good = tmp_path / "good"
    shutil.copytree(figures_dir(), good)
    assert win.figure_sets.use(good)
    assert QSettings().value(FIGURE_SET_KEY) == str(good)
    win.close()
    (good / "front.svg").write_text("not xml")  # broken after it was chosen
    again = start(qtbot)
    assert len(again.bundle.figures) == len(win.bundle.figures)  # the bundled set
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("can no longer be used" in b.text() for b in boxes if b.isVisible())
    assert QSettings().value(FIGURE_SET_KEY) is None


def test_the_default_size_fits_the_screen_and_panels_come_back_from_the_view_menu(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    args = build_parser().parse_args([])
    win = open_window(args, None, headless=False)  # no size asked: the default
    qtbot.addWidget(win)
    free = QGuiApplication.primaryScreen().availableGeometry()
    assert win.width() <= free.width() and win.height() <= free.height()
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    toggles = {a.text(): a for a in view_menu.actions() if a.isCheckable()}
    point = toggles["Point"]
    point.trigger()  # the user unticks "Point" in the View menu
    assert not win.docks[1].isVisible()
    point.trigger()
    assert win.docks[1].isVisible()


@pytest.mark.parametrize(("size", "share"), [((1024, 700), 0.45), ((800, 600), 0.38)])
def test_the_map_keeps_priority_in_a_small_window(qtbot, size, share) -> None:
    win = start(qtbot)
    win.resize(*size)  # the layout settles in the events that follow
    qtbot.waitUntil(lambda: win.body.width() >= share * size[0])
    win.resize(1360, 880)  # room again: the panels get their usual width back
    qtbot.waitUntil(lambda: win.docks[1].width() >= 370 and win.body.width() >= 650)


def test_going_to_a_point_at_fit_keeps_the_whole_figure_and_its_labels_in_view(qtbot) -> None:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    win = start(qtbot)
    qtbot.waitUntil(lambda: win.body.viewport().width() > 100)
    qtbot.keyClicks(win.filters.search, "hegu")  # going to a point at fit moves nothing
    qtbot.keyClick(win.filters.search, Qt.Key.Key_Return)
    assert win.state.selected == "LI4"
    body = win.body
    labels = [i for i in body.current.items() if isinstance(i, QGraphicsSimpleTextItem)
              and i.data(0) != "code-label"]  # fmt: skip
    view = body.viewport().rect()
    for item in labels:  # the figure's title and the patient's sides, at the top
        box = item.deviceTransform(body.viewportTransform()).mapRect(item.boundingRect())
        assert view.contains(box.toRect()), item.text()
    assert figure_height_share(win) >= 0.8
