"""Makes sure hanzi render: the bundled Noto Sans SC subset first, a system CJK font after.

The bundled font (assets/fonts, made by tools/make_font.py) is Simplified Chinese and holds
one code point per glyph, so PDFs copy as 合谷, not as the Kangxi radical look-alike 合⾕ a
pan-CJK font's ToUnicode can give. It holds only the characters acumap's data uses: any other
hanzi (a user's own note, say) is drawn by Qt's per-character font merging from whatever
system CJK font there is, and with none it shows as a box. A system family is the answer only
when the bundled file is missing or unreadable.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from acumap.loaders.resources import fonts_dir

log = logging.getLogger(__name__)
SAMPLE = "合谷足三里"
BUNDLED_FILE = "NotoSansSC-acumap.ttf"


def _bundled_family() -> str | None:
    try:
        path = fonts_dir() / BUNDLED_FILE
    except FileNotFoundError:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled font %s could not be loaded", path)
    return families[0] if families else None


def _system_family() -> str | None:
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if "CJK" in family or "Han" in family or "Hei" in family or "Ming" in family:
            return family
    return None


@cache
def cjk_family() -> str | None:
    """The family to draw hanzi with, or None (then callers leave hanzi out, not boxes)."""
    family = _bundled_family() or _system_family()
    if family is None:
        log.warning("no Chinese font found: hanzi will be left out (install fonts-noto-cjk)")
    return family


def hanzi_font(point_size: float) -> QFont | None:
    family = cjk_family()
    if family is None:
        return None
    font = QFont(family)
    font.setPointSizeF(point_size)
    return font
