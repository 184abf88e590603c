"""The briefing as an A4 PDF handout, with its charts and every source cited.

Built with Qt's own QTextDocument + QPdfWriter: the HTML is assembled here
from pack data with every string escaped, and charts are embedded as images
rendered from the same chart widget the screen uses, with the same note under
them (figures left out, amounts of 0 on a log scale, a chart that failed).
Chart images are named ``chart:0``, ``chart:1``… and never by pack text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from content import briefing
from content.model import Pack
from ui.pdf import write_a4

CHART_WIDTH = 760


@dataclass(frozen=True)
class ChartImage:
    url: str  # "chart:<n>", the document resource holding the image
    image: QImage
    note: str  # what the chart does not show, as under the chart on screen


def chart_images(pack: Pack) -> dict[str, ChartImage]:
    """Render each chart the handout shows, offscreen (pyqtgraph lays a plot out only once it is shown)."""
    from ui.briefing.chart import FigureChart

    app = QApplication.instance()
    theme_before = app.property("briefing_theme") if app else None
    if app:
        app.setProperty("briefing_theme", "light")  # paper is white, whatever the screen theme
    images = {}
    for chart in (c for placed in briefing.placed_charts(pack).values() for c in placed):
        widget = FigureChart(chart)
        widget.resize(CHART_WIDTH, widget.minimumHeight())
        widget.show()
        widget.build()
        for _ in range(5):
            QApplication.processEvents()
        images[chart.key] = ChartImage(f"chart:{len(images)}", widget.render_image(), widget.note.text())
        widget.close()
        widget.deleteLater()
    if app:
        app.setProperty("briefing_theme", theme_before)
    return images


def _e(text: str) -> str:
    return html.escape(text)


def handout_html(pack: Pack, charts: dict[str, ChartImage]) -> str:
    """The handout as HTML; chart images are referenced by their ``url`` (``chart:<n>``)."""
    parts = [f"<h1>{_e(pack.meta.title)}</h1>"]
    if pack.meta.summary:
        parts.append(f"<p><i>{_e(pack.meta.summary)}</i></p>")
    parts.append(f"<p>Source: {_e(pack.meta.source_title)}</p>")
    attached = briefing.attachments(pack)
    placed = briefing.placed_charts(pack)
    for section in pack.sections:
        parts.append(f"<h2>{_e(section.title)}</h2>")
        parts += [f"<p>{_e(p)}</p>" for p in briefing.paragraphs(section.body)]
        if section.figures:
            rows = "".join(
                f"<tr><td><b>{_e(f.display)}</b></td><td>{_e(f.label)}</td><td>{_e(str(f.year or ''))}</td>"
                f"<td>{_e(pack.outlet(f.outlet).name if pack.outlet(f.outlet) else briefing.NO_OUTLET)}</td></tr>"
                for f in (pack.figure(i) for i in section.figures))
            parts.append("<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                         "<tr><th>Amount</th><th>What</th><th>Year</th><th>Reported by</th></tr>" + rows + "</table>")
            for a, b in briefing.disagreements(pack, section.figures):
                if a.id in section.figures and b.id in section.figures:
                    parts.append(f"<p><i>{_e(briefing.figure_note(pack, a, b))}</i></p>")
        for chart in placed[section.id]:  # titled: one group may give several charts (one per unit)
            if chart.key in charts:
                image = charts[chart.key]
                parts.append(f"<p><b>{_e(chart.heading)}</b></p><p><img src='{image.url}' width='640'></p>")
                if image.note:
                    parts.append(f"<p><i>{_e(image.note)}</i></p>")
        tables, lists = attached[section.id]
        for table in tables:
            head = "".join(f"<th>{_e(c)}</th>" for c in (table.row_header, *table.columns))
            body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in (r.label, *r.cells)) + "</tr>"
                           for r in table.rows)
            parts.append(f"<h3>{_e(table.title)}</h3><table border='1' cellspacing='0' cellpadding='4' "
                         f"width='100%'><tr>{head}</tr>{body}</table>")
        for named in lists:
            items = "".join(f"<li><b>{_e(i.name)}</b>: {_e(i.detail)}</li>" for i in named.items)
            parts.append(f"<h3>{_e(named.title)}</h3><ul>{items}</ul>")
    points = briefing.timeline(pack)
    if len(points) > 1:
        parts.append("<h2>Timeline</h2><ul>" + "".join(
            f"<li><b>{_e(p.when)}</b>: {_e(p.label)}</li>" for p in points) + "</ul>")
    if pack.terms:
        parts.append("<h2>Glossary</h2><dl>" + "".join(
            f"<dt><b>{_e(t.term)}</b></dt><dd>{_e(t.definition)}</dd>" for t in pack.terms) + "</dl>")
    parts.append("<h2>Sources</h2>")
    for entry in briefing.sources(pack):
        quotes = "".join(f"<li>{_e(f.display)} ({_e(f.label)}): “{_e(f.quote)}”</li>" for f in entry.figures)
        if entry.more:
            quotes += f"<li>… and {entry.more:,} more figures from {_e(entry.outlet)}</li>"
        parts.append(f"<p><b>{_e(entry.outlet)}</b></p><ul>{quotes}</ul>")
    return "\n".join(parts)


def write_pdf(pack: Pack, path: str | Path) -> Path:
    """Write the A4 handout; returns the path. Needs a QApplication (offscreen is fine)."""
    path = Path(path)
    images = chart_images(pack)
    document = QTextDocument()
    for chart in images.values():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(chart.url), chart.image)
    document.setHtml(handout_html(pack, images))
    return write_a4(document, path, pack.meta.title)
