"""Finds data/ and assets/ in a checkout or inside an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _packaged(name: str) -> Path | None:
    root = resources.files("acumap") / name
    if root.is_dir():
        return Path(str(root))
    return None


def _checkout(name: str) -> Path | None:
    candidate = Path(__file__).resolve().parents[2] / name
    return candidate if candidate.is_dir() else None


def data_dir() -> Path:
    """The acupoint data: the wheel's copy (acumap/_data) or the checkout's data/."""
    found = _packaged("_data") or _checkout("data")
    if found is None:
        raise FileNotFoundError("acumap data folder not found (neither acumap/_data nor data/)")
    return found


def _assets_dir() -> Path:
    assets = _packaged("_assets") or _checkout("assets")
    if assets is None:
        raise FileNotFoundError(
            "acumap assets folder not found (neither acumap/_assets nor assets/)"
        )
    return assets


def figures_dir() -> Path:
    """The body SVGs: the wheel's copy (acumap/_assets/body_svgs) or assets/body_svgs/."""
    return _assets_dir() / "body_svgs"


def fonts_dir() -> Path:
    """The bundled hanzi font: the wheel's copy (acumap/_assets/fonts) or assets/fonts/."""
    return _assets_dir() / "fonts"
