"""The main window opens whole on the screen it is on (issue #15: 72 px off a 1366×768 laptop)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from ui.main_window import MainWindow
from ui.window_size import DEFAULT_SIZE, fit_restored, fit_window


def test_a_laptop_screen_smaller_than_the_default_window_gets_it_maximised():
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar
    placement = fit_window(laptop)
    assert placement.maximised
    assert laptop.contains(placement.rect)


def test_a_large_screen_gets_the_default_size_centred():
    desktop = QRect(0, 0, 1920, 1040)
    placement = fit_window(desktop)
    assert not placement.maximised
    assert placement.rect.size() == DEFAULT_SIZE
    assert placement.rect.center() == desktop.center()
    assert desktop.contains(placement.rect)


def test_a_second_screen_left_of_the_first_is_used_in_its_own_coordinates():
    left = QRect(-1920, 0, 1920, 1080)
    placement = fit_window(left, QSize(1280, 800))
    assert left.contains(placement.rect) and not placement.maximised


def test_a_remembered_window_from_a_bigger_screen_is_shrunk_and_moved_onto_this_one():
    laptop = QRect(0, 0, 1366, 728)
    fitted = fit_restored(laptop, QRect(600, 300, 1800, 1000))  # saved on a 2560×1440 monitor
    assert laptop.contains(fitted)
    assert fitted.size() == QSize(1366, 728)
    unplugged = fit_restored(laptop, QRect(2400, 100, 1000, 600))  # it was on a screen that is gone
    assert laptop.contains(unplugged) and unplugged.size() == QSize(1000, 600)
    inside = QRect(100, 50, 900, 600)
    assert fit_restored(laptop, inside) == inside, "a window that fits stays where the user left it"


def test_the_first_window_fits_the_screen_it_opens_on(qtbot, data_dir):
    available = QGuiApplication.primaryScreen().availableGeometry()  # offscreen: smaller than 1280×800
    window = MainWindow(root=data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isMaximized(), "a screen smaller than the default window is filled, not overrun"
    # (the offscreen platform places a maximised window's client area at its 2 px frame offset)
    assert window.width() <= available.width() and window.height() <= available.height(), (
        "its foot (Submit and Stop) is on screen")


def test_a_remembered_geometry_too_big_for_this_screen_is_fitted(qtbot, data_dir):
    from PySide6.QtCore import QByteArray

    from ui.settings import app_settings

    big = MainWindow(root=data_dir)
    qtbot.addWidget(big)
    big.setGeometry(QRect(900, 700, 1800, 1100))  # as if left there on a large monitor
    settings = app_settings(data_dir)
    settings.setValue("window/geometry", big.saveGeometry())
    settings.sync()
    assert isinstance(settings.value("window/geometry"), QByteArray)

    again = MainWindow(root=data_dir)
    qtbot.addWidget(again)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(again.geometry())


def test_a_size_asked_for_before_the_window_is_shown_is_kept(qtbot, data_dir):
    window = MainWindow(root=data_dir)
    qtbot.addWidget(window)
    window.resize(760, 520)  # a script or test choosing its size: not maximised over it
    window.show()
    qtbot.waitExposed(window)
    assert not window.isMaximized()
    assert (window.width(), window.height()) == (760, 520)


def _on_screen(monkeypatch, area: QRect) -> None:
    """The window believes the free area of its screen is ``area`` (the offscreen screen is one size)."""
    monkeypatch.setattr(MainWindow, "_available", lambda self: QRect(area))


def test_on_a_1366x768_laptop_the_first_window_opens_maximised(qtbot, data_dir, monkeypatch):
    _on_screen(monkeypatch, QRect(0, 0, 1366, 728))
    window = MainWindow(root=data_dir)
    qtbot.addWidget(window)
    assert QRect(0, 0, 1366, 728).contains(window.geometry()), "even un-maximised it is whole on the screen"
    window.show()
    qtbot.waitExposed(window)
    assert window.isMaximized()


def test_on_a_large_screen_the_first_window_is_the_default_size_centred(qtbot, data_dir, monkeypatch):
    _on_screen(monkeypatch, QRect(0, 0, 1920, 1040))
    window = MainWindow(root=data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.isMaximized()
    assert (window.width(), window.height()) == (DEFAULT_SIZE.width(), DEFAULT_SIZE.height())
    assert window.geometry().center() == QRect(0, 0, 1920, 1040).center()


def test_a_screen_smaller_than_the_usual_minimum_still_holds_the_window(qtbot, data_dir, monkeypatch):
    tiny = QRect(0, 0, 683, 364)  # 1366×768 at 200 % scaling, less the taskbar
    _on_screen(monkeypatch, tiny)
    window = MainWindow(root=data_dir)
    qtbot.addWidget(window)
    assert window.minimumWidth() <= tiny.width() and window.minimumHeight() <= tiny.height()
    assert tiny.contains(window.geometry())
