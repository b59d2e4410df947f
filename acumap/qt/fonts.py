"""Makes sure hanzi render: registers a bundled CJK font once, or says it has none."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)
SAMPLE = "合谷足三里"


def _bundled_font_path() -> str | None:
    try:
        import cvttf_NotoSansCJK_Regular as noto
    except ImportError:
        return None
    try:
        return str(noto.get_TTF_path())
    except FileNotFoundError:
        return None


@cache
def cjk_family() -> str | None:
    """The family to draw hanzi with, or None (then callers leave hanzi out, not boxes)."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if "CJK" in family or "Han" in family or "Hei" in family or "Ming" in family:
            return family
    path = _bundled_font_path()
    if path:
        font_id = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            return families[0]
    log.warning("no Chinese font found: hanzi will be left out (install fonts-noto-cjk)")
    return None


def hanzi_font(point_size: float) -> QFont | None:
    family = cjk_family()
    if family is None:
        return None
    font = QFont(family)
    font.setPointSizeF(point_size)
    return font
