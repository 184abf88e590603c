"""Opening the stores does not import numpy (sqlite-utils would, only to map numpy scalar types)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests_support import ROOT

CODE = r"""
import json, sys
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
seen = {"numpy": "numpy" in sys.modules, "answers": ws.progress["answers"].count, "packs": ws.pack_ids()}
from sqlite_utils import recipes
seen["parsed"] = recipes.parsedate("2 January 2026")  # dateutil's parser, loaded on first use
import numpy
seen["numpy_later"] = int(numpy.int64(3))
ws.close()
print(json.dumps(seen))
"""


def test_the_stores_open_without_numpy_and_sqlite_utils_still_has_all_it_needs(tmp_path):
    result = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "data")], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"numpy": False, "answers": 0, "packs": ["sanaenomics"], "parsed": "2026-01-02",
                    "numpy_later": 3}
