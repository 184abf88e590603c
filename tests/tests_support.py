"""Paths shared by tests (importable because tests/ is on sys.path)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_PATH = ROOT.parent / "shared" / "source" / "article.txt"
BUNDLED = ROOT / "content" / "sanaenomics"
DATA = Path(__file__).resolve().parent / "data"
