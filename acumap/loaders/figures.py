"""Reads body SVGs as untrusted input: bounded, self-contained, then measured by svgelements.

A figure may come from anywhere (a clinic's artwork, a download) and the Qt layer draws the
file as written, so before anything renders it the file must be
- a regular file of at most MAX_BYTES, XML without DTD or entities (defusedxml);
- at most MAX_ELEMENTS elements nested at most MAX_DEPTH deep, also counting what each <use>
  copies: nested <use>s of groups of <use>s (a "billion laughs" in SVG) cost gigabytes in
  any renderer, a <use> cycle never ends;
- closed: no <image>, no href but `#id`, no url() but `#id`, no @import, no xml-stylesheet,
  so a figure never pulls a local file into the window or a printed handout.
svgelements then reads a copy holding only what the geometry needs (the viewBox, the
silhouette, the landmarks and the groups around them), with every number and transform
checked, so artwork, CSS and inherited attributes never multiply its cost.
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, TreeBuilder, tostring

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from acumap.geometry.figure import Figure, FigureFormatError, parse_figure
from acumap.loaders.problems import Problem, UnreadableInput, read_input

VIEWS = ("front", "back")

# The shipped figures: under 180 KB, 270 elements, 3 deep, 22,000 outline tokens, 140 landmark
# elements, no transform; tests/test_hostile_figures.py checks they pass at a quarter of every
# limit. Just under every limit at once a figure costs about 2.5 s and 130 MB to measure.
MAX_BYTES = 8 * 1024 * 1024
MAX_ELEMENTS = 50_000  # also counting what <use> copies
MAX_DEPTH = 64
MAX_OUTLINE_TOKENS = 100_000  # numbers and commands in the silhouette's path data
MAX_LANDMARK_ELEMENTS = 2_000
MAX_TRANSFORM_CHARS = 500  # all transforms from the root down to one element

_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBERS = re.compile(_NUMBER)
_SEPARATORS = re.compile(r"[\s,]*")
_LENGTH = re.compile(rf"\s*({_NUMBER})(?:px)?\s*")
_TRANSFORM = re.compile(r"\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^()]*)\)\s*,?")
_ARITY = {"matrix": (6,), "translate": (1, 2), "scale": (1, 2), "rotate": (1, 3)}
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")


def _local(name: str) -> str:
    """`{http://www.w3.org/2000/svg}path` -> `path`."""
    return name.rsplit("}", 1)[-1]


class _Budget:
    """The parser's target: builds the tree, but stops at the first element over a limit."""

    def __init__(self) -> None:
        self.tree = TreeBuilder()
        self.lines: dict[Element, int] = {}
        self.count = self.depth = 0
        self.expat: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self.count += 1
        self.depth += 1
        line = self.expat.CurrentLineNumber
        if self.count > MAX_ELEMENTS:
            raise FigureFormatError("elements", f"more than {MAX_ELEMENTS:,} (line {line})")
        if self.depth > MAX_DEPTH:
            raise FigureFormatError("nesting", f"more than {MAX_DEPTH} deep (line {line})")
        el = self.tree.start(tag, attrs)
        self.lines[el] = line
        return el

    def end(self, tag: str) -> Element:
        self.depth -= 1
        return self.tree.end(tag)

    def data(self, text: str) -> None:
        self.tree.data(text)

    def pi(self, target: str, text: str) -> None:
        if target.strip().lower() == "xml-stylesheet":
            raise FigureFormatError("xml-stylesheet", "not allowed: a figure loads no other file")

    def close(self) -> Element:
        return self.tree.close()


def _parse(raw: bytes) -> tuple[Element, dict[Element, int]]:
    budget = _Budget()
    parser = SafeET.XMLParser(
        target=budget, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    budget.expat = parser.parser
    try:
        parser.feed(raw)
        root: Element = parser.close()
    except DefusedXmlException:
        raise FigureFormatError(
            "xml", "refused: the SVG declares a DTD or entities (not allowed in a figure)"
        ) from None
    except SafeET.ParseError as exc:
        raise FigureFormatError("xml", f"not well-formed XML: {exc}") from None
    return root, budget.lines


def _where(el: Element, lines: dict[Element, int]) -> str:
    ident = el.get("id")
    return ident if ident else f"<{_local(el.tag)}> line {lines.get(el, '?')}"


def _closed(root: Element, lines: dict[Element, int]) -> dict[str, list[Element]]:
    """Refuse whatever would load another file; return the elements by id."""
    ids: dict[str, list[Element]] = {}
    for el in root.iter():
        tag = _local(el.tag)
        if tag == "image":
            raise FigureFormatError(
                "image", "not allowed: a figure loads no other file", _where(el, lines)
            )
        for name, value in el.attrib.items():
            if _local(name) == "href" and not value.strip().startswith("#"):
                raise FigureFormatError(
                    "href",
                    f"{value!r} is not a reference inside the figure (#id)",
                    _where(el, lines),
                )
            _same_document_urls(value, el, lines)
        if tag == "style":
            text = el.text or ""
            if "@import" in text.lower():
                raise FigureFormatError(
                    "style",
                    "@import is not allowed: a figure loads no other file",
                    _where(el, lines),
                )
            _same_document_urls(text, el, lines)
        ident = el.get("id")
        if ident is not None:
            ids.setdefault(ident, []).append(el)
    return ids


def _same_document_urls(text: str, el: Element, lines: dict[Element, int]) -> None:
    if "url(" not in text.lower():
        return
    for target in _URL.findall(text):
        if not target.startswith("#"):
            raise FigureFormatError(
                "url",
                f"url({target}) is not a reference inside the figure (#id)",
                _where(el, lines),
            )


def _use_target(el: Element) -> str | None:
    if _local(el.tag) != "use":
        return None
    for name, value in el.attrib.items():  # SVG 2 `href` or SVG 1.1 `xlink:href`
        if _local(name) == "href":
            return value.strip()[1:]
    return None


def _check_expansion(
    root: Element, ids: dict[str, list[Element]], lines: dict[Element, int]
) -> None:
    """Walk the tree as a renderer draws it, each <use> replaced by its target, within budget.

    An explicit stack, so neither a deep nor a cyclic document recurses; the walk stops at the
    first element over a limit, so a <use> bomb costs no more than MAX_ELEMENTS steps.
    """
    count = 0
    on_path: set[Element] = set()
    refs: list[str] = []  # the #ids followed to reach the current element
    stack: list[tuple[Element, int, str, bool]] = [(root, 1, "", False)]
    while stack:
        el, depth, ref, leaving = stack.pop()
        if leaving:
            on_path.discard(el)
            if ref:
                refs.pop()
            continue
        count += 1
        if count > MAX_ELEMENTS:
            raise FigureFormatError(
                "use", f"more than {MAX_ELEMENTS:,} elements counting what <use> copies"
            )
        if depth > MAX_DEPTH:
            raise FigureFormatError(
                "use",
                f"more than {MAX_DEPTH} deep counting what <use> copies ({_where(el, lines)})",
            )
        on_path.add(el)
        if ref:
            refs.append(ref)
        stack.append((el, depth, ref, True))
        stack.extend((child, depth + 1, "", False) for child in reversed(el))
        target = _use_target(el)
        for copy in ids.get(target, []) if target else []:  # every candidate if ids repeat
            if copy in on_path:
                chain = " -> ".join([*refs, f"#{target}"])
                raise FigureFormatError("use", f"<use> cycle: {chain} ({_where(el, lines)})")
            stack.append((copy, depth + 1, f"#{target}", False))


def _numbers(text: str) -> list[float] | None:
    """`1, 2 -3e1` -> [1.0, 2.0, -30.0]; None unless it is only finite numbers and separators."""
    if not _SEPARATORS.fullmatch(_NUMBERS.sub(" ", text)):
        return None
    values = [float(n) for n in _NUMBERS.findall(text)]
    return values if all(math.isfinite(v) for v in values) else None


def _viewbox(root: Element) -> list[float]:
    raw = root.get("viewBox")
    if raw is None:
        raise FigureFormatError("viewBox", "the <svg> element has no viewBox")
    box = _numbers(raw)
    if box is None or len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        raise FigureFormatError(
            "viewBox", f"{raw!r} is not min-x, min-y, width, height (finite, width and height > 0)"
        )
    return box


def _transform(el: Element, chars: int, lines: dict[Element, int]) -> tuple[dict[str, str], int]:
    """The element's checked transform (as attributes for the copy) and the characters so far.

    svgelements hands each element the text of every transform above it: the total is capped.
    """
    raw = el.get("transform")
    if raw is None:
        return {}, chars
    chars += len(raw)
    if chars > MAX_TRANSFORM_CHARS:
        raise FigureFormatError(
            "transform", f"more than {MAX_TRANSFORM_CHARS:,} characters of transforms down to here",
            _where(el, lines),
        )  # fmt: skip
    pos = 0
    while pos < len(raw.rstrip()):
        m = _TRANSFORM.match(raw, pos)
        args = _numbers(m.group(2)) if m else None
        if m is None or args is None or len(args) not in _ARITY.get(m.group(1), (1,)):
            raise FigureFormatError(
                "transform", f"not a valid transform: {raw!r}", _where(el, lines)
            )
        pos = m.end()
    return {"transform": raw}, chars


def _length(el: Element, attr: str, name: str) -> str:
    raw = el.get(attr)
    m = _LENGTH.fullmatch(raw) if raw is not None else None
    if m is None or not math.isfinite(float(m.group(1))):
        raise FigureFormatError(attr, f"{raw!r} is not a finite number", name)
    return m.group(1)


def _one(ids: dict[str, list[Element]], ident: str, tag: str) -> Element:
    found = ids.get(ident, [])
    if len(found) > 1:
        raise FigureFormatError(ident, f"{len(found)} elements have id '{ident}'")
    if not found or (tag and _local(found[0].tag) != tag):
        raise FigureFormatError(ident, f"no <{tag or 'g'} id='{ident}'>")
    return found[0]


def _geometry_copy(
    root: Element, ids: dict[str, list[Element]], lines: dict[Element, int]
) -> bytes:
    """A small SVG with only what the geometry reads, each number and transform checked.

    Styles are left out, so nothing is display:none: the landmarks group is hidden on purpose
    and svgelements would skip it.
    """
    if _local(root.tag) != "svg":
        raise FigureFormatError("svg", f"the root element is <{_local(root.tag)}>, not <svg>")
    vx, vy, _, _ = _viewbox(root)
    sil, marks = _one(ids, "silhouette", "path"), _one(ids, "landmarks", "")
    if marks is root:
        raise FigureFormatError("landmarks", "no <g id='landmarks'> inside the <svg>")
    ns = root.tag[: -len(_local(root.tag))]
    parents = {child: parent for parent in root.iter() for child in parent}
    top = Element(root.tag, viewBox=root.get("viewBox", ""))
    # svgelements maps the viewBox to the origin; positions are in the SVG's user units
    user_units = SubElement(top, ns + "g", transform=f"translate({vx!r} {vy!r})")
    made: dict[Element, tuple[Element, int]] = {root: (user_units, 0)}

    def copy(el: Element, tag: str, attrs: dict[str, str]) -> Element:
        """Copy el under the copy of its parent, copying the groups above it first."""
        chain = [el]
        while parents[chain[-1]] not in made:
            chain.append(parents[chain[-1]])
        for anc in reversed(chain):
            above, chars = made[parents[anc]]
            kept, chars = _transform(anc, chars, lines)
            if anc is el:
                kept.update(attrs)
            elif _local(anc.tag) == "svg":  # a nested viewport keeps its placement
                kept.update({k: v for k, v in anc.attrib.items() if k in _VIEWPORT})
            made[anc] = (SubElement(above, ns + (tag if anc is el else _group(anc)), kept), chars)
        return made[el][0]

    d = sil.get("d", "")
    tokens, closing = _outline_cost(d)
    if tokens > MAX_OUTLINE_TOKENS:
        raise FigureFormatError(
            "silhouette", f"path data over {MAX_OUTLINE_TOKENS:,} numbers and commands"
        )
    if closing > MAX_OUTLINE_TOKENS:
        raise FigureFormatError("silhouette", "path data closes its outline again and again")
    copy(sil, "path", {"id": "silhouette", "d": d})
    copy(marks, "g", {"id": "landmarks"})
    seen: set[str] = set()
    stack = list(reversed(marks))
    count = 0
    while stack:
        el = stack.pop()
        count += 1
        if count > MAX_LANDMARK_ELEMENTS:
            raise FigureFormatError(
                "landmarks", f"more than {MAX_LANDMARK_ELEMENTS:,} elements in the group"
            )
        name = el.get("id", "")
        if _local(el.tag) == "circle" and name:
            if name in seen:
                raise FigureFormatError("landmarks", f"duplicate id '{name}'")
            seen.add(name)
            xyr = {a: _length(el, a, name) for a in ("cx", "cy", "r")}
            if float(xyr["r"]) <= 0:
                raise FigureFormatError("r", f"{xyr['r']!r} is not more than 0", name)
            copy(el, "circle", {"id": name, **xyr})
        elif _local(el.tag) == "polyline" and name:  # a curve landmark, measured along
            if name in seen:
                raise FigureFormatError("landmarks", f"duplicate id '{name}'")
            seen.add(name)
            raw = el.get("points", "")
            values = _numbers(raw) if len(raw) < 100_000 else None
            if values is None or len(values) < 4 or len(values) % 2:
                raise FigureFormatError("points", "needs pairs of finite numbers", name)
            copy(el, "polyline", {"id": name, "points": raw})
        elif len(el):
            stack.extend(reversed(el))
    return tostring(top)


def _outline_cost(d: str) -> tuple[int, int]:
    """Numbers and commands in path data, and the segments its Zs walk back over.

    svgelements walks back to the subpath's start for every Z, so `M0 0 L1 1 ZZZZ…` costs the
    square of its length. Both counts stop as soon as one is over the limit.
    """
    tokens = closing = since_move = 0
    for m in _PATH_TOKEN.finditer(d):
        token = m.group()
        tokens += 1
        since_move += 1
        if token in ("M", "m"):
            since_move = 0
        elif token in ("Z", "z"):
            closing += since_move
        if tokens > MAX_OUTLINE_TOKENS or closing > MAX_OUTLINE_TOKENS:
            break
    return tokens, closing


_VIEWPORT = ("x", "y", "width", "height", "viewBox", "preserveAspectRatio")


def _group(el: Element) -> str:
    return "svg" if _local(el.tag) == "svg" else "g"


def load_figure(path: Path, view: str) -> Figure:
    """Parse one figure; raise FigureFormatError(field, message) if it breaks the contract."""
    try:
        raw = read_input(path, MAX_BYTES)
    except UnreadableInput as exc:
        raise FigureFormatError("file", str(exc)) from None
    root, lines = _parse(raw)
    ids = _closed(root, lines)
    _check_expansion(root, ids, lines)
    fig = parse_figure(view, path.name, _geometry_copy(root, ids, lines))
    return dataclasses.replace(fig, svg_bytes=raw)  # Qt draws the file as written


def load_figures(folder: Path, problems: list[Problem]) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    for view in VIEWS:
        path = folder / f"{view}.svg"
        try:
            figures[view] = load_figure(path, view)
        except FigureFormatError as exc:
            problems.append(Problem(path.name, exc.item, exc.field, str(exc)))
    return figures
