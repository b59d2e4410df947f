"""The core, geometry and loaders work with PySide6 unimportable (the DESIGN's Qt-less run)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

BLOCK_QT_AND_LOAD = """
import sys
sys.modules["PySide6"] = None  # any import of PySide6 now raises ImportError
from acumap.loaders.bundle import load_bundle
from acumap.core.catalog import Catalog
from acumap.core.state import ViewerState
b = load_bundle()
c = Catalog(b.atlas)
s = ViewerState()
s.select(c.resolve("zu san li"))
print(s.selected, len(b.positions))
"""


def test_core_loads_and_queries_without_pyside6():
    out = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_LOAD], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    code, n = out.stdout.split()
    assert code == "ST36" and int(n) > 100


def test_headless_cli_does_not_import_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None; from acumap.cli import main; "
        "raise SystemExit(main(['check']))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("figures OK")


@pytest.mark.skipif(os.environ.get("ACUMAP_TEST_NO_QT") != "1", reason="the Qt-less run only")
def test_the_qt_less_run_really_cannot_import_pyside6() -> None:
    # `make test` runs the core, geometry and loaders tests a second time this way
    with pytest.raises(ImportError):
        import PySide6  # noqa: F401
