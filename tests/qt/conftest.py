"""Qt test fixtures: settings and user data in tmp (the real bundle is tests/conftest.py's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's real preferences or autosaved handout."""
    settings_dir = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setenv("ACUMAP_DATA_HOME", str(tmp_path / "userdata"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return settings_dir


@pytest.fixture(autouse=True, scope="session")
def _app_identity(qapp):  # QSettings() needs an organisation and application name
    qapp.setOrganizationName("acumap-tests")
    qapp.setApplicationName("acumap-tests")
    return qapp
