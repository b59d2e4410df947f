"""Build the bundled hanzi font (assets/fonts/NotoSansSC-acumap.ttf) from Noto Sans SC.

    python tools/make_font.py [SOURCE]   # rewrite the subset (make font)
    python tools/make_font.py --check    # exit 1 if the committed subset differs

Why a subset of our own: a pan-CJK font maps one glyph to both 谷 and the Kangxi radical ⾕
(U+2F15), and Qt's PDF ToUnicode table may name the radical, so a handout's text reads 合⾕.
The subset's cmap holds only the code points acumap uses (every CJK character in data/*.toml
plus UI_CHARS), so each glyph has one code point and copy/search give back what the data says.
It is Simplified Chinese (the data is), the Regular instance, TrueType outlines, and renamed
so Qt never swaps in a system Noto Sans SC (whose cmap would bring the radicals back).

SOURCE defaults to Noto Sans SC from the PyPI package justmytype-intl-cjk (Google Fonts'
NotoSansSC[wght].ttf; `make font` installs it). A TTC is searched for its SC face. The output
is byte-identical for the same source and fontTools: timestamps are the source's
(recalcTimestamp=False), never the clock.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
OUT_DIR = ROOT / "assets" / "fonts"
OUT = OUT_DIR / "NotoSansSC-acumap.ttf"
FAMILY = "Noto Sans SC acumap"
PS_NAME = "NotoSansSCacumap-Regular"
# What the UI writes in hanzi besides the data (acumap/qt/fonts.py SAMPLE), a little CJK
# punctuation, and spaces so a space inside a hanzi run does not switch fonts.
UI_CHARS = "合谷足三里，、。：；（）\u3000 "

# Ranges a hanzi or its punctuation lives in. The radical blocks (U+2E80-U+2EFF, U+2F00-
# U+2FDF) are deliberately not here: they are the look-alikes this font exists to keep out.
CJK_RANGES = (
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # fullwidth forms (，：（）)
    (0x20000, 0x3FFFF),  # extensions B and later
)
RADICALS = (0x2E80, 0x2FDF)
SOURCE_PACKAGE = "justmytype_intl_cjk"
SOURCE_IN_PACKAGE = Path("fonts/ofl/notosanssc/NotoSansSC[wght].ttf")


def is_cjk(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in CJK_RANGES)


def is_radical(ch: str) -> bool:
    return RADICALS[0] <= ord(ch) <= RADICALS[1]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def data_characters(data: Path = DATA) -> set[str]:
    """Every CJK character in any string of data/**/*.toml; a radical there is an error."""
    found: set[str] = set()
    for path in sorted(data.rglob("*.toml")):
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            radicals = {ch for ch in text if is_radical(ch)}
            if radicals:
                raise SystemExit(f"{path}: radical look-alike {sorted(radicals)} in {text!r}")
            found.update(ch for ch in text if is_cjk(ch))
    return found


def wanted_characters() -> set[str]:
    return data_characters() | set(UI_CHARS)


def default_source() -> Path | None:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / SOURCE_IN_PACKAGE
    return path if path.is_file() else None


def _open_sc(path: Path) -> TTFont:
    """The font, or in a TTC/OTC the first face whose name says SC (Simplified Chinese)."""
    with path.open("rb") as file:
        collection = file.read(4) == b"ttcf"
    if not collection:
        return TTFont(path, recalcTimestamp=False)
    for face in TTCollection(path, recalcTimestamp=False).fonts:
        if " SC" in (face["name"].getDebugName(1) or ""):
            return face
    raise SystemExit(f"{path}: no Simplified Chinese (SC) face in the collection")


def _rename(font: TTFont) -> None:
    """A family of its own, so Qt picks this subset and not a full system Noto Sans SC."""
    name = font["name"]
    # Windows names only (what Qt and fontconfig read); drop the typographic family (16, 17)
    name.names = [n for n in name.names if n.platformID == 3 and n.nameID < 16]
    version = font["head"].fontRevision
    for name_id, text in {
        1: FAMILY,
        2: "Regular",
        3: f"{version:.3f};acumap;{PS_NAME}",
        4: FAMILY,
        6: PS_NAME,
    }.items():
        name.setName(text, name_id, 3, 1, 0x409)


def build(source: Path, chars: set[str]) -> TTFont:
    font = _open_sc(source)
    if "glyf" not in font:
        # The committed file is a .ttf; Google Fonts' Noto Sans SC has TrueType outlines.
        raise SystemExit(f"{source}: CFF outlines; use NotoSansSC[wght].ttf (justmytype-intl-cjk)")
    cmap = font.getBestCmap()
    missing = sorted(ch for ch in chars if ord(ch) not in cmap)
    if missing:
        raise SystemExit(f"{source} lacks {''.join(missing)}")
    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14]  # keep the OFL notice (13, 14)
    options.drop_tables += ["STAT"]  # names a weight axis the static instance no longer has
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in chars))
    subsetter.subset(font)  # only our code points: the radicals' cmap entries are gone
    if "fvar" in font:  # a variable font: the Regular (wght 400) instance, static
        font = instancer.instantiateVariableFont(font, {"wght": 400})
        font.recalcTimestamp = False
    _rename(font)
    return font


def to_bytes(font: TTFont) -> bytes:
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="Noto Sans SC (.ttf/.ttc)")
    parser.add_argument("--check", action="store_true", help="compare with the committed font")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    source = args.source or default_source()
    if source is None:
        print("no source font: pip install justmytype-intl-cjk, or pass a path", file=sys.stderr)
        return 2
    data = to_bytes(build(source, wanted_characters()))
    if args.check:
        same = args.output.is_file() and args.output.read_bytes() == data
        print(f"{args.output}: {'up to date' if same else 'differs: run make font'}")
        return 0 if same else 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes, {len(wanted_characters())} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
