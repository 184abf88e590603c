"""Kill a child process with SIGKILL right before its N-th file-changing step.

The steps are counted from Python's audit events (``sys.addaudithook``):
opening a file for writing, renames, deletions, directory creation and
SQLite connections, on paths inside the data folder. The code under test
needs no hooks of its own, so the same test runs against any version of it,
and "every step" really is every step that Python takes on those files
(SQLite's own writes happen inside these steps).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests_support import ROOT

#: Installed in the child right before the action under test; ``KILL_AT`` 0 only records the steps.
HOOK = r"""
import json, os, signal, sys
_ROOT = os.path.realpath(sys.argv[1])
_KILL_AT = int(os.environ["KILL_AT"])
_STEPS = []
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

def _inside(value):
    text = os.fsdecode(value) if isinstance(value, (str, bytes, os.PathLike)) else ""
    return _ROOT in text or _ROOT in os.path.realpath(text.removeprefix("file://").split("?")[0] or ".")

def _hook(event, args):
    if event == "open":
        path, mode, flags = args
        if not _inside(path) or not ((mode and any(c in mode for c in "wax+")) or (flags or 0) & _WRITE):
            return
    elif event in ("os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.truncate", "shutil.copyfile",
                   "shutil.rmtree", "sqlite3.connect"):
        if not _inside(args[0]):
            return
    else:
        return
    _STEPS.append(f"{event} {os.path.basename(os.fsdecode(args[0]))}")
    if len(_STEPS) == _KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)

def steps_taken():
    return json.dumps(_STEPS)

sys.addaudithook(_hook)
"""


def run_child(script: str, data_dir: Path, *args: str, kill_at: int = 0,
              timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (which execs :data:`HOOK` where the action starts) with argv[1] = ``data_dir``."""
    env = {**os.environ, "KILL_AT": str(kill_at), "BRIEFING_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-c", script, str(data_dir), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def steps_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The steps an uninterrupted child reported on its last line of output."""
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def killed(result: subprocess.CompletedProcess[str]) -> bool:
    return result.returncode == -signal.SIGKILL
