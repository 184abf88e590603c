"""Presenter mode: F11 full screen, arrows step, Space reveals, Esc leaves; type scales with the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def _open_presenter(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F11)
    presenter = window.presenter
    assert presenter is not None
    qtbot.waitExposed(presenter)
    return presenter


def test_f11_opens_full_screen_on_the_title_and_keys_step(qtbot, window):
    presenter = _open_presenter(qtbot, window)
    assert presenter.isFullScreen()
    assert presenter.main.text() == window.pack.meta.title
    assert presenter.footer.text().startswith(f"1 / {len(presenter.slides)}")

    asked = presenter.slides[1]
    assert asked.kind == "question", "the room is asked first"
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    assert presenter.main.text() == asked.main and not presenter.answer.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_Space)  # reveal: the lettered key
    assert presenter.answer.isVisible() and presenter.answer.text() == asked.answer
    qtbot.keyClick(presenter, Qt.Key.Key_Space)  # pressed again: next slide, hidden again
    assert presenter.index == 2 and not presenter.answer.isVisible() and presenter.answer.text() == ""

    figure = next(i for i, s in enumerate(presenter.slides) if s.kind == "figure")
    presenter.go(figure)
    slide = presenter.slide
    assert presenter.main.text() == slide.main and presenter.lines.text() == slide.lines[0]
    qtbot.keyClick(presenter, Qt.Key.Key_Space)  # reveal: outlet and verbatim quote
    assert presenter.answer.isVisible() and presenter.answer.text() == slide.answer
    assert presenter.source.text() == slide.source
    presenter.go(2)

    for _ in range(3):
        qtbot.keyClick(presenter, Qt.Key.Key_Left)
    assert presenter.index == 0
    qtbot.keyClick(presenter, Qt.Key.Key_Left)  # stays on the first slide
    assert presenter.index == 0
    qtbot.keyClick(presenter, Qt.Key.Key_End)
    assert presenter.footer.text().startswith(f"{len(presenter.slides)} / {len(presenter.slides)}")
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)  # a clicker's "next" on the last slide does nothing
    assert presenter.index == len(presenter.slides) - 1


def test_question_answer_shown_only_after_space(qtbot, window):
    presenter = _open_presenter(qtbot, window)
    while presenter.slide.kind != "question" or not presenter.slide.lines:
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
    slide = presenter.slide
    assert presenter.main.text() == slide.main
    assert presenter.lines.text().splitlines() == list(slide.lines)
    assert slide.answer not in (presenter.answer.text(), presenter.footer.text())
    qtbot.keyClick(presenter, Qt.Key.Key_Return)
    assert presenter.answer.text() == slide.answer
    assert presenter.source.text() == slide.source and slide.source.startswith("“")


def test_escape_leaves_and_f11_resumes_where_it_was_left(qtbot, window):
    presenter = _open_presenter(qtbot, window)
    for _ in range(3):
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.presenter is None)
    with qtbot.waitActive(window):
        window.activateWindow()
    again = _open_presenter(qtbot, window)
    assert again.index == 3


def test_type_is_large_and_scales_with_the_screen(qtbot, window):
    presenter = _open_presenter(qtbot, window)
    while presenter.slide.kind != "figure":
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
    presenter.showNormal()
    presenter.resize(1600, 900)
    qtbot.waitUntil(lambda: presenter.height() == 900)
    small_screen = presenter.main.font().pixelSize()
    assert small_screen >= 900 // 8 - 1  # an amount is an eighth of the screen high
    assert small_screen > 4 * window.font().pointSizeF()
    presenter.resize(1920, 1080)
    qtbot.waitUntil(lambda: presenter.height() == 1080)
    assert presenter.main.font().pixelSize() > small_screen


def test_a_scenario_slide_shows_the_case_before_the_question(qtbot, window):
    from ui.presenter import DeckChoice

    window.presenter_choice[window.pack.id] = DeckChoice(kinds=("scenario",))  # as "Choose presenter questions…"
    presenter = _open_presenter(qtbot, window)
    index = next(i for i, s in enumerate(presenter.slides) if s.lead)
    presenter.go(index)
    slide = presenter.slide
    assert presenter.lead.isVisible() and presenter.lead.text() == slide.lead.strip()
    assert presenter.lead.geometry().bottom() < presenter.main.geometry().top()
    presenter.go(index + 1)
    assert not presenter.lead.isVisible() or presenter.slide.lead


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_every_revealed_slide_fits_above_the_footer(qtbot, window, size):
    """The longest prompt, options, answer and quote must not run into the slide counter."""
    presenter = _open_presenter(qtbot, window)
    presenter.showNormal()
    presenter.resize(*size)
    qtbot.waitUntil(lambda: (presenter.width(), presenter.height()) == size)
    for index, slide in enumerate(presenter.slides):
        presenter.go(index)
        if slide.has_reveal:
            presenter.reveal()
        qtbot.wait(1)  # let the font change reach the layout, as it would on screen
        shown = [label for label in (presenter.lead, presenter.main, presenter.lines, presenter.answer,
                                     presenter.source) if label.isVisible()]
        for label in shown:  # a squeezed label clips its text: it needs more height than it got
            assert label.heightForWidth(label.width()) <= label.height(), f"slide {index + 1} clipped: {slide.main}"
        assert max(label.geometry().bottom() for label in shown) < presenter.footer.geometry().top()
