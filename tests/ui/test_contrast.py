"""Everyone can read it: WCAG 2.x contrast of the colours the app really paints with.

The colours come from the app's own tables (the palettes ``ui.theme`` applies, its control
colours, the chart colours, the quiz marks), never from copies. Thresholds are WCAG's:
4.5:1 for text (1.4.3), 3:1 for a control's boundary, its focus indicator and a chart's marks
(1.4.11). Disabled controls are exempt in WCAG; the rule chosen here is that disabled text differs
from enabled text by at least 1.5:1 (so it visibly looks disabled) yet keeps 3:1 on its own
background (so it can still be read).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.quiz import style as marks

TEXT, GRAPHIC = 4.5, 3.0
THEMES = ("light", "dark")
Role, Group = QPalette.ColorRole, QPalette.ColorGroup


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    lighter, darker = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # WCAG's well-known near miss
    assert contrast("#123456", "#123456") == pytest.approx(1)


def colour(palette: QPalette, role: QPalette.ColorRole, group: QPalette.ColorGroup = Group.Active) -> QColor:
    return palette.color(group, role)


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize(("text", "background"), [
    ("WindowText", "Window"), ("Text", "Base"), ("Text", "AlternateBase"), ("ButtonText", "Button"),
    ("ToolTipText", "ToolTipBase"), ("PlaceholderText", "Base"),
    ("HighlightedText", "Highlight"),  # the selected item (dark was 3.2:1)
    ("Link", "Base"), ("Link", "Window"), ("LinkVisited", "Base"), ("LinkVisited", "Window"),
])
def test_text_is_readable_on_its_background(name, text, background):
    palette = theme.palette(name)
    ratio = contrast(colour(palette, getattr(Role, text)), colour(palette, getattr(Role, background)))
    assert ratio >= TEXT, f"{name}: {text} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("name", THEMES)
def test_disabled_controls_look_disabled_and_stay_legible(name):
    palette = theme.palette(name)
    for text, background in (("WindowText", "Window"), ("Text", "Base"), ("ButtonText", "Button")):
        enabled = colour(palette, getattr(Role, text))
        disabled = colour(palette, getattr(Role, text), Group.Disabled)
        assert contrast(disabled, enabled) >= 1.5, f"{name}: disabled {text} looks like the enabled one"
        behind = colour(palette, getattr(Role, background), Group.Disabled)
        assert contrast(disabled, behind) >= GRAPHIC, f"{name}: disabled {text} unreadable on {background}"
    assert colour(palette, Role.Button, Group.Disabled) != colour(palette, Role.Button), f"{name}: flat when disabled"


@pytest.mark.parametrize("name", THEMES)
def test_check_box_radio_and_field_outlines_stand_out(name):
    palette, controls = theme.palette(name), theme.controls(name)
    for background in ("Base", "Window", "AlternateBase", "Button"):
        behind = colour(palette, getattr(Role, background))
        assert contrast(controls.outline, behind) >= GRAPHIC, f"{name}: outline on {background}"
        assert contrast(controls.focus, behind) >= GRAPHIC, f"{name}: focus ring on {background}"
    assert contrast(controls.checked, colour(palette, Role.Base)) >= GRAPHIC, f"{name}: checked fill"
    assert contrast(controls.mark, controls.checked) >= TEXT, f"{name}: tick on the checked fill"
    assert contrast(controls.disabled_outline, controls.outline) >= 1.5, f"{name}: disabled box looks enabled"


@pytest.mark.parametrize("name", THEMES)
def test_every_chart_series_stands_out_from_the_plot(name):
    chart = theme.DARK if name == "dark" else theme.LIGHT
    for index, bar in enumerate(chart.bars):
        ratio = contrast(bar, chart.background)
        assert ratio >= GRAPHIC, f"{name}: series {index + 1} ({bar}) is {ratio:.2f}:1 on the plot"
    assert contrast(chart.foreground, chart.background) >= TEXT, f"{name}: axis text"
    # The accent colours the revealed answer's text on the presenter and live windows.
    for behind in (chart.background, colour(theme.palette(name), Role.Window)):
        assert contrast(chart.accent, behind) >= TEXT, f"{name}: accent text on {QColor(behind).name()}"


@pytest.mark.parametrize("name", THEMES)
def test_quiz_marks_are_readable(name):
    for state, tone in (marks.DARK if name == "dark" else marks.LIGHT).items():
        assert contrast(tone.text, tone.background) >= TEXT, f"{name}: {state} mark text"


@pytest.fixture
def themed(qapp):
    """Apply a theme to the app for one test; put the app's palette and theme back afterwards."""
    before, before_theme = QPalette(qapp.palette()), qapp.property("briefing_theme")

    def use(name: str) -> str:
        return theme.apply(qapp, name)

    yield use
    qapp.setProperty("briefing_theme", before_theme)
    qapp.setPalette(before)


def _form(qtbot) -> tuple[QWidget, QPushButton, QCheckBox, QPushButton]:
    form = QWidget()
    layout = QVBoxLayout(form)
    first, button, box, off = QPushButton("First"), QPushButton("Save"), QCheckBox("Mark as read"), QPushButton("Off")
    off.setEnabled(False)
    for widget in (first, button, box, off):
        layout.addWidget(widget)
    qtbot.addWidget(form)
    form.resize(240, 160)
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    first.setFocus()
    return form, button, box, off


def _tab_to(qtbot, widget: QWidget) -> QImage:
    """Press Tab (focus from the keyboard is what shows the ring) until ``widget`` has the focus; its picture."""
    for _ in range(4):
        if widget.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert widget.hasFocus()
    return widget.grab().toImage()


def _ring_width(image: QImage, x: int, y: int, dx: int, dy: int, ring: QColor) -> int:
    """How many pixels of exactly the ring colour run from (x, y) in direction (dx, dy)."""
    width = 0
    while 0 <= x < image.width() and 0 <= y < image.height() and image.pixelColor(x, y) == ring:
        width, x, y = width + 1, x + dx, y + dy
    return width


@pytest.mark.parametrize("name", THEMES)
def test_keyboard_focus_shows_a_two_pixel_ring(qtbot, themed, name):
    themed(name)
    ring = QColor(theme.controls(name).focus)
    _form_widget, button, box, _off = _form(qtbot)

    picture = _tab_to(qtbot, button)
    middle_x, middle_y = picture.width() // 2, picture.height() // 2
    for start, step in (((0, middle_y), (1, 0)), ((picture.width() - 1, middle_y), (-1, 0)),
                        ((middle_x, 0), (0, 1)), ((middle_x, picture.height() - 1), (0, -1))):
        assert _ring_width(picture, *start, *step, ring) == theme.FOCUS_RING, f"{name}: button ring at {start}"

    picture = _tab_to(qtbot, box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    label = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxFocusRect, option, box)
    assert _ring_width(picture, label.left(), label.center().y(), 1, 0, ring) == theme.FOCUS_RING, name
    assert _ring_width(picture, label.center().x(), label.top(), 0, 1, ring) == theme.FOCUS_RING, name
    assert not any(_ring_width(button.grab().toImage(), x, button.height() // 2, 1, 0, ring)
                   for x in range(3)), f"{name}: the ring leaves with the focus"


@pytest.mark.parametrize("name", THEMES)
def test_combo_and_spin_boxes_show_the_ring_too(qtbot, themed, name):
    themed(name)
    ring = QColor(theme.controls(name).focus)
    form = QWidget()
    layout = QVBoxLayout(form)
    first, combo, spin = QPushButton("First"), QComboBox(), QSpinBox()
    combo.addItems(["— choose —", "Supply chains"])
    for widget in (first, combo, spin):
        layout.addWidget(widget)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    first.setFocus()
    for widget in (combo, spin):
        picture = _tab_to(qtbot, widget)
        middle = picture.height() // 2
        assert _ring_width(picture, 0, middle, 1, 0, ring) == theme.FOCUS_RING, f"{name}: {type(widget).__name__}"
        assert _ring_width(picture, picture.width() // 4, 0, 0, 1, ring) == theme.FOCUS_RING, name


def _darkest(image: QImage) -> float:
    return min(luminance(image.pixelColor(x, y)) for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("name", THEMES)
def test_a_disabled_button_is_drawn_unlike_an_enabled_one(qtbot, themed, name):
    themed(name)
    _form_widget, button, _box, off = _form(qtbot)
    enabled, disabled = button.grab().toImage(), off.grab().toImage()
    # The label is the button's strongest ink: paler when disabled (light) or darker on dark.
    if name == "light":
        assert (_darkest(disabled) + 0.05) / (_darkest(enabled) + 0.05) >= 1.5
    else:
        def lightest(image: QImage) -> float:
            return max(luminance(image.pixelColor(x, y)) for x in range(image.width()) for y in range(image.height()))
        assert (lightest(enabled) + 0.05) / (lightest(disabled) + 0.05) >= 1.5


@pytest.mark.parametrize("name", THEMES)
def test_an_unchecked_check_box_has_a_visible_outline(qtbot, themed, name):
    themed(name)
    _form_widget, _button, box, _off = _form(qtbot)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    picture = box.grab().toImage()
    window = QApplication.palette().color(Role.Window)
    edge = [picture.pixelColor(indicator.left() + i, indicator.center().y()) for i in range(3)]
    assert max(contrast(pixel, window) for pixel in edge) >= GRAPHIC, f"{name}: {[p.name() for p in edge]}"


@pytest.mark.parametrize("name", THEMES)
def test_the_draft_reviews_keep_boxes_show_outline_fill_and_tick(qtbot, themed, name):
    """The list's check boxes are the style's too: outlined when dropped, filled with a tick when kept
    (the dark theme's own style sheet for them pointed at a tick image that was never there)."""
    from app import drafting
    from tests_support import ROOT
    from ui.draft_review import DraftReview

    themed(name)
    controls = theme.controls(name)
    review = DraftReview(drafting.draft_article(ROOT / "tests" / "data" / "articles" / "wire_report.txt"))
    qtbot.addWidget(review)
    review.resize(900, 600)
    with qtbot.waitExposed(review):
        review.show()
    try:
        tree = review.tree
        checkable = [group.child(i) for group in map(tree.topLevelItem, range(tree.topLevelItemCount()))
                     for i in range(group.childCount()) if group.child(i).flags() & Qt.ItemFlag.ItemIsUserCheckable]
        for node in checkable[1:]:  # one the person may drop (some items must stay)
            node.setCheckState(0, Qt.CheckState.Unchecked)
            if node.checkState(0) == Qt.CheckState.Unchecked:
                break
        tree.scrollToItem(node)
        area = tree.visualItemRect(node)
        for state, wanted in ((Qt.CheckState.Unchecked, {controls.outline}), (Qt.CheckState.Checked,
                                                                              {controls.checked, controls.mark})):
            node.setCheckState(0, state)
            assert node.checkState(0) == state
            picture = tree.viewport().grab(area).toImage()
            colours = {picture.pixelColor(x, y).name() for x in range(min(40, picture.width()))
                       for y in range(picture.height())}
            assert wanted <= colours, f"{name} {state.name}: {sorted(wanted - colours)} missing"
    finally:
        review.changed = False  # closing a changed review asks first: nothing to keep here


def test_switching_theme_recolours_widgets_with_their_own_style_sheet(qtbot, themed):
    """The rating bar styles its buttons with palette(...) in a style sheet of its own: after View → Theme
    its question and buttons take the new theme's colours, not the old ones (dark text on a dark window)."""
    from ui.quiz.rating import RatingBar

    themed("light")
    bar = RatingBar()
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    question = bar.findChild(QLabel)
    for name in ("dark", "light", "dark"):
        themed(name)
        colours = theme.palette(name)
        assert question.palette().color(QPalette.ColorRole.WindowText) == colours.color(
            QPalette.ColorRole.WindowText), name
        assert bar.buttons[2].palette().color(QPalette.ColorRole.Button) == colours.color(
            QPalette.ColorRole.Button), name


@pytest.mark.parametrize("name", THEMES)
def test_a_scroll_bar_shows_its_handle_and_arrows_against_its_groove(qtbot, themed, name):
    """Fusion's handle stood out from its groove at about 1.3:1; it is drawn in the controls' outline colour."""
    from PySide6.QtWidgets import QScrollBar

    themed(name)
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 100)
    bar.setPageStep(25)
    bar.resize(16, 300)
    with qtbot.waitExposed(bar):
        bar.show()
    picture = bar.grab().toImage()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    style, control = bar.style(), QStyle.ComplexControl.CC_ScrollBar
    handle = style.subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider, bar)
    groove = picture.pixelColor(1, handle.bottom() + 20)
    middle = picture.pixelColor(handle.center())
    assert middle == QColor(theme.controls(name).outline), name
    assert contrast(middle, groove) >= GRAPHIC, f"{name}: {middle.name()} on {groove.name()}"
    for sub in (QStyle.SubControl.SC_ScrollBarSubLine, QStyle.SubControl.SC_ScrollBarAddLine):
        arrow = style.subControlRect(control, option, sub, bar)
        inks = [picture.pixelColor(x, y) for x in range(arrow.left(), arrow.right() + 1)
                for y in range(arrow.top(), arrow.bottom() + 1)]
        assert max(contrast(ink, groove) for ink in inks) >= TEXT, f"{name}: an arrow to see"
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=handle.center())
    pressed = bar.grab().toImage().pixelColor(handle.center())
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=handle.center())
    assert pressed == QColor(theme.controls(name).focus), f"{name}: a held handle shows it is held"
