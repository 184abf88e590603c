"""Light and dark themes: follow the system unless the user picks one.

Widgets use the Qt palette; pyqtgraph ignores it, so chart code asks
:func:`chart_colors` for the colours of the active theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class ChartColors:
    background: str
    foreground: str
    grid: str
    bars: tuple[str, ...]
    accent: str


LIGHT = ChartColors("#ffffff", "#1f2328", "#d0d7de", ("#2f6fdf", "#d9822b", "#2e9e6b", "#a24fc4", "#c23b3b"), "#2f6fdf")
DARK = ChartColors("#1e2126", "#e6edf3", "#3d444d", ("#6ea8fe", "#f0a35e", "#5fcf97", "#c98ce0", "#f07171"), "#6ea8fe")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> str:
    """``"light"`` or ``"dark"`` for a stored preference (``"system"`` follows the OS)."""
    if theme == "system":
        return "dark" if system_is_dark() else "light"
    return theme if theme in ("light", "dark") else "light"


def is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("briefing_theme") == "dark")


def chart_colors() -> ChartColors:
    return DARK if is_dark() else LIGHT


def apply(app: QApplication, theme: str) -> str:
    """Apply ``theme`` to the whole app; return the resolved ``light``/``dark``."""
    resolved = resolve(theme)
    app.setStyle("Fusion")
    app.setPalette(_palette(_DARK_COLOURS, _DARK_DISABLED) if resolved == "dark" else _palette(_LIGHT_COLOURS))
    app.setProperty("briefing_theme", resolved)
    app.setStyleSheet(_dark_indicators() if resolved == "dark" else "")
    return resolved


def _dark_indicators() -> str:
    """Fusion draws check boxes and radio buttons with an outline derived from the
    window colour, which all but vanishes on a dark window; draw them visibly."""
    tick = (Path(__file__).parent / "assets" / "check-light.svg").as_posix()
    return (
        "QCheckBox::indicator, QRadioButton::indicator { width: 14px; height: 14px;"
        " border: 1px solid #8b949e; background: #1e2126; }"
        " QCheckBox::indicator { border-radius: 3px; } QRadioButton::indicator { border-radius: 8px; }"
        f" QCheckBox::indicator:checked {{ background: #4c8dff; border-color: #4c8dff; image: url({tick}); }}"
        " QRadioButton::indicator:checked { background: qradialgradient(cx:0.5, cy:0.5, radius:0.5,"
        " fx:0.5, fy:0.5, stop:0 #e6edf3, stop:0.45 #e6edf3, stop:0.5 #4c8dff, stop:1 #4c8dff);"
        " border-color: #4c8dff; }"
        " QCheckBox::indicator:focus, QRadioButton::indicator:focus { border-color: #6ea8fe; }"
    )


_ROLES = ("Window", "WindowText", "Base", "AlternateBase", "Text", "Button", "ButtonText", "Highlight",
          "HighlightedText", "ToolTipBase", "ToolTipText", "PlaceholderText", "Link", "Mid")
# One colour per role above, in that order.
_LIGHT_COLOURS = ("#f6f8fa", "#1f2328", "#ffffff", "#f0f3f6", "#1f2328", "#eef1f4", "#1f2328", "#2f6fdf",
                  "#ffffff", "#ffffff", "#1f2328", "#6e7781", "#0a58ca", "#d0d7de")
_DARK_COLOURS = ("#16181d", "#e6edf3", "#1e2126", "#262a31", "#e6edf3", "#2a2f37", "#e6edf3", "#4c8dff",
                 "#ffffff", "#262a31", "#e6edf3", "#8b949e", "#6ea8fe", "#3d444d")
_DARK_DISABLED = "#6e7681"  # Fusion's default disabled text is unreadable on the dark window


def _palette(colours: tuple[str, ...], disabled: str | None = None) -> QPalette:
    palette = QPalette()
    for role, colour in zip(_ROLES, colours, strict=True):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    if disabled:
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette
