"""Reads body SVGs safely: no DTD, no entities, then svgelements via geometry.figure."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from xml.etree.ElementTree import Element, tostring

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from acumap.geometry.figure import Figure, FigureFormatError, parse_figure
from acumap.loaders.problems import Problem

VIEWS = ("front", "back")


def _unhide_landmarks(root: Element) -> bytes:
    """svgelements drops display:none elements; the landmarks group is hidden on purpose."""
    for el in root.iter():
        if el.get("id") == "landmarks":
            el.attrib.pop("style", None)
            el.attrib.pop("display", None)
            el.attrib.pop("visibility", None)
    return tostring(root)


def load_figure(path: Path, view: str) -> Figure:
    """Parse one figure; raise FigureFormatError(field, message) if it breaks the contract."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FigureFormatError("file", f"cannot read: {exc.strerror or exc}") from None
    try:
        root = SafeET.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FigureFormatError(
            "xml", "refused: the SVG declares a DTD or entities (not allowed in a figure)"
        ) from None
    except SafeET.ParseError as exc:
        raise FigureFormatError("xml", f"not well-formed XML: {exc}") from None
    fig = parse_figure(view, path.name, _unhide_landmarks(root))
    return dataclasses.replace(fig, svg_bytes=raw)  # Qt draws the file as written


def load_figures(folder: Path, problems: list[Problem]) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    for view in VIEWS:
        path = folder / f"{view}.svg"
        try:
            figures[view] = load_figure(path, view)
        except FigureFormatError as exc:
            problems.append(Problem(path.name, "", exc.field, str(exc)))
    return figures
