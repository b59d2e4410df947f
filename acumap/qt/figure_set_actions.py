"""File → Use figure set…: a clinic's own artwork, checked before it is remembered.

The chosen folder is loaded and checked exactly like `acumap check --figures DIR`; a folder
with problems is refused with its first lines and changes nothing. A good one is remembered
(QSettings) and used from the next start, when every scene is built from it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from acumap.loaders.bundle import load_bundle
from acumap.loaders.problems import LoadError

FIGURE_SET_KEY = "figures/folder"


class FigureSetActions:
    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.last_message = ""
        self.use_action = QAction("Use figure set…", window)
        self.use_action.setStatusTip(
            "Show the points on your own figures (a folder with figures.toml)"
        )
        self.use_action.triggered.connect(self.choose)
        self.bundled_action = QAction("Use the bundled figures", window)
        self.bundled_action.triggered.connect(self.use_bundled)

    def actions(self) -> list[QAction]:
        return [self.use_action, self.bundled_action]

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Use figure set")
        if folder:
            self.use(Path(folder))

    def use(self, folder: Path) -> bool:
        """Check a figure set and remember it for the next start; False (and a message) if
        it cannot be used."""
        try:
            bundle = load_bundle(figures=folder)
        except LoadError as exc:
            lines = [str(p) for p in exc.problems[:8]]
            more = len(exc.problems) - len(lines)
            if more > 0:
                lines.append(f"… and {more} more")
            self._tell("Cannot use this figure set", "\n".join(lines), QMessageBox.Icon.Warning)
            return False
        QSettings().setValue(FIGURE_SET_KEY, str(folder))
        n = len(bundle.figures)
        self._tell(
            "Figure set checked",
            f"{folder} has {n} figures and every point is placed on them. acumap uses it "
            "from the next start.",
            QMessageBox.Icon.Information,
        )
        return True

    def use_bundled(self) -> None:
        QSettings().remove(FIGURE_SET_KEY)
        self._tell(
            "Bundled figures",
            "acumap uses its own figures from the next start.",
            QMessageBox.Icon.Information,
        )

    def _tell(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        self.last_message = text
        box = QMessageBox(icon, title, text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
