"""The window as a user drives it: real widgets, real clicks, offscreen."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QApplication

from acumap.cli import main
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle
from acumap.qt.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, bundle: Bundle, isolated_settings: Path):
    def make() -> MainWindow:
        state = ViewerState(
            {c: bundle.views_of(c) for c in bundle.atlas.points}, list(bundle.specs)
        )
        win = MainWindow(bundle, state, QSettings())
        qtbot.addWidget(win)
        win.resize(1300, 900)
        with qtbot.waitExposed(win):
            win.show()
        with qtbot.waitActive(win):  # window shortcuts (F, B, arrows) need the active window
            win.activateWindow()
        win.body.fit()
        return win

    return make


def viewport_pos(win: MainWindow, x: float, y: float) -> QPoint:
    return win.body.mapFromScene(QPointF(x, y))


def click(qtbot, win: MainWindow, pos: QPoint) -> None:
    qtbot.mouseClick(win.body.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_click_on_st36_shows_zusanli(qtbot, make_window, bundle):
    win = make_window()
    pos = bundle.positions_of("ST36", "front")[0]
    click(qtbot, win, viewport_pos(win, pos.x, pos.y))
    assert win.state.selected == "ST36"
    assert "Zusanli" in win.details.text()
    assert "足三里" in win.details.text()


def test_click_three_pixels_beside_a_dot_still_selects_it(qtbot, make_window, bundle):
    win = make_window()
    # ST36: no other dot within 3 cun (CV12 has KI19 half a cun beside it)
    pos = bundle.positions_of("ST36", "front")[0]
    click(qtbot, win, viewport_pos(win, pos.x, pos.y) + QPoint(3, 0))
    assert win.state.selected == "ST36"


def test_both_sides_of_a_bilateral_point_highlight(qtbot, make_window, bundle):
    win = make_window()
    pos = bundle.positions_of("PC6", "front")[0]
    click(qtbot, win, viewport_pos(win, pos.x, pos.y))
    dots = win.body.current.dots["PC6"]
    assert len(dots) == 2 and all(d.selected for d in dots)


def _empty_body_spot(win: MainWindow, bundle: Bundle) -> QPoint:
    """A place inside the silhouette with no dot within 25 screen pixels (well beyond the
    click tolerance)."""
    fig = bundle.figures["front"]
    x0, y0, w, h = fig.viewbox
    positions = bundle.on_view("front")
    for j in range(80):
        for i in range(40):
            x, y = x0 + w * (i + 0.5) / 40, y0 + h * (j + 0.5) / 80
            if not fig.contains((x, y)):
                continue
            vp = viewport_pos(win, x, y)
            near = min(
                math.dist((vp.x(), vp.y()), (q.x(), q.y()))
                for q in (viewport_pos(win, p.x, p.y) for p in positions)
            )
            if near > 25:
                return vp
    raise AssertionError("no empty spot on the body")


def test_click_on_empty_body_clears_selection(qtbot, make_window, bundle):
    win = make_window()
    win.state.select("ST36")
    click(qtbot, win, _empty_body_spot(win, bundle))
    assert win.state.selected == ""
    assert "Pick a point" in win.details.text()


def test_filter_pc_shows_only_pc_points_and_draws_the_channel(qtbot, make_window):
    win = make_window()
    items = win.filters.meridians
    for i in range(items.count()):
        if items.item(i).data(Qt.ItemDataRole.UserRole) == "PC":
            items.item(i).setCheckState(Qt.CheckState.Checked)
    shown = {code for code, dots in win.body.current.dots.items() if dots[0].isVisible()}
    assert shown == {f"PC{n}" for n in range(1, 10)}
    assert win.body.current.channel.isVisible()
    assert win.body.current.channel.path().elementCount() >= 2 * 9


def test_search_hegu_enter_selects_and_centres_li4(qtbot, make_window, bundle):
    win = make_window()
    win.body.set_zoom(win.body.zoom * 3)
    box = win.filters.search
    box.setFocus()
    qtbot.keyClicks(box, "hegu")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert win.state.selected == "LI4"
    assert win.state.view == bundle.views_of("LI4")[0]
    target = bundle.positions_of("LI4", win.state.view)
    centre = win.body.mapToScene(win.body.viewport().rect().center())
    mid = QPointF(sum(p.x for p in target) / len(target), sum(p.y for p in target) / len(target))
    assert math.dist((centre.x(), centre.y()), (mid.x(), mid.y())) < 30


def test_searching_bl40_from_the_front_switches_to_the_back(qtbot, make_window):
    win = make_window()
    assert win.state.view == "front"
    qtbot.keyClicks(win.filters.search, "BL40")
    qtbot.keyClick(win.filters.search, Qt.Key.Key_Return)
    assert win.state.view == "back"
    assert win.figure_actions.actions["back"].isChecked()
    assert win.state.selected == "BL40"


def test_aliases_in_search(qtbot, make_window):
    win = make_window()
    qtbot.keyClicks(win.filters.search, "LV3")
    qtbot.keyClick(win.filters.search, Qt.Key.Key_Return)
    assert win.state.selected == "LR3"


def test_pregnancy_switch_leads_li4_panel_with_the_caution(qtbot, make_window):
    win = make_window()
    win.state.select("LI4")
    plain = win.details.text()
    assert plain.index("Pregnancy") > plain.index("How to find it")
    win.pregnant_action.trigger()
    text = win.details.text()
    assert "Pregnancy" in text
    assert text.index("Pregnancy") < text.index("How to find it")
    flagged = [d for d in win.body.scene_for("back").dots["LI4"]]
    win.state.set_view("back")
    assert all(d.flagged for d in flagged)


def test_arrow_keys_step_along_the_meridian(qtbot, make_window):
    win = make_window()
    win.state.select("ST36")
    win.body.setFocus()
    qtbot.keyClick(win.body, Qt.Key.Key_Right)
    assert win.state.selected == "ST37"
    qtbot.keyClick(win.body, Qt.Key.Key_Left)
    qtbot.keyClick(win.body, Qt.Key.Key_Left)
    assert win.state.selected == "ST35"


def test_f_and_b_keys_switch_views(qtbot, make_window):
    win = make_window()
    qtbot.keyClick(win.body, Qt.Key.Key_B)
    assert win.state.view == "back"
    qtbot.keyClick(win.body, Qt.Key.Key_F)
    assert win.state.view == "front"


def test_side_labels_are_on_the_patients_sides(make_window):
    win = make_window()
    assert win.body.scene_for("front").side_labels() == ["Patient's right", "Patient's left"]
    assert win.body.scene_for("back").side_labels() == ["Patient's left", "Patient's right"]


def test_settings_round_trip(qtbot, make_window):
    win = make_window()
    win.state.set_view("back")
    win.state.set_filters(["BL"], ["low-back"])
    win.state.set_pregnancy_overlay(True)
    win.body.set_zoom(2.0)
    win.close()
    again = make_window()
    again.restore()
    assert again.state.view == "back"
    assert again.state.meridians == {"BL"}
    assert again.state.conditions == {"low-back"}
    assert again.state.pregnancy_overlay
    assert again.body.zoom == pytest.approx(2.0, rel=0.01)


def test_screenshot_writes_png_of_requested_size(tmp_path, qapp):
    out = tmp_path / "shot.png"
    status = main(["--screenshot", str(out), "--select", "ST36", "--size", "1000x700"])
    assert status == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1000, 700)


def test_screenshot_bad_arguments_exit_2(tmp_path, qapp, capsys):
    assert main(["--screenshot", str(tmp_path / "x.png"), "--select", "XX99"]) == 2
    assert "unknown point" in capsys.readouterr().err
    assert main(["--screenshot", str(tmp_path / "missing" / "x.png")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_a_click_on_any_site_of_a_point_selects_it_and_marks_every_site(qtbot, make_window, bundle):
    win = make_window()
    win.figure_actions.actions["hand-back"].trigger()  # the View menu's entry
    # Baxie: four webs between the fingers; the third site, not the first
    sites = bundle.positions_of("EX-UE9", "hand-back")
    assert len(sites) == 4
    third = sites[2]
    click(qtbot, win, viewport_pos(win, third.x, third.y))
    assert win.state.selected == "EX-UE9"
    dots = win.body.current.dots["EX-UE9"]
    assert len(dots) == 4 and all(d.selected for d in dots)
    assert "several sites" in win.details.text()


def test_a_point_inside_the_mouth_opens_its_text_without_a_dot(qtbot, make_window):
    win = make_window()
    qtbot.keyClicks(win.filters.search, "Juquan")
    qtbot.keyClick(win.filters.search, Qt.Key.Key_Return)
    assert win.state.selected == "EX-HN10"
    assert "Not shown on the figures" in win.details.text()
    assert "EX-HN10" not in win.body.current.dots


def test_dots_shrink_on_a_crowded_figure_at_fit_and_grow_when_zoomed(qtbot, make_window):
    win = make_window()
    dot = win.body.current.dots["CV12"][0]  # KI19 sits half a cun beside it
    assert 3.0 <= dot.radius < 5.0
    zoom_in = next(a for a in win.findChildren(QAction) if a.text() == "Zoom in")
    for _ in range(6):
        zoom_in.trigger()  # the toolbar button / Ctrl++
    assert dot.radius == 5.0


def test_the_status_counts_the_figure_shown_and_names_the_filter(qtbot, make_window, bundle):
    win = make_window()
    on_front = sum(1 for c in bundle.atlas.points if "front" in bundle.views_of(c))
    assert win.status.text().startswith(f"{on_front} points on this figure · Front")
    items = win.filters.conditions
    for i in range(items.count()):
        if items.item(i).data(Qt.ItemDataRole.UserRole) == "sleep":
            items.item(i).setCheckState(Qt.CheckState.Checked)  # the user ticks Sleep
    sleep = [c for c, p in bundle.atlas.points.items() if "sleep" in p.conditions]
    here = sum(1 for c in sleep if "front" in bundle.views_of(c))
    assert win.status.text().startswith(
        f"Filtered: Sleep — {here} of {len(sleep)} on this figure · Front"
    )


def test_points_already_in_the_handout_are_marked_on_the_map(qtbot, make_window, bundle):
    win = make_window()
    pos = bundle.positions_of("ST36", "front")[0]
    qtbot.mouseClick(win.body.viewport(), Qt.MouseButton.LeftButton,
                     pos=viewport_pos(win, pos.x, pos.y))  # fmt: skip
    qtbot.mouseClick(win.details.add_button, Qt.MouseButton.LeftButton)
    assert win.state.handout.codes() == ["ST36"]
    assert all(d.in_handout for d in win.body.current.dots["ST36"])
    assert not any(d.in_handout for d in win.body.current.dots["ST35"])


def _code_labels(win: MainWindow) -> list:
    return [i for i in win.body.current.items() if i.data(0) == "code-label" and i.isVisible()]


def test_codes_appear_beside_the_dots_when_zoomed_in_and_never_overlap(qtbot, make_window):
    win = make_window()
    assert _code_labels(win) == []  # at fit the dots are too close to read a code
    pos = win.bundle.positions_of("ST36", "front")[0]
    click(qtbot, win, viewport_pos(win, pos.x, pos.y))
    zoom_in = next(a for a in win.findChildren(QAction) if a.text() == "Zoom in")
    for _ in range(6):
        zoom_in.trigger()
    labels = _code_labels(win)
    assert "ST36" in {i.text() for i in labels}  # the selected point is labelled first
    vt = win.body.viewportTransform()  # where each label is drawn on screen
    boxes = [i.deviceTransform(vt).mapRect(i.boundingRect()).toRect() for i in labels]
    view = win.body.viewport().rect()
    boxes = [b for b in boxes if view.intersects(b)]
    assert len(boxes) >= 10
    for n, a in enumerate(boxes):
        assert not any(a.intersected(b).width() > 1 for b in boxes[n + 1 :])


def test_a_miss_says_so_under_the_box_with_the_nearest_points_to_pick(qtbot, make_window):
    win = make_window()
    box = win.filters.search
    qtbot.keyClicks(box, "taiyang point")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert win.state.selected == ""
    assert box.miss.isVisible()
    assert box.miss_text.text().startswith("No point called 'taiyang point'. Did you mean:")
    assert box.suggestions[0].text() == "EX-HN5"
    qtbot.mouseClick(box.suggestions[0], Qt.MouseButton.LeftButton)
    assert win.state.selected == "EX-HN5" and not box.miss.isVisible()
    qtbot.keyClicks(box, "x")  # typing again clears a message
    assert not box.miss.isVisible() and box.toolTip().startswith("Find a point")


def test_side_labels_stay_readable_on_a_dark_palette(qtbot, make_window, qapp):
    from PySide6.QtGui import QPalette

    from acumap.qt.scene import QGraphicsSimpleTextItem

    before = qapp.palette()
    dark = QPalette(before)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#2b2b2b"))
    qapp.setPalette(dark)
    try:
        win = make_window()
        labels = [i for i in win.body.current.items() if isinstance(i, QGraphicsSimpleTextItem)
                  and i.data(0) == "side-label"]  # fmt: skip
        assert labels and all(i.brush().color().lightness() > 160 for i in labels)
    finally:
        qapp.setPalette(before)


@pytest.mark.parametrize(
    ("typed", "first"),
    [("LV3", "LR3"), ("Du20", "GV20"), ("zu san li", "ST36"), ("Union", "LI4"), ("SJ5", "TE5")],
)
def test_completion_offers_points_for_old_codes_pinyin_and_english(
    qtbot, make_window, typed, first
):
    win = make_window()
    box = win.filters.search
    qtbot.keyClicks(box, typed)
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data().startswith(f"{first} · ")


def test_completion_offers_hanzi_typed_through_an_input_method(qtbot, make_window):
    from PySide6.QtGui import QInputMethodEvent

    win = make_window()
    box = win.filters.search
    box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("三里")  # what an input method sends when the user picks the hanzi
    QApplication.sendEvent(box, event)
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert any(s.startswith("ST36 · ") for s in shown) and any(s.startswith("LI10 ") for s in shown)


def test_right_click_on_a_dot_offers_to_add_it(qtbot, make_window, bundle):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    win = make_window()
    pos = bundle.positions_of("PC6", "front")[0]
    at = viewport_pos(win, pos.x, pos.y)

    def choose_add() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        add = next(a for a in menu.actions() if a.text().startswith("Add PC6"))
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(add).center())

    QTimer.singleShot(0, choose_add)
    # what the window system sends for a right-click
    vp = win.body.viewport()
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, vp.mapToGlobal(at))
    QApplication.sendEvent(vp, menu_event)
    assert win.state.handout.codes() == ["PC6"]


def test_hovering_a_dot_names_it(qtbot, make_window, bundle):
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QToolTip

    win = make_window()
    vp = win.body.viewport()
    pos = bundle.positions_of("ST36", "front")[0]
    at = QPointF(viewport_pos(win, pos.x, pos.y))
    # the move the window system delivers to the map (QTest's goes to whichever top-level
    # window lies under the cursor, and other tests leave some)
    move = QMouseEvent(QEvent.Type.MouseMove, at, QPointF(vp.mapToGlobal(at.toPoint())),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(vp, move)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "ST36 · Zusanli · Leg Three Miles"
    assert vp.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_a_drag_pans_and_selects_nothing_a_click_selects(qtbot, make_window, bundle):
    win = make_window()
    zoom_in = next(a for a in win.findChildren(QAction) if a.text() == "Zoom in")
    for _ in range(4):
        zoom_in.trigger()
    vp = win.body.viewport()
    pos = bundle.positions_of("CV12", "front")[0]
    start = viewport_pos(win, pos.x, pos.y)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, start + QPoint(20, 30))
    qtbot.mouseMove(vp, start + QPoint(40, 60))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 60))
    assert win.state.selected == ""
    moved = viewport_pos(win, pos.x, pos.y)
    assert (moved - start).manhattanLength() > 50  # the figure went with the hand
    click(qtbot, win, moved)
    assert win.state.selected == "CV12"


def test_the_wheel_zooms_about_the_point_under_the_cursor(qtbot, make_window, bundle):
    from PySide6.QtGui import QWheelEvent

    win = make_window()
    vp = win.body.viewport()
    pos = bundle.positions_of("PC6", "front")[0]  # on the forearm, off the centre
    at = viewport_pos(win, pos.x, pos.y)
    before = win.body.zoom
    for _ in range(3):
        event = QWheelEvent(
            QPointF(at), QPointF(vp.mapToGlobal(at)), QPoint(), QPoint(0, 120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(vp, event)
    assert win.body.zoom > before * 1.4
    after = viewport_pos(win, pos.x, pos.y)
    assert (after - at).manhattanLength() <= 4  # the point stayed under the cursor


@pytest.mark.parametrize("size", [(760, 460), (1024, 700), (1360, 880)])
def test_the_figure_header_never_overlaps_itself_in_a_narrow_map(qtbot, make_window, size):
    from acumap.qt.scene import QGraphicsSimpleTextItem

    win = make_window()
    win.resize(*size)
    qtbot.waitUntil(lambda: win.width() == size[0])
    win.body.fit()
    vt = win.body.viewportTransform()
    shown = [
        i.deviceTransform(vt).mapRect(i.boundingRect())
        for i in win.body.current.items()
        if isinstance(i, QGraphicsSimpleTextItem)
        and i.data(0) in ("side-label", "figure-title")
        and i.isVisible()
    ]
    assert shown  # the title at least
    for n, a in enumerate(shown):
        assert not any(a.intersects(b) for b in shown[n + 1 :])
    if size[0] >= 1360:
        assert len(shown) == 3  # room for the patient's sides too
