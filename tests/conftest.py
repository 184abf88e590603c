"""Shared fixtures. Every test runs headless and with its own data folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("nightly", max_examples=1500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content" / "sanaenomics"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder (and Qt's standard paths) at tmp_path."""
    data = tmp_path / "data"
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return data


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def pack_copy(tmp_path: Path):
    """Copy a pack directory so a test can break it without touching the original."""

    def make(source: Path = BUNDLED) -> Path:
        target = tmp_path / f"pack-{source.name}"
        shutil.copytree(source, target)
        return target

    return make


@pytest.fixture(scope="session")
def bundled_pack():
    from content.loader import load_pack

    return load_pack(BUNDLED)
