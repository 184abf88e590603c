"""Write a QTextDocument as an A4 PDF with Qt's own QPdfWriter (handout and trainer report)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ui.i18n import translate


def write_a4(document: QTextDocument, path: str | Path, title: str) -> Path:
    path = Path(path)
    with path.open("wb"):  # QPdfWriter fails silently on a bad path; this raises a readable OSError
        pass
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Briefing Quiz")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    # No explicit page size: print_() then lays the document out on the A4 page
    # at screen resolution and scales it, so point sizes come out as points.
    font = document.defaultFont()
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.print_(writer)
    del writer  # flushes and closes the file
    if path.stat().st_size == 0:
        raise OSError(translate("ui.pdf", "nothing could be written to {file}").format(file=path))
    return path
