"""Guards against a Qt binding that would crash a long session (see pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter


def test_painting_does_not_eat_references_to_none(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call, so the
    app aborted ("deallocating None") after a few thousand paint calls."""
    img = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.setPen(QColor("#123456"))
        painter.drawEllipse(QPointF(8, 8), 3.0, 3.0)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 5
