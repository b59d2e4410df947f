"""The handout as a client receives it (PDF text) and as a practitioner builds it (the panel)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QToolBar

from acumap.cli import main
from acumap.core.handout import Handout, HandoutItem
from acumap.core.state import ViewerState
from acumap.loaders.handout_file import autosave_path, save_handout
from acumap.qt.main_window import MainWindow

THREE = ["LI4", "ST36", "PC6"]
FORTY = [
    *[f"ST{n}" for n in range(25, 45)],
    *[f"PC{n}" for n in range(1, 10)],
    *[f"CV{n}" for n in (*range(2, 8), *range(9, 14))],  # CV8, the navel, is a landmark
]


def shown_message(title: str) -> str | None:
    """The text of the warning box on screen (closed after reading), if one is shown."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == title:
            text = f"{w.text()} {w.informativeText()}"
            w.close()
            return text
    return None


def pdf_text(path: Path) -> tuple[int, str]:
    """The PDF's text as a reader copies it."""
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), text


def flat(text: str) -> str:
    return " ".join(text.split())


def run_handout(tmp_path: Path, *args: str) -> tuple[int, Path]:
    out = tmp_path / "handout.pdf"
    status = main(["handout", *args, "-o", str(out)])
    return status, out


def test_three_points_make_one_page_with_everything_a_client_needs(tmp_path, bundle, qapp):
    status, out = run_handout(tmp_path, *THREE, "--for", "Ana Lima", "--by", "Lotus Clinic")
    assert status == 0
    pages, text = pdf_text(out)
    assert pages == 1
    body = flat(text)
    for code in THREE:
        p = bundle.atlas.points[code]
        assert code in body and p.pinyin in body
        assert p.hanzi in text.replace(" ", "").replace("\n", "")
    assert "Press" in body and "minute" in body
    assert "does not replace" in body and "varicose veins" in body
    assert "Ana Lima" in body and "Lotus Clinic" in body
    assert "Page 1 of 1" in body
    assert "cautioned in pregnancy" not in body.replace("Traditionally cautioned in pregnancy:", "")


def test_pregnant_recipient_gets_a_warning_naming_li4(tmp_path, qapp):
    status, out = run_handout(tmp_path, *THREE, "--pregnant")
    assert status == 0
    body = flat(pdf_text(out)[1])
    assert "Pregnancy: LI4 (Hegu) is traditionally cautioned in pregnancy" in body
    assert "PC6 (Neiguan) is" not in body


def test_forty_points_flow_onto_more_pages(tmp_path, qapp):
    status, out = run_handout(tmp_path, *FORTY, "--paper", "letter")
    assert status == 0
    pages, text = pdf_text(out)
    assert pages >= 2
    body = flat(text)
    assert f"Page {pages} of {pages}" in body
    for code in FORTY:
        assert f"{code} · " in body or f"{code} ·" in body


def test_unknown_code_exits_2_and_writes_nothing(tmp_path, capsys, qapp):
    status, out = run_handout(tmp_path, "LI4", "XX99")
    assert status == 2
    assert "unknown point 'XX99'" in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_from_a_saved_handout(tmp_path, qapp):
    saved = tmp_path / "ana.acumap.json"
    save_handout(
        saved,
        Handout(title="Evening routine", items=(HandoutItem(code="HT7", note="before bed"),)),
    )
    status, out = run_handout(tmp_path, "--from", str(saved))
    assert status == 0
    body = flat(pdf_text(out)[1])
    assert "Evening routine" in body and "Shenmen" in body and "before bed" in body


# -- in the window ------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, bundle):
    state = ViewerState({c: bundle.views_of(c) for c in bundle.atlas.points})
    win = MainWindow(bundle, state, QSettings())
    qtbot.addWidget(win)
    win.restore()  # as the real window does: turns autosave on
    with qtbot.waitExposed(win):
        win.show()
    return win


def test_add_from_the_detail_panel(qtbot, window):
    window.state.select("ST36")
    qtbot.mouseClick(window.details.add_button, Qt.MouseButton.LeftButton)
    assert window.state.handout.codes() == ["ST36"]
    assert window.details.add_button.text() == "Remove from handout"
    assert window.handout_panel.list.count() == 1
    assert "ST36" in window.handout_panel.list.item(0).text()
    qtbot.mouseClick(window.details.add_button, Qt.MouseButton.LeftButton)  # and off again
    assert window.state.handout.codes() == []
    assert window.details.add_button.text() == "Add to handout"
    assert window.handout_panel.list.count() == 0


def test_panel_reorders_removes_and_keeps_notes(qtbot, window):
    window.state.add_to_handout(["ST36", "LI4", "PC6"])
    panel = window.handout_panel
    panel.list.setCurrentRow(2)
    qtbot.mouseClick(panel.up_btn, Qt.MouseButton.LeftButton)
    assert window.state.handout.codes() == ["ST36", "PC6", "LI4"]
    qtbot.mouseClick(panel.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.note, "on the way to work")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert window.state.handout.items[1].note == "on the way to work"
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_btn, Qt.MouseButton.LeftButton)
    assert window.state.handout.codes() == ["PC6", "LI4"]


def test_add_all_shown_takes_the_filtered_points(qtbot, window):
    window.state.set_filters(["PC"], [])
    qtbot.mouseClick(window.handout_panel.add_visible_btn, Qt.MouseButton.LeftButton)
    assert window.state.handout.codes() == [f"PC{n}" for n in range(1, 10)]


def test_the_map_pregnancy_switch_never_changes_the_recipients_status(qtbot, window):
    panel = window.handout_panel
    window.handout_dock.raise_()  # the user opens the Handout tab
    box = QPoint(8, panel.pregnant.height() // 2)  # on the tick box, not the empty row
    qtbot.mouseClick(panel.pregnant, Qt.MouseButton.LeftButton, pos=box)
    assert window.state.handout.pregnant
    assert "Recipient pregnant" in panel.recipient_status.text()
    window.pregnant_action.trigger()  # overlay on
    window.pregnant_action.trigger()  # and off again
    assert window.state.handout.pregnant and panel.pregnant.isChecked()
    window.pregnant_action.trigger()  # overlay on: a new handout is still for someone new
    window.handout_actions.new_action.trigger()
    assert not window.state.handout.pregnant and not panel.pregnant.isChecked()
    assert "not marked pregnant" in panel.recipient_status.text()


def test_print_and_export_give_the_same_handout_with_its_title(tmp_path, window):
    window.state.add_to_handout(["ST36", "LI4"])
    window.state.update_handout(title="Neck and shoulders")
    actions = window.handout_actions
    assert actions.export_pdf(tmp_path / "x.pdf")
    printer = actions._printer()  # what the print and preview dialogs are given
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert actions.paint(printer) == 1  # what both dialogs call to draw
    exported, printed = tmp_path / "x.pdf", tmp_path / "printed.pdf"
    assert pdf_text(printed)[0] == pdf_text(exported)[0] == 1
    assert flat(pdf_text(printed)[1]) == flat(pdf_text(exported)[1])
    for pdf in (exported, printed):
        assert PdfReader(str(pdf)).metadata.title == "Neck and shoulders"


def test_the_preview_fits_the_screen_and_offers_export(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication

    window.state.add_to_handout(["ST36"])
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QPrintPreviewDialog) and w.isVisible())  # fmt: skip
        free = dialog.screen().availableGeometry()
        seen["fits"] = dialog.width() <= free.width() and dialog.height() <= free.height()
        seen["actions"] = [a.text() for a in dialog.findChild(QToolBar).actions()]
        dialog.reject()

    QTimer.singleShot(0, look)
    window.handout_actions.preview()
    assert seen["fits"] is True
    assert "Export PDF…" in seen["actions"]


def test_save_open_and_a_corrupt_file_changes_nothing(tmp_path, window):
    actions = window.handout_actions
    window.state.add_to_handout(["HT7"])
    window.state.update_handout(recipient="Ana")
    path = tmp_path / "ana.acumap.json"
    assert actions.save_to(path)
    window.state.update_handout(items=())
    assert actions.open_from(path)
    assert window.state.handout.codes() == ["HT7"]
    bad = tmp_path / "bad.acumap.json"
    bad.write_text('{"format": "acumap-handout", "version": 7}')
    assert not actions.open_from(bad)
    said = shown_message("Cannot open the handout")
    assert said is not None and "newer acumap" in said  # what the user reads
    assert window.state.handout.codes() == ["HT7"]


def test_autosave_brings_the_handout_back_after_a_restart(qtbot, bundle, window):
    window.state.add_to_handout(["ST36", "PC6"])
    window.close()
    assert autosave_path().exists()
    state = ViewerState({c: bundle.views_of(c) for c in bundle.atlas.points})
    again = MainWindow(bundle, state, QSettings())
    qtbot.addWidget(again)
    again.restore()
    assert state.handout.codes() == ["ST36", "PC6"]


def test_own_timing_sets_seconds_repetitions_and_times_a_day(qtbot, window):
    window.state.add_to_handout(["ST36", "LI4"])
    window.handout_dock.raise_()  # the user opens the Handout tab
    panel = window.handout_panel
    row = panel.list.visualItemRect(panel.list.item(0)).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert panel.item_box.title().startswith("ST36")
    qtbot.mouseClick(panel.own_time, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    for box, text in ((panel.sec_max, "90"), (panel.reps, "2"), (panel.per_day, "4")):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), text)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    d = window.state.handout.items[0].duration
    assert d is not None and (d.seconds_max, d.repetitions, d.per_day) == (90, 2, 4)
    for _ in range(2):  # take both points off: the box no longer names one
        qtbot.mouseClick(panel.remove_btn, Qt.MouseButton.LeftButton)
    assert window.state.handout.codes() == []
    assert panel.item_box.title() == "Selected point" and not panel.item_box.isEnabled()


def test_letters_typed_in_the_handout_fields_stay_there(qtbot, window):
    window.state.add_to_handout(["ST36"])
    window.handout_dock.raise_()
    panel = window.handout_panel
    view = window.state.view
    qtbot.mouseClick(panel.recipient, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.recipient, "bob")
    qtbot.keyClick(panel.recipient, Qt.Key.Key_Tab)
    row = panel.list.visualItemRect(panel.list.item(0)).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.mouseClick(panel.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.note, "feet first, breathe")  # F and B are figure shortcuts
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert window.state.view == view  # no figure switched under the typing
    assert window.state.handout.recipient == "bob"
    assert window.state.handout.items[0].note == "feet first, breathe"
