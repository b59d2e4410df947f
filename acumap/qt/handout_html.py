"""The text blocks of a handout as HTML: the header, the warning, the precautions, each point.

Qt lays them out (QTextDocument) in handout_render; what they say is decided in core.compose.
"""

from __future__ import annotations

from html import escape

from acumap.core.compose import Entry, HandoutDoc
from acumap.core.handout_rules import PRACTITIONER_ONLY

BODY_PX = 8.3  # body text size in points
MUTED = "#6b5a4e"
WARN = "#b71c1c"


def _hanzi(text: str, family: str | None) -> str:
    return f" <span style=\"font-family:'{family}'\">{escape(text)}</span>" if family else ""


def entry_html(e: Entry, hanzi_family: str | None) -> str:
    head = (
        f"<p style='font-size:{BODY_PX + 1.6:.0f}px'><b>{escape(e.code)} · {escape(e.pinyin)}"
        f"{_hanzi(e.hanzi, hanzi_family)}</b> · <i>{escape(e.english)}</i> "
        f"<span style='color:{MUTED}'>({escape(e.meridian)})</span></p>"
    )
    parts = [head]
    if e.pregnancy_flag:
        parts.append(
            f"<p style='color:{WARN}'><b>⚠ Traditionally cautioned in pregnancy — do not press "
            "while pregnant unless advised by a qualified practitioner.</b></p>"
        )
    if e.practitioner_only:
        parts.append(
            f"<p style='color:{WARN}'><b>⚠ {escape(PRACTITIONER_ONLY)}.</b> "
            f"{escape(e.practitioner_only)}</p>"
        )
    parts += [
        f"<p><b>Where:</b> {escape(e.where)}</p>",
        f"<p><b>How to find it:</b> {escape(e.how_to_find)}</p>",
        f"<p><b>How a practitioner treats it:</b> {escape(e.technique)}</p>"
        if e.practitioner_only
        else f"<p><b>How to press:</b> {escape(e.technique)}</p>",
    ]
    if e.duration:
        parts.append(f"<p><b>How long:</b> {escape(e.duration)}</p>")
    other = [c for c in e.cautions if not c.pregnancy]
    preg = [c for c in e.cautions if c.pregnancy]
    if preg and not e.pregnancy_flag:
        other = preg + other
    for c in other:
        parts.append(f"<p><b>Caution — {escape(c.label)}:</b> {escape(c.reason)}</p>")
    if e.note:
        parts.append(f"<p><b>Note from your practitioner:</b> {escape(e.note)}</p>")
    return "".join(parts)


def precautions_html(doc: HandoutDoc) -> str:
    items = "".join(f"<li>{escape(t)}</li>" for t in doc.precautions)
    return (
        f"<p style='font-size:{BODY_PX + 1:.0f}px'><b>Before you start</b></p>"
        f"<ul style='margin-left:-22px; -qt-list-indent:1'>{items}</ul>"
    )


def header_html(doc: HandoutDoc) -> str:
    lines = [f"<p style='font-size:18px'><b>{escape(doc.title)}</b></p>"]
    who = []
    if doc.recipient:
        who.append(f"For <b>{escape(doc.recipient)}</b>")
    if doc.practitioner:
        who.append(f"Prepared by {escape(doc.practitioner)}")
    who.append(escape(doc.date))
    lines.append(f"<p style='color:{MUTED}'>{' · '.join(who)}</p>")
    return "".join(lines)


def warning_html(doc: HandoutDoc) -> str:
    size = f"{BODY_PX + 1:.0f}px"
    text = escape(doc.pregnancy_warning)
    return f"<p style='color:{WARN}; font-size:{size}'><b>⚠ {text}</b></p>"
