"""The detail panel: how to find and press the selected point, cautions first when they matter."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from acumap.core.model import Atlas, Point
from acumap.core.state import ViewerState
from acumap.core.text import is_landmark, point_duration
from acumap.loaders.bundle import Bundle
from acumap.qt.fonts import cjk_family

EMPTY_HINT = (
    "<h3>Pick a point</h3>"
    "<p>Click a dot on the body, or type a name in the search box "
    "(<b>Ctrl+F</b>): a code like <i>LI4</i>, a name like <i>Hegu</i> or <i>Union Valley</i>.</p>"
    "<p>Use the filters on the left to show one meridian or one complaint. "
    "<b>F</b> and <b>B</b> switch between the front and the back of the body.</p>"
    "<p style='color:gray'>Acupressure complements medical care; it does not replace it.</p>"
)


def caution_html(atlas: Atlas, p: Point, pregnant: bool) -> tuple[str, str]:
    """(pregnancy block, other cautions block): the first leads the panel when pregnant."""
    preg, other = [], []
    for c in p.cautions:
        kind = atlas.cautions[c.code]
        reason = escape(c.reason or kind.reason)
        if kind.pregnancy:
            level = "avoid" if c.level == "avoid" else "use caution"
            preg.append(
                f"<p style='background:#fdecea;color:#8e1b1b;padding:6px;border:1px solid #c62828'>"
                f"<b>⚠ Pregnancy — {level}.</b> {reason}</p>"
            )
        else:
            other.append(f"<li><b>{escape(kind.label)}:</b> {reason}</li>")
    other_html = f"<h4>Cautions</h4><ul>{''.join(other)}</ul>" if other else ""
    preg_html = "".join(preg)
    if preg_html and not pregnant:
        other_html = preg_html + other_html
        preg_html = ""
    return preg_html, other_html


def where_shown(p: Point) -> str:
    """What the map cannot say itself: a point no figure shows, or one with several sites."""
    if p.no_position:
        return f"<p style='color:#555'><i>Not shown on the figures:</i> {escape(p.no_position)}</p>"
    sites = list(dict.fromkeys(pl.site for pl in p.place if pl.site))
    if len(sites) > 1:
        return "<p style='color:#555'><i>A point with several sites: the map marks each.</i></p>"
    return ""


def point_html(atlas: Atlas, p: Point, pregnant: bool, hanzi_family: str | None) -> str:
    m = atlas.meridians[p.meridian]
    hanzi = ""
    if hanzi_family:
        hanzi = f" <span style=\"font-family:'{hanzi_family}'\">{escape(p.hanzi)}</span>"
    chip = (
        f"<span style='background:{m.color};color:white'>&nbsp;{escape(m.code)}&nbsp;</span> "
        f"{escape(m.english)}"
    )
    preg, cautions = caution_html(atlas, p, pregnant)
    conditions = ", ".join(escape(atlas.conditions[c].label) for c in p.conditions)
    care = (
        "Suitable for self-care."
        if p.self_care
        else f"<b>Not for self-care:</b> {escape(p.self_care_reason)}"
    )
    tones = f" ({escape(p.pinyin_tones)})" if p.pinyin_tones and p.pinyin_tones != p.pinyin else ""
    parts = [
        f"<h2 style='margin-bottom:0'>{escape(p.code)} · {escape(p.pinyin)}{hanzi}</h2>",
        f"<p style='margin-top:2px'><i>{escape(p.english)}</i>{tones}<br>{chip}</p>",
        preg,
        f"<h4>Where</h4><p>{escape(p.location)}</p>",
        where_shown(p),
        f"<h4>How to find it</h4><p>{escape(p.how_to_find)}</p>",
        f"<h4>How to press</h4><p>{escape(p.technique)}</p>",
        f"<p><b>{escape(point_duration(p))}</b></p>",
        cautions,
        f"<h4>Traditionally used for</h4><p>{conditions}</p>",
        f"<p>{care}</p>",
    ]
    if p.notes:
        parts.append(f"<h4>Notes</h4><p>{escape(p.notes)}</p>")
    return "".join(parts)


class DetailPanel(QWidget):
    """Shows the selected point; 'Add to handout' goes through the state like everything else."""

    def __init__(self, bundle: Bundle, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = bundle.atlas
        self.state = state
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Point details")
        self.add_button = QPushButton("Add to handout", self)
        self.add_button.setToolTip(
            "Add this point to the handout (right-click a dot does the same)"
        )
        self.add_button.setAccessibleName("Add to handout")
        self.add_button.clicked.connect(self._add)
        self.basket = QLabel(self)
        self.basket.setAccessibleName("Points in handout")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.basket)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        state.selection_changed.connect(self.refresh)
        state.pregnancy_overlay_changed.connect(self.refresh)
        state.handout_changed.connect(self._update_basket)
        self.refresh()
        self._update_basket()

    def refresh(self, *_: object) -> None:
        code = self.state.selected
        if not code:
            self.browser.setHtml(EMPTY_HINT)
            self.add_button.setEnabled(False)
            return
        p = self.atlas.points[code]
        self.browser.setHtml(point_html(self.atlas, p, self.state.pregnancy_overlay, cjk_family()))
        self._update_basket()
        self.browser.verticalScrollBar().setValue(0)

    def text(self) -> str:
        return self.browser.toPlainText()

    def _add(self) -> None:
        code = self.state.selected
        if code and code in self.state.handout.codes():  # the button reads "Remove …"
            self.state.remove_from_handout(code)
        elif code:
            self.state.request_add([code])

    def _update_basket(self) -> None:
        n = len(self.state.handout.items)
        self.basket.setText(f"Handout: {n} point{'s' if n != 1 else ''}")
        code = self.state.selected
        landmark = bool(code) and is_landmark(self.atlas.points[code])
        chosen = bool(code) and code in self.state.handout.codes()
        self.add_button.setEnabled(bool(code) and not landmark)
        self.add_button.setText("Remove from handout" if chosen else "Add to handout")
        self.add_button.setAccessibleName(self.add_button.text())
        self.add_button.setToolTip(
            "A landmark for finding other points: not pressed, so not for a handout"
            if landmark
            else "Take this point off the handout"
            if chosen
            else "Add this point to the handout (right-click a dot does the same)"
        )
        self.basket.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
