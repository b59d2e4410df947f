"""A handout's text layer says the hanzi the page shows: 合谷, never the radical look-alike 合⾕.

The points are chosen for names with a character that has a Kangxi radical twin (谷 ⾕, 足 ⾜,
里 ⾥, 手 ⼿, 鼻 ⿐, 血 ⾎, 气 ⽓, 白 ⽩, 行 ⾏, 竹 ⽵): a pan-CJK font maps one glyph to both, and
Qt's ToUnicode table then may name the radical. The text is read without any normalisation.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from acumap.cli import main
from acumap.loaders.bundle import Bundle

CODES = ["LI4", "ST36", "PC6", "LI10", "ST35", "SP10", "CV6", "GB14", "LR2", "BL2"]
BUNDLED_FONT = "NotoSansSCacumap-Regular"  # tools/make_font.py PS_NAME


def is_radical(ch: str) -> bool:
    return 0x2E80 <= ord(ch) <= 0x2FDF  # CJK radicals supplement and Kangxi radicals


@pytest.fixture(scope="module")
def handout(tmp_path_factory: pytest.TempPathFactory, qapp) -> PdfReader:
    out = tmp_path_factory.mktemp("pdf") / "hanzi.pdf"
    assert main(["handout", *CODES, "-o", str(out)]) == 0
    return PdfReader(str(out))


def test_every_points_hanzi_is_in_the_text_as_written(handout: PdfReader, bundle: Bundle) -> None:
    text = "".join(page.extract_text() for page in handout.pages)
    names = {code: bundle.atlas.points[code].hanzi for code in CODES}
    missing = {code: hanzi for code, hanzi in names.items() if hanzi not in text}
    assert not missing, f"hanzi not in the PDF text: {missing}"
    # U+2F95 (KANGXI RADICAL VALLEY) is what 合谷 came out as; U+2F15 is in the range too.
    radicals = sorted({f"U+{ord(ch):04X}" for ch in text if is_radical(ch)})
    assert not radicals, f"radical look-alikes in the PDF text: {radicals}"


def test_the_hanzi_are_set_in_the_bundled_subset(handout: PdfReader) -> None:
    # This machine may have no CJK font at all; one that has must still not be used.
    fonts = {
        str(ref.get_object()["/BaseFont"]).lstrip("/")
        for page in handout.pages
        for ref in page["/Resources"]["/Font"].values()
    }
    assert any(name.split("+")[-1] == BUNDLED_FONT for name in fonts), fonts
    assert not [name for name in fonts if "CJK" in name or "NotoSansSC-" in name], fonts
