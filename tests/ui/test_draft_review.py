"""File → New briefing from an article…, with the keyboard only: draft, review, save, and the briefing shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit

from app import drafting
from tests_support import ROOT
from ui.draft_review import DraftReview

ARTICLE = ROOT / "tests" / "data" / "articles" / "wire_report.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed by a person: it goes to whatever has the focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _go_to(qtbot, review: DraftReview, starts: str) -> None:
    """Home, then ↓ through the list until the item whose text starts with ``starts`` is current."""
    qtbot.keyClick(review.tree, Qt.Key.Key_Home)
    for _ in range(80):
        node = review.tree.currentItem()
        if node is not None and node.text(0).startswith(starts):
            return
        qtbot.keyClick(review.tree, Qt.Key.Key_Down)
    raise AssertionError(f"no item starting {starts!r}")


def test_a_draft_reviewed_with_the_keyboard_is_saved_imported_and_shown(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(ARTICLE), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tmp_path / "packs"))
    (tmp_path / "packs").mkdir()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "draft_flow", None) is not None and window.draft_flow.review is not None,
                    timeout=30000)
    review = window.draft_flow.review
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.tree)
    assert review.tree.accessibleName() == "Drafted items"

    # SEA: the article gives no definition, so it waits "to write"; write one and it is kept
    _go_to(qtbot, review, "SEA")
    assert review.tree.currentItem().text(1) == "to write: definition"
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().accessibleName() == "Term"
    _press(qtbot, Qt.Key.Key_Tab)
    definition = QApplication.focusWidget()
    assert isinstance(definition, QPlainTextEdit) and definition.accessibleName() == "Definition"
    qtbot.keyClicks(definition, "The agency reviewing the plant's grid connection.")
    qtbot.waitUntil(lambda: review.tree.currentItem().text(1) == "kept")
    _press(qtbot, Qt.Key.Key_Tab, SHIFT)
    _press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is review.tree

    # a figure the person does not want: Delete drops it; Space keeps it again, Delete again
    _go_to(qtbot, review, "about 600000 cars")
    qtbot.keyClick(review.tree, Qt.Key.Key_Delete)
    assert review.tree.currentItem().checkState(0) == Qt.CheckState.Unchecked
    qtbot.keyClick(review.tree, Qt.Key.Key_Space)
    assert review.tree.currentItem().checkState(0) == Qt.CheckState.Checked
    qtbot.keyClick(review.tree, Qt.Key.Key_Delete)

    # the article gives no noun phrase for what 25% measures: its label waits "to write", and the figure is
    # kept once the person writes one
    _go_to(qtbot, review, "25 percent")
    assert review.tree.currentItem().text(1) == "to write: label"
    # headed by what it says, not by its id (a tester read "Figure: figure-of-caldmouth-voted-on-tuesday-…")
    assert review.item_title.text() == f"Figure: {review.tree.currentItem().text(0)}"
    assert "figure-" not in review.item_title.text()
    assert "(the article says: “demand for batteries in Europe is expected to grow by 25% a year until 2030”)" in \
        review.item_note.text()
    _press(qtbot, Qt.Key.Key_Tab)
    label = QApplication.focusWidget()
    assert label.accessibleName() == "Label" and label.text() == ""
    qtbot.keyClicks(label, "Yearly growth of battery demand in Europe")
    qtbot.waitUntil(lambda: review.tree.currentItem().text(1) == "kept")

    # a quote edited wrong: the problem is shown beside the field, with the character highlighted
    while QApplication.focusWidget().accessibleName() != "Quote":
        _press(qtbot, Qt.Key.Key_Tab)
    quote = QApplication.focusWidget()
    qtbot.keyClick(quote, Qt.Key.Key_Home, CTRL)
    qtbot.keyClicks(quote, "x")
    qtbot.waitUntil(lambda: "does not occur verbatim" in review.findChild(type(review.status),
                                                                          "problem-quote").text())
    assert "x (U+0078 LATIN SMALL LETTER X)" in review.findChild(type(review.status), "problem-quote").text()
    assert [s.cursor.selectedText() for s in quote.extraSelections()] == ["x"]
    qtbot.keyClick(review, Qt.Key.Key_S, CTRL)  # refused: the problem is still there
    assert review.isVisible() and review.status.text().startswith("Not saved")
    qtbot.keyClick(quote, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: review.status.text().startswith("Ready to save"))
    assert quote.extraSelections() == []
    # what Save leaves out is said before saving, not only in pack.toml's comments (the 8.4 figure's label)
    waiting = [item for item in review.draft.items if item.todo and not (item.accepted and item.ready)]
    assert any("8.4" in item.title for item in waiting)
    said = "item still to write is" if len(waiting) == 1 else "items still to write are"
    assert f"{len(waiting)} {said} saved commented out in pack.toml, not in the briefing." in review.status.text()

    qtbot.keyClick(review, Qt.Key.Key_S, CTRL)
    folder = tmp_path / "packs" / review.draft.pack_id
    qtbot.waitUntil(lambda: window.pack.id == review.draft.pack_id, timeout=30000)
    assert (folder / "pack.toml").is_file() and (folder / "source.txt").is_file()
    pack = window.briefing.pack
    assert pack.id == review.draft.pack_id and pack.meta.title.startswith("Nordvik Energy Plans")
    assert window.briefing.contents.item(0).text() == pack.sections[0].title
    assert "SEA" in [t.term for t in pack.terms]
    assert 600000 not in [f.amount for f in pack.figures]
    assert next(f for f in pack.figures if f.amount == 25).label == "Yearly growth of battery demand in Europe"
    assert 8.4 not in [f.amount for f in pack.figures]  # its label is still to write: left out, not invented
    assert "# amount = 8.4" in (folder / "pack.toml").read_text(encoding="utf-8")  # waiting there, as the status said
    assert window.pack_combo.currentText() == pack.meta.title


def test_cancelling_a_draft_closes_at_once_and_changes_nothing(qtbot, window, monkeypatch, data_dir):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(ARTICLE), ""))
    before = window.workspace.pack_ids()
    flow = window.new_from_article()
    qtbot.waitUntil(flow.progress.isVisible)
    qtbot.keyClick(flow.progress, Qt.Key.Key_Escape)
    assert flow.done and not flow.progress.isVisible()
    flow.wait()
    QApplication.processEvents()
    assert flow.review is None and window.workspace.pack_ids() == before


def test_an_article_that_cannot_be_read_says_why(qtbot, window, monkeypatch, tmp_path):
    junk = tmp_path / "scan.pdf"
    junk.write_bytes(b"%PDF-1.4\n% nothing readable here\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(junk), ""))
    flow = window.new_from_article()
    qtbot.waitUntil(lambda: flow.error is not None, timeout=30000)
    assert "scan.pdf" in flow.error.text() and "PDF" in flow.error.text()
    assert flow.error.textFormat() == Qt.TextFormat.PlainText and flow.review is None


def test_article_text_is_shown_as_text_never_as_html(qtbot, tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text("<b>Bold claim</b> & <img src=x>: council spends $40 million\n\nThe council said on Monday it "
                       "will spend $40 million on <i>parks</i> by 2027, according to the Parks Office.\n",
                       encoding="utf-8")
    review = DraftReview(drafting.draft_article(article))
    qtbot.addWidget(review)
    quotes = []
    for figure in review.draft.of_kind("figure"):
        review.select_item(figure)
        quotes.append(next(e.widget for e in review.editors if e.name == "quote").toPlainText())
    assert any("<i>parks</i>" in quote for quote in quotes)
    assert any(quote.startswith("<b>Bold claim</b> & <img src=x>") for quote in quotes)
    assert review.tree.topLevelItem(0).child(0).text(0).startswith("Title: <b>Bold claim</b>")



def test_a_bound_the_article_did_not_state_can_be_added_with_the_keyboard(qtbot):
    review = DraftReview(drafting.draft_article(ARTICLE))
    qtbot.addWidget(review)
    figure = next(f for f in review.draft.of_kind("figure") if f.title.startswith("139 USD"))
    assert "bound" not in figure.fields
    review.select_item(figure)
    names = [e.name for e in review.editors]
    assert names[:5] == ["label", "amount", "unit", "approximate", "bound"] and "outlet" in names
    bound = next(e.widget for e in review.editors if e.name == "bound")
    assert bound.currentText() == "exact" and bound.accessibleName() == "Bound"
    qtbot.keyClick(bound, Qt.Key.Key_Down)  # exact → about
    assert figure.fields["bound"] == "about" and figure.fields["approximate"] is True
    assert review.recheck() == []
    assert 'bound = "about"' in drafting.draft_toml(review.draft)


def test_esc_after_review_work_asks_before_throwing_it_away(qtbot, monkeypatch):
    asked = []
    answer = {"discard": False}

    def confirm(parent, title, text):
        asked.append(title)
        return answer["discard"]

    monkeypatch.setattr("ui.draft_review.confirm", confirm)
    review = DraftReview(drafting.draft_article(ARTICLE))
    qtbot.addWidget(review)
    review.show()
    qtbot.keyClick(review.tree, Qt.Key.Key_Escape)  # nothing reviewed yet: closes without asking
    assert not review.isVisible() and asked == []
    review.show()
    review.activateWindow()
    review.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.tree)
    _go_to(qtbot, review, "about 600000 cars")
    qtbot.keyClick(review.tree, Qt.Key.Key_Delete)
    qtbot.keyClick(review.tree, Qt.Key.Key_Escape)
    assert asked == ["Discard this draft?"] and review.isVisible()  # "No": the review stays as it was
    assert review.tree.currentItem().checkState(0) == Qt.CheckState.Unchecked
    answer["discard"] = True
    qtbot.keyClick(review.tree, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not review.isVisible()


def test_an_amount_that_is_not_a_number_is_a_problem_beside_the_field_until_corrected(qtbot):
    review = DraftReview(drafting.draft_article(ARTICLE))
    qtbot.addWidget(review)
    # a kept figure ("$139 per kilowatt-hour" is left to write now: its label "average" says nothing)
    figure = next(f for f in review.draft.of_kind("figure") if f.title.startswith("about 600000 cars"))
    review.select_item(figure)
    amount = next(e for e in review.editors if e.name == "amount")
    for typed in ("lots", "nan", "1e400", "twenty-five"):
        amount.widget.selectAll()
        qtbot.keyClicks(amount.widget, typed)
        review.recheck()
        assert amount.problem.text() and not amount.problem.isHidden(), typed
        assert review.status.text().endswith("to fix before saving")
    amount.widget.selectAll()
    qtbot.keyClicks(amount.widget, "600000")
    assert review.recheck() == [] and figure.fields["amount"] == 600000 and amount.problem.isHidden()
