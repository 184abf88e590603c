"""The trainer report as an A4 PDF: learners' scores, item facility and discrimination, weakest topics.

Numbers come from :mod:`quiz.report`; this module only lays them out (Qt's
QTextDocument + QPdfWriter) with one chart of facility per topic.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from quiz.report import Report
from ui.pdf import write_a4


def _chart(report: Report):  # noqa: ANN202 - returns a QImage
    from ui.progress.charts import BarChart, Series

    app = QApplication.instance()
    before = app.property("briefing_theme") if app else None
    if app:
        app.setProperty("briefing_theme", "light")
    chart = BarChart("Facility by topic (share right on first try)", horizontal=True, y_max=100, value_label="%")
    chart.resize(720, 120 + 40 * len(report.topics))
    chart.show()
    chart.set_series([t for t, _ in report.topics], [Series("Facility", [100 * f for _, f in report.topics],
                                                            [f"{t}: {f:.0%}" for t, f in report.topics])])
    for _ in range(5):
        QApplication.processEvents()
    image = chart.plot.grab().toImage()
    chart.close()
    chart.deleteLater()
    if app:
        app.setProperty("briefing_theme", before)
    return image


def report_html(report: Report) -> str:
    e = html.escape
    parts = ["<h1>Trainer report</h1>",
             f"<p>{len(report.learners)} learners, {len(report.items)} questions answered. Scores and facility "
             "count each learner's first attempt at each question.</p>", "<h2>Learners</h2>",
             "<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr><th>Learner</th><th>File</th>"
             "<th>Questions</th><th>Score</th></tr>"]
    for learner in sorted(report.learners, key=lambda x: -x.score):
        parts.append(f"<tr><td>{e(learner.name)}</td><td>{e(Path(learner.source).name)}</td>"
                     f"<td>{len(learner.first_attempts)}</td><td>{learner.score:.0%}</td></tr>")
    parts.append("</table><h2>Weakest topics</h2><p><img src='chart:topics' width='600'></p><ol>")
    parts += [f"<li>{e(topic)}: {facility:.0%}</li>" for topic, facility in report.topics]
    parts.append("</ol><h2>Questions (hardest first)</h2><table border='1' cellspacing='0' cellpadding='4' "
                 "width='100%'><tr><th>Question</th><th>Topic</th><th>Learners</th><th>Facility</th>"
                 "<th>Discrimination</th></tr>")
    for item in sorted(report.items, key=lambda i: (i.facility, i.question_id)):
        disc = "–" if item.discrimination is None else f"{item.discrimination:+.2f}"
        parts.append(f"<tr><td>{e(report.prompts.get(item.question_id, item.question_id))}</td><td>{e(item.topic)}</td>"
                     f"<td>{item.attempts}</td><td>{item.facility:.0%}</td><td>{disc}</td></tr>")
    parts.append("</table>")
    return "\n".join(parts)


def write_report_pdf(report: Report, path: str | Path) -> Path:
    path = Path(path)
    document = QTextDocument()
    if report.topics:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart:topics"), _chart(report))
    document.setHtml(report_html(report))
    return write_a4(document, path, "Trainer report")
