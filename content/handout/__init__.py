"""Handouts: the briefing, the one-page brief and the paper quiz as documents (Qt-free).

:mod:`content.handout.model` is the document model every handout is built as:
headings, paragraphs, figure lists, tables, quotes with their outlets, chart
specifications and answer spaces. Builders (:mod:`content.handout.briefing`,
:mod:`content.handout.brief`, :mod:`quiz.paper`) decide *what* a handout says,
from the pack alone; the renderers (:mod:`content.handout.pdf`,
:mod:`content.handout.docx_file`, :mod:`content.handout.markdown`) only lay it
out, so a PDF, a Word file and a Markdown file of one handout can never
disagree about a figure or a source.
"""
