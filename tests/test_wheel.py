"""The installed wheel carries data/ and assets/ and finds them outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import acumap, sys
from acumap.loaders.resources import data_dir, figures_dir
from acumap.cli import main
print(acumap.__file__)
print(data_dir())
print(figures_dir())
sys.exit(main(["check"]))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: the build backend comes from the test extras, no download at test time
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (found,) = out.glob("acumap-*.whl")
    return found


def test_the_wheel_carries_the_data_and_the_figures(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "acumap/_data/points/ST.toml" in names
    assert "acumap/_data/segments.toml" in names
    assert "acumap/_assets/body_svgs/front.svg" in names
    assert "acumap/_assets/body_svgs/back.svg" in names


def test_the_installed_package_finds_its_data_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    module, data, figures, verdict = out.stdout.strip().splitlines()
    for path in (module, data, figures):
        assert Path(path).is_relative_to(site), path
    assert verdict.endswith("on 13 figures OK")
