"""A first draft of a briefing pack from an article (Qt-free).

Analysts write a briefing on a new article every week; copying every figure,
term and date into ``pack.toml`` by hand takes an hour or two, and one curly
apostrophe in a quote fails the check. This package reads the article
(:mod:`~content.draft.article`: .txt, a saved .html page, or a .pdf, all
untrusted), finds candidate figures, terms, milestones and sections in its
text, and writes a pack that passes ``main.py check``.

Nothing is invented: every label, title, definition and quote drafted is text
of the article (quotes verbatim, up to whitespace), and what only a person can
write (a definition the article does not give, the summary) is marked "to
write" instead of made up; such items are left out of the pack until written.
"""

from content.draft.article import Article, ArticleError, read_article
from content.draft.build import draft_article, draft_text
from content.draft.model import Draft, DraftItem
from content.draft.writer import DraftExists, render_toml, write_pack

__all__ = ["Article", "ArticleError", "Draft", "DraftExists", "DraftItem", "draft_article", "draft_text",
           "read_article", "render_toml", "write_pack"]
