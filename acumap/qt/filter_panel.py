"""Search, meridian and complaint filters: they write to the state and follow it."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acumap.core.catalog import MAX_QUERY, Catalog
from acumap.core.state import ViewerState
from acumap.loaders.bundle import Bundle


def chip(color: str, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)


OFFER_MAX = 40  # characters: the longest point name or alias is shorter


class SearchBox(QLineEdit):
    """Completion over code, aliases, pinyin and English; Enter goes to the point."""

    def __init__(self, catalog: Catalog, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.setPlaceholderText("Search: LI4, Hegu, zu san li…")
        self.setClearButtonEnabled(True)
        self.setMaxLength(MAX_QUERY)  # no point has a longer name; a paste of more is cut
        self.setAccessibleName("Search points")
        self.setToolTip("Find a point by code, alias (LV3, SJ5, Du20), pinyin or English name")
        # the list under the box comes from the catalog as the user types, so old codes
        # (LV3, Du20), spaced or toned pinyin, hanzi and English names all find points
        self.completer_model = QStringListModel([], self)
        comp = QCompleter(self.completer_model, self)
        comp.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        comp.activated.connect(self._go)
        self.setCompleter(comp)
        self.textEdited.connect(self._offer)
        self.returnPressed.connect(lambda: self._go(self.text()))
        self.textEdited.connect(self._clear_miss)
        # under the box: what was not found, and the nearest points as buttons that go there
        self.miss = QWidget(parent)
        self.miss_text = QLabel(self.miss)
        self.miss_text.setWordWrap(True)
        self.miss_text.setAccessibleName("Search result")
        self.suggestions: list[QPushButton] = []
        lay = QVBoxLayout(self.miss)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.miss_text)
        self._buttons = QHBoxLayout()
        lay.addLayout(self._buttons)
        self.miss.hide()
        self._tip = self.toolTip()

    def _offer(self, text: str) -> None:
        if len(text) > OFFER_MAX:  # longer than any name: nothing to offer, and no work
            self.completer_model.setStringList([])
            return
        points = self.catalog.atlas.points
        labels = [self.catalog.label(points[c]) for c in self.catalog.candidates(text)]
        self.completer_model.setStringList(labels)
        if labels:
            self.completer().complete()

    def _go(self, text: str) -> None:
        query = text.split(" · ")[0] if " · " in text else text
        code = self.catalog.resolve(query)
        if code is None:
            found = self.catalog.search(query, limit=1)
            code = found[0] if found else self.catalog.fuzzy(query)
        if code is None:
            self._show_miss(text)
            return
        self._clear_miss()
        self.state.go_to(code)

    def _show_miss(self, text: str) -> None:
        shown = text if len(text) <= 40 else text[:40] + "…"
        near = self.catalog.suggest(text, 3)
        said = "Did you mean:" if near else "Try a code like LI4 or a name like Hegu."
        self.miss_text.setText(f"No point called '{shown}'. {said}")
        for b in self.suggestions:
            b.deleteLater()
        self.suggestions = []
        for code in near:
            b = QPushButton(code, self.miss)
            b.setToolTip(self.catalog.label(self.catalog.atlas.points[code]))
            b.clicked.connect(lambda _=False, c=code: self._pick(c))
            self._buttons.addWidget(b)
            self.suggestions.append(b)
        self.miss.show()
        self.setStyleSheet("QLineEdit { border: 1px solid #c62828; }")

    def _clear_miss(self, *_: object) -> None:
        if self.miss.isVisible():
            self.miss.hide()
            self.setStyleSheet("")
            self.setToolTip(self._tip)

    def _pick(self, code: str) -> None:
        self._clear_miss()
        self.state.go_to(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.state.clear_selection()
            return
        super().keyPressEvent(event)


class CheckList(QListWidget):
    """A list of checkable rows whose checked keys are read back as a set."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._syncing = False

    def add(self, key: str, text: str, icon: QIcon | None = None, tip: str = "") -> None:
        item = QListWidgetItem(text)
        if icon is not None:
            item.setIcon(icon)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setToolTip(tip or text)
        self.addItem(item)

    def add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: readable, not checkable
        self.addItem(item)

    def checked(self) -> set[str]:
        out = set()
        for i in range(self.count()):
            item = self.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key and item.checkState() == Qt.CheckState.Checked:
                out.add(str(key))
        return out

    def set_checked(self, keys: set[str]) -> None:
        self._syncing = True
        for i in range(self.count()):
            item = self.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key:
                want = Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked
                if item.checkState() != want:
                    item.setCheckState(want)
        self._syncing = False


class FilterPanel(QWidget):
    def __init__(self, bundle: Bundle, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        atlas = bundle.atlas
        self.search = SearchBox(Catalog(atlas), state, self)
        self.meridians = CheckList("Meridian filter", self)
        for m in atlas.meridians.values():
            n = sum(1 for p in atlas.points.values() if p.meridian == m.code)
            if n:
                tip = f"{m.pinyin} {m.hanzi}: tick to show only this channel and its pathway"
                self.meridians.add(m.code, f"{m.code}  {m.english} ({n})", chip(m.color), tip)
        self.conditions = CheckList("Complaint filter", self)
        groups: dict[str, list[str]] = {}
        for c in atlas.conditions.values():
            groups.setdefault(c.group, []).append(c.code)
        for group, codes in groups.items():
            self.conditions.add_heading(group)
            for code in codes:
                c = atlas.conditions[code]
                n = sum(1 for p in atlas.points.values() if code in p.conditions)
                self.conditions.add(code, f"  {c.label} ({n})", tip=c.description)
        all_btn = QPushButton("All meridians", self)
        all_btn.setToolTip("Untick every meridian: show the points of all channels")
        all_btn.clicked.connect(lambda: state.set_filters(meridians=()))
        one_btn = QPushButton("Clear complaints", self)
        one_btn.setToolTip("Show points for every complaint")
        one_btn.clicked.connect(lambda: state.set_filters(conditions=()))
        row = QHBoxLayout()
        row.addWidget(all_btn)
        row.addWidget(one_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.search.miss)
        layout.addWidget(QLabel("<b>Meridians</b> (one shows its pathway)"))
        layout.addWidget(self.meridians, 3)
        layout.addWidget(QLabel("<b>Complaints</b>"))
        layout.addWidget(self.conditions, 3)
        layout.addLayout(row)
        self.meridians.itemChanged.connect(self._changed)
        self.conditions.itemChanged.connect(self._changed)
        state.filters_changed.connect(self._follow)

    def _changed(self) -> None:
        if self.meridians._syncing or self.conditions._syncing:
            return
        self.state.set_filters(self.meridians.checked(), self.conditions.checked())

    def _follow(self) -> None:
        self.meridians.set_checked(set(self.state.meridians))
        self.conditions.set_checked(set(self.state.conditions))
