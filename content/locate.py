"""Map a key path such as ``figures[2].outlet`` back to a line of the TOML file.

``tomllib`` returns plain dicts without positions, yet a pack author needs
line numbers to fix a problem quickly. Packs are written as arrays of tables
(``[[figures]]``), so a light scan of headers and ``key =`` lines is enough to
place every key the validator can complain about.
"""

from __future__ import annotations

import re

_KEY = re.compile(r'^\s*("?)([A-Za-z0-9_\-]+)\1\s*=')
_TRIPLE = re.compile(r'"""|\'\'\'')


def index_lines(text: str) -> dict[str, int]:
    """Return ``{key path: 1-based line}`` for headers and keys in ``text``."""
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    current = ""
    in_multiline = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if in_multiline:
            if len(_TRIPLE.findall(raw)) % 2 == 1:
                in_multiline = False
            continue
        if stripped.startswith("[["):
            current = _resolve(stripped[2 : stripped.find("]]")].strip(), counts, array=True)
            lines.setdefault(current, lineno)
        elif stripped.startswith("["):
            current = _resolve(stripped[1 : stripped.find("]")].strip(), counts, array=False)
            lines.setdefault(current, lineno)
        else:
            match = _KEY.match(raw)
            if match:
                path = f"{current}.{match.group(2)}" if current else match.group(2)
                lines.setdefault(path, lineno)
        if len(_TRIPLE.findall(raw)) % 2 == 1:
            in_multiline = True
    return lines


def _resolve(name: str, counts: dict[str, int], *, array: bool) -> str:
    """Turn ``tables.rows`` into ``tables[1].rows[3]`` using the counts so far."""
    parts = [p.strip().strip('"') for p in name.split(".")]
    path = ""
    for i, part in enumerate(parts):
        path = f"{path}.{part}" if path else part
        last = i == len(parts) - 1
        if last and not array:
            break
        if last:
            counts[path] = counts.get(path, 0) + 1
        if path in counts:
            path = f"{path}[{counts[path] - 1}]"
    return path


def line_of(lines: dict[str, int], key: str) -> int:
    """Best line for ``key``: the key itself, else its nearest enclosing entry."""
    probe = key
    while probe:
        if probe in lines:
            return lines[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return 0
