"""Paths shared by tests (importable because tests/ is on sys.path)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_PATH = ROOT.parent / "shared" / "source" / "article.txt"
BUNDLED = ROOT / "content" / "sanaenomics"
DATA = Path(__file__).resolve().parent / "data"


def right_answer(question):  # noqa: ANN001, ANN201 - tests only
    """The response that answers ``question`` correctly, whatever its kind."""
    if question.kind in ("matching", "classify"):
        return dict(question.pairs)
    if question.kind in ("multi", "order"):
        return list(question.answers)
    return question.answer


def state_for(workspace):  # noqa: ANN001, ANN201 - tests only
    """The app state a page needs, for a workspace opened by a test (settings in its data folder)."""
    from ui.settings import app_settings
    from ui.state import AppState

    return AppState(workspace, app_settings(workspace.root))
