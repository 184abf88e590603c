"""Before Qt starts on Linux: are the system libraries of its X11 (xcb) window plugin there?

When they are not, Qt aborts the process with "xcb-cursor0 or libxcb-cursor0
is needed to load the Qt xcb platform plugin", even when the libraries really
missing are others (libxcb-icccm4, libxcb-keysyms1…), and a new user is left
guessing. This module finds what is missing without loading Qt (``ldd`` on
the plugin, plus the one library Qt opens at run time) and says which Debian
/Ubuntu packages to install. It imports no Qt module, so it can run first.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Libraries Qt's xcb plugin needs, and the Debian/Ubuntu package of each.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: Opened by Qt at run time (not linked), so ``ldd`` cannot see it.
RUNTIME = ("libxcb-cursor.so.0",)
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """True when Qt will pick its X11 plugin: Linux, no other platform asked for, no Wayland session."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return not environ.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(plugin: Path | None = None, ldd_output: str | None = None) -> list[str]:
    """Shared libraries the xcb plugin cannot find (sonames, sorted, no duplicates)."""
    missing: set[str] = set()
    if ldd_output is None:
        plugin = plugin or xcb_plugin()
        ldd = shutil.which("ldd")
        if plugin is not None and ldd:
            try:
                ldd_output = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=10).stdout
            except (OSError, subprocess.SubprocessError):
                ldd_output = ""
    missing |= set(_NOT_FOUND.findall(ldd_output or ""))
    for soname in RUNTIME:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.add(soname)
    return sorted(missing)


def package_for(soname: str) -> str:
    """Debian package of a library: from the table, else its usual name (libfoo.so.1 → libfoo1)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    stem, _, version = soname.partition(".so.")
    return f"{stem.lower()}{'-' if stem[-1:].isdigit() else ''}{version.split('.')[0]}"


def advice(missing: list[str]) -> str:
    packages = sorted({package_for(s) for s in missing})
    return ("Briefing Quiz cannot open its window: Qt's X11 plugin needs system libraries that are not "
            f"installed ({', '.join(missing)}).\n\nOn Debian or Ubuntu, install them with:\n\n"
            f"    sudo apt-get install {' '.join(packages)}\n\n"
            "then run the app again. (README.md, \"System packages\", lists them for other systems.)")


def check() -> str | None:
    """The message to print instead of starting Qt, or None when the window can open."""
    if not uses_xcb():
        return None
    missing = missing_libraries()
    return advice(missing) if missing else None
