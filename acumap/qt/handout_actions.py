"""File actions for the handout: new, open, save, autosave, print, preview, export PDF.

Dialogs live here and only here; the work behind each (`open_from`, `save_to`,
`export_pdf`, `paint`) takes a path or a device, so tests drive it without a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from acumap.core.compose import HandoutDoc, compose
from acumap.core.handout import Handout, HandoutFormatError
from acumap.core.handout_rules import (
    PRACTITIONER_ONLY,
    landmark_codes,
    landmark_message,
    plan_add,
    practitioner_reason,
)
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle
from acumap.loaders.handout_file import (
    SUFFIX,
    autosave_path,
    open_handout,
    save_handout,
    set_aside,
)
from acumap.qt.printing import export_pdf, locale_paper, render_on
from acumap.qt.screen import fitted_size

AUTOSAVE_DELAY_MS = 600
FILTER = f"acumap handout (*{SUFFIX})"


class HandoutActions(QObject):
    def __init__(self, state: ViewerState, bundle: Bundle, window: QWidget) -> None:
        super().__init__(window)
        self.state = state
        self.bundle = bundle
        self.window = window
        self.path: Path | None = None
        self.last_error = ""
        self.autosave_enabled = False  # only the real window autosaves, after restore()
        self.landmarks = landmark_codes(bundle.atlas)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.new_action = self._act("New handout", QKeySequence.StandardKey.New, self.new)
        self.open_action = self._act("Open handout…", QKeySequence.StandardKey.Open, self.open)
        self.save_action = self._act("Save handout", QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._act(
            "Save handout as…", QKeySequence.StandardKey.SaveAs, self.save_as
        )
        self.preview_action = self._act("Print preview…", "Ctrl+Alt+P", self.preview)
        self.print_action = self._act("Print…", QKeySequence.StandardKey.Print, self.print_)
        self.export_action = self._act("Export PDF…", "Ctrl+Shift+E", self.export)
        self.preview_action.setToolTip("Preview the handout pages (Ctrl+Alt+P)")
        self.export_action.setToolTip("Save the handout as a PDF (Ctrl+Shift+E)")
        state.handout_changed.connect(self._changed)
        state.add_requested.connect(self.confirm_add)
        self._changed()

    def _act(
        self,
        text: str,
        keys: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        act = QAction(text, self.window)
        act.setShortcut(QKeySequence(keys))
        act.setStatusTip(text.rstrip("…"))
        act.triggered.connect(lambda *_: slot())
        self.window.addAction(act)
        return act

    def actions(self) -> list[QAction | None]:
        """For the File menu; None is a separator."""
        return [
            self.new_action, self.open_action, self.save_action, self.save_as_action, None,
            self.preview_action, self.print_action, self.export_action,
        ]  # fmt: skip

    def _changed(self) -> None:
        has = bool(self.state.handout.items)
        for a in (self.preview_action, self.print_action, self.export_action):
            a.setEnabled(has)
        if self.autosave_enabled:
            self._timer.start()

    # -- adding points: the one place the handout rules meet the user --------------------------
    def confirm_add(self, codes: tuple[str, ...]) -> None:
        """Add what the user asked for: landmarks never, points not for self-care only after
        saying why and asking (they then print as practitioner only)."""
        atlas = self.bundle.atlas
        plan = plan_add(atlas, codes)
        if plan.landmarks:
            self._notice(landmark_message(atlas, plan.landmarks))
        self.state.add_to_handout(plan.self_care)
        if not plan.practitioner:
            return
        lines = "".join(
            f"<li><b>{p.code} {escape(p.pinyin)}</b>: {escape(practitioner_reason(p))}</li>"
            for p in (atlas.points[c] for c in plan.practitioner)
        )
        one = len(plan.practitioner) == 1
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Not for self-care",
            f"<p>{'This point is' if one else 'These points are'} not for pressing at home:</p>"
            f"<ul>{lines}</ul><p>Add {'it' if one else 'them'} anyway? On the handout "
            f"{'it' if one else 'each'} is marked <b>{PRACTITIONER_ONLY.lower()}</b>, with the "
            "reason and no home timing.</p>",
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setObjectName("confirm-practitioner-only")
        add = box.addButton("Add as practitioner only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Don't add", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(add)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wanted = plan.practitioner
        box.buttonClicked.connect(lambda b: self.state.add_to_handout(wanted) if b is add else None)
        box.open()  # window-modal, not blocking: nothing waits on the answer

    # -- autosave ----------------------------------------------------------------------------
    def flush(self) -> None:
        """Write the autosave now (also on quit); a failure is reported, never fatal."""
        self._timer.stop()
        if not self.autosave_enabled:
            return
        try:
            save_handout(autosave_path(), self.state.handout)
        except OSError as exc:
            self.last_error = f"autosave failed: {exc}"
            self._notice(self.last_error)

    def restore(self) -> None:
        """Bring back the autosaved handout; one that cannot be read is kept aside, never
        overwritten, and the user is told once where it is."""
        self.autosave_enabled = True
        path = autosave_path()
        if not path.exists():
            self.state.update_handout(paper=locale_paper())
            return
        try:
            self.state.set_handout(
                open_handout(path, set(self.bundle.atlas.points), self.landmarks)
            )
        except HandoutFormatError as exc:
            try:
                aside = set_aside(path)
                kept = f"It was kept as {aside} and a new handout was started."
            except OSError as err:
                self.autosave_enabled = False  # never overwrite what could not be moved
                kept = f"It could not be moved ({err.strerror or err}); autosave is off."
            self.last_error = f"The autosaved handout could not be restored: {exc}. {kept}"
            self.state.set_handout(Handout(paper=locale_paper()))
            self._error("Autosaved handout not restored", self.last_error)

    # -- files -------------------------------------------------------------------------------
    def new(self) -> None:
        self.path = None
        self.state.set_handout(Handout(paper=locale_paper()))  # a new recipient: not pregnant

    def open_from(self, path: Path) -> bool:
        """Open a saved handout; a bad file is refused with one line and changes nothing."""
        try:
            handout = open_handout(path, set(self.bundle.atlas.points), self.landmarks)
        except HandoutFormatError as exc:
            self.last_error = str(exc)
            self._error("Cannot open the handout", str(exc))
            return False
        self.path = Path(path)
        self.state.set_handout(handout)
        return True

    def save_to(self, path: Path) -> bool:
        try:
            save_handout(path, self.state.handout)
        except OSError as exc:
            self.last_error = str(exc)
            self._error("Cannot save the handout", self.last_error)
            return False
        self.path = Path(path)
        self._notice(f"Saved {Path(path).name}")
        return True

    def open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open handout", self._folder(), FILTER)
        if name:
            self.open_from(Path(name))

    def save(self) -> None:
        if self.path is None:
            self.save_as()
        else:
            self.save_to(self.path)

    def save_as(self) -> None:
        suggested = str(Path(self._folder()) / f"{self._stem()}{SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(self.window, "Save handout", suggested, FILTER)
        if name:
            if not name.endswith(SUFFIX):
                name += SUFFIX
            self.save_to(Path(name))

    # -- printing: one render path -----------------------------------------------------------
    def document(self) -> HandoutDoc:
        return compose(
            self.state.handout, self.bundle.atlas, self.bundle.positions_of,
            figures=self.bundle.manifest(),
        )  # fmt: skip

    def paint(self, printer: QPrinter) -> int:
        """What the preview dialog and the print dialog both call."""
        return render_on(printer, self.document(), self.bundle.figures)

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # a PDF made through the print dialog gets the handout's title, like an export
        printer.setDocName(self.document().title)
        printer.setCreator("acumap")
        return printer

    def preview(self) -> None:
        printer = self._printer()  # held here: the dialog only borrows it
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("Handout preview")
        dialog.paintRequested.connect(self.paint)
        bar = dialog.findChild(QToolBar)
        if bar is not None:  # the preview's own toolbar, so the PDF is one click away
            bar.addSeparator()
            export = bar.addAction("Export PDF…")
            export.setToolTip("Save this handout as a PDF")
            export.triggered.connect(self.export)
        dialog.resize(*fitted_size((900, 1000)))
        dialog.exec()

    def print_(self) -> None:
        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._busy(lambda: self.paint(printer))

    def export_pdf(self, path: Path) -> bool:
        """Write the PDF whole or not at all: a failure leaves any old PDF intact."""
        path = Path(path)
        try:
            self._busy(lambda: export_pdf(path, self.document(), self.bundle.figures))
        except OSError as exc:
            self.last_error = str(exc)
            self._error("Cannot export the PDF", self.last_error)
            return False
        self._notice(f"Exported {path.name}")
        return True

    def export(self) -> None:
        suggested = str(Path(self._folder()) / f"{self._stem()}.pdf")
        name, _ = QFileDialog.getSaveFileName(self.window, "Export PDF", suggested, "PDF (*.pdf)")
        if name:
            self.export_pdf(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    # -- helpers -----------------------------------------------------------------------------
    def _busy(self, work: Callable[[], object]) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _folder(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        loc = QStandardPaths.StandardLocation.DocumentsLocation
        return QStandardPaths.writableLocation(loc) or str(Path.home())

    def _stem(self) -> str:
        h = self.state.handout
        base = h.recipient or h.title or "handout"
        return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in base).strip()

    def _notice(self, message: str) -> None:
        """A passing message in the window's status bar (the window may have none in tests)."""
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(message, 8000)

    def _error(self, title: str, message: str) -> None:
        """Window-modal but not blocking (open(), not exec()), so nothing waits on it."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
