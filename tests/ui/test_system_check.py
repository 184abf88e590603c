"""A missing X11 library is named with the apt line that installs it, before Qt can abort."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests_support import ROOT
from ui import system_check

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfoo-bar2.so.7 => not found
"""


def test_missing_libraries_become_an_apt_line(monkeypatch):
    monkeypatch.setattr(system_check, "RUNTIME", ())
    missing = system_check.missing_libraries(ldd_output=LDD)
    assert missing == ["libfoo-bar2.so.7", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    text = system_check.advice(missing)
    assert "sudo apt-get install libfoo-bar2-7 libxcb-icccm4 libxcb-keysyms1" in text
    assert "xcb-cursor" not in text  # Qt's own message would have blamed this one


def test_only_an_x11_start_is_checked():
    assert system_check.uses_xcb({"DISPLAY": ":0"}) == sys.platform.startswith("linux")
    assert not system_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not system_check.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists on Linux only")
def test_the_app_prints_the_apt_line_instead_of_a_qt_abort(data_dir):
    missing = system_check.missing_libraries()
    if not missing:
        pytest.skip("every library of Qt's xcb plugin is installed on this machine, so there is nothing to report")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":99"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "sudo apt-get install" in result.stderr and missing[0] in result.stderr
    assert "Aborted" not in result.stderr and "could not load the Qt platform plugin" not in result.stderr
    assert not data_dir.exists()  # nothing was opened or created
