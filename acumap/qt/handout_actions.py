"""File actions for the handout: new, open, save, autosave, print, preview, export PDF.

Dialogs live here and only here; the work behind each (`open_from`, `save_to`,
`export_pdf`, `paint`) takes a path or a device, so tests drive it without a dialog.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from acumap.core.compose import HandoutDoc, compose
from acumap.core.handout import Handout, HandoutFormatError
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle
from acumap.loaders.handout_file import SUFFIX, autosave_path, open_handout, save_handout
from acumap.qt.printing import locale_paper, render_on, write_pdf

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
        self._timer.start()

    # -- autosave ----------------------------------------------------------------------------
    def flush(self) -> None:
        """Write the autosave now (also on quit); a failure is reported, never fatal."""
        self._timer.stop()
        try:
            save_handout(autosave_path(), self.state.handout)
        except OSError as exc:
            self.last_error = f"autosave failed: {exc.strerror or exc}"

    def restore(self) -> None:
        path = autosave_path()
        if not path.exists():
            self.state.update_handout(paper=locale_paper())
            return
        try:
            self.state.set_handout(open_handout(path, set(self.bundle.atlas.points)))
        except HandoutFormatError as exc:
            self.last_error = f"autosaved handout not restored: {exc}"

    # -- files -------------------------------------------------------------------------------
    def new(self) -> None:
        self.path = None
        self.state.set_handout(Handout(paper=locale_paper(), pregnant=self.state.pregnant))

    def open_from(self, path: Path) -> bool:
        """Open a saved handout; a bad file is refused with one line and changes nothing."""
        try:
            handout = open_handout(path, set(self.bundle.atlas.points))
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
            self.last_error = f"{Path(path).name}: cannot save: {exc.strerror or exc}"
            self._error("Cannot save the handout", self.last_error)
            return False
        self.path = Path(path)
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
        return compose(self.state.handout, self.bundle.atlas, self.bundle.positions_of)

    def paint(self, printer: QPrinter) -> int:
        """What the preview dialog and the print dialog both call."""
        return render_on(printer, self.document(), self.bundle.figures)

    def preview(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("Handout preview")
        dialog.paintRequested.connect(self.paint)
        dialog.resize(900, 1000)
        dialog.exec()

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._busy(lambda: self.paint(printer))

    def export_pdf(self, path: Path) -> bool:
        """Write the PDF beside its target, then rename: a failure leaves any old PDF intact."""
        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pdf", dir=path.parent)
        os.close(fd)
        try:
            self._busy(lambda: write_pdf(Path(tmp), self.document(), self.bundle.figures))
            os.replace(tmp, path)
        except OSError as exc:
            self.last_error = f"{path.name}: cannot write: {exc.strerror or exc}"
            self._error("Cannot export the PDF", self.last_error)
            return False
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
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

    def _error(self, title: str, message: str) -> None:
        """Window-modal but not blocking (open(), not exec()), so nothing waits on it."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
