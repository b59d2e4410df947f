"""Fixtures for every test: nothing reads or writes the user's real config, data or cache.

The session starts with HOME and every XDG / acumap folder pointed into a temporary folder
(subprocesses inherit it), and each test then gets folders of its own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

# The Qt-less run (`make test` runs the core, geometry and loaders tests this way too): with
# PySide6 and its binding unimportable, any code under test that reaches for Qt fails loudly.
if os.environ.get("ACUMAP_TEST_NO_QT") == "1":
    sys.modules["PySide6"] = None  # type: ignore[assignment]
    sys.modules["shiboken6"] = None  # type: ignore[assignment]

_FOLDERS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "ACUMAP_DATA_HOME": "acumap-data",
    "ACUMAP_CACHE_HOME": "acumap-cache",
}


def _point_at(root: Path, setenv) -> None:  # type: ignore[no-untyped-def]
    for var, name in _FOLDERS.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        setenv(var, str(folder))


_SHARED_CACHE: list[str] = []  # this test process's cache folder (see below)


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is imported (and before Qt reads its settings path)."""
    root = Path(tempfile.mkdtemp(prefix="acumap-tests-"))
    _point_at(root, os.environ.__setitem__)
    _SHARED_CACHE.append(os.environ["ACUMAP_CACHE_HOME"])


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    root = tmp_path_factory.mktemp("user")  # beside tmp_path, so a test's folder stays empty
    _point_at(root, monkeypatch.setenv)
    # the cache is keyed by every byte it depends on, so tests share one (still not the
    # user's): a cold load per test process, not per test; a test about the cache itself
    # asks for `isolated_cache`
    monkeypatch.setenv("ACUMAP_CACHE_HOME", _SHARED_CACHE[0])
    return root


@pytest.fixture
def isolated_cache(isolated_user_folders: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = isolated_user_folders / "acumap-cache"
    monkeypatch.setenv("ACUMAP_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def bundle():  # type: ignore[no-untyped-def]
    """The real atlas on the real figures, loaded once per test process (read-only)."""
    from acumap.loaders.bundle import load_bundle

    return load_bundle()
