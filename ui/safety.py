"""Keeping progress safe from the GUI: backups, restore, recovery offer, database check.

The work is done by :class:`app.workspace.Workspace` and :mod:`db.backup` /
:mod:`db.recovery`; this module only asks the user and reports in plain words.
Every action here that changes files catches SQLite and OS errors and says
what was not done; none of them can end in a traceback.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from app.errors import StoreError
from app.workspace import Backup
from ui.i18n import datetime, number, translate
from ui.messages import warn
from ui.state import AppState

CHECK_EVERY_MS = 5 * 60 * 1000  # look every 5 minutes whether the 30-minute backup is due


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _damage_text(findings: str) -> str:
    return translate("ui.safety", "SQLite found problems in your progress database:\n\n{findings}\n\n"
                     "Use File → Restore a backup… to go back to a good copy.").format(findings=findings)


class DataSafety(QObject):
    """Adds File/Help actions and the automatic backup timer to a main window."""

    def __init__(self, window: QWidget, state: AppState):
        super().__init__(window)
        self.window, self.state, self.workspace = window, state, state.workspace
        self.recovery_box: QMessageBox | None = None
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.back_up_if_due)
        self.timer.start()

    def install(self, file_menu: QMenu, help_menu: QMenu) -> None:
        entries = ((translate("ui.safety", "&Back up progress now"), self.back_up_now, "backup"),
                   (translate("ui.safety", "&Restore a backup…"), self.choose_backup, "restore"),
                   (translate("ui.safety", "Export progress as &CSV…"), lambda: self.export_progress("csv"), "csv"),
                   (translate("ui.safety", "Export progress as &JSON…"), lambda: self.export_progress("json"), "json"))
        for text, slot, name in entries:
            action = QAction(text, self.window)
            action.setObjectName(f"action-{name}")
            action.triggered.connect(slot)
            file_menu.addAction(action)
        check = QAction(translate("ui.safety", "&Check database"), self.window)
        check.setObjectName("action-check")
        check.triggered.connect(self.check_database)
        help_menu.addAction(check)

    # -- automatic ----------------------------------------------------------------------
    def back_up_if_due(self) -> None:
        try:
            self.workspace.back_up_if_due()
        except (StoreError, OSError, sqlite3.Error) as exc:  # never interrupt studying; say it in the status bar
            self._status(translate("ui.safety", "Automatic backup failed: {reason}").format(reason=exc), 0)

    def back_up_on_close(self) -> None:
        try:
            self.workspace.back_up()
        except (StoreError, OSError, sqlite3.Error):
            pass  # closing must never fail; the answers themselves are already on disk

    # -- actions --------------------------------------------------------------------------
    def back_up_now(self) -> bool:
        """Take a backup now; True if one was written (a failure is said in a box)."""
        try:
            path = self.workspace.back_up()
        except (StoreError, OSError, sqlite3.Error) as exc:
            warn(self.window, translate("ui.safety", "Backup failed"),
                 translate("ui.safety", "No backup was made. {reason}").format(reason=exc))
            return False
        self._status(translate("ui.safety", "Backed up to {file}").format(file=path))
        return True

    def choose_backup(self) -> None:
        backups = self.workspace.backups()
        if not backups:
            _box(self.window, QMessageBox.Icon.Information, translate("ui.safety", "Restore a backup"),
                 translate("ui.safety", "There are no backups yet in {folder}.")
                 .format(folder=self.workspace.backups_dir)).exec()
            return
        counts = [b.answers() for b in backups]  # opens each backup once, read-only
        labels = [translate("ui.safety", "{taken} — {answers} answers").format(
                      taken=datetime(b.taken_at), answers="?" if n is None else number(n))
                  for b, n in zip(backups, counts, strict=True)]
        choice, ok = QInputDialog.getItem(self.window, translate("ui.safety", "Restore a backup"),
                                          translate("ui.safety", "Replace your progress with this backup\n"
                                                    "(your current progress is kept aside, not deleted):"),
                                          labels, 0, False)
        if ok:
            self.restore(backups[labels.index(choice)])

    def restore(self, chosen: Backup) -> bool:
        try:
            kept = self.workspace.restore(chosen.path)
        except (StoreError, ValueError, OSError, sqlite3.Error) as exc:
            warn(self.window, translate("ui.safety", "Restore failed"),
                 translate("ui.safety", "The backup from {taken} was not restored. {reason}").format(
                     taken=datetime(chosen.taken_at), reason=exc))
            self.state.learners_changed()  # the pages show what is in the progress file now (unchanged)
            return False
        self.state.learners_changed()
        said = translate("ui.safety", "Restored the backup from {taken}.").format(taken=datetime(chosen.taken_at))
        if kept:
            said += " " + translate("ui.safety", "Your previous progress file was kept as {file}.").format(
                file=kept.name)
        self._status(said)
        return True

    def export_progress(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("ui.safety", "Export progress as {format}")
                                              .format(format=kind.upper()),
                                              f"progress.{kind}", f"{kind.upper()} (*.{kind})")
        if not path:
            return
        try:
            count = self.workspace.export_progress(kind, path)
        except (OSError, sqlite3.Error) as exc:
            warn(self.window, translate("ui.safety", "Export failed"),
                 translate("ui.safety", "Could not write {file}: {reason}").format(file=path, reason=exc),
                 name="export-failed")
            return
        said = (translate("ui.safety", "Exported %n answer to {file}", "", count) if count == 1 else
                translate("ui.safety", "Exported %n answers to {file}", "", count))
        self._status(said.format(file=path))

    def check_database(self) -> None:
        found = self.workspace.check_database()
        backups = found.backups
        newest = (translate("ui.safety", "newest backup {taken}").format(taken=datetime(backups[0].taken_at)) if backups
                  else translate("ui.safety", "no backups yet"))
        result = found.result
        if found.ok:
            text = translate("ui.safety", "Your progress database is healthy.\n\n{answers} answers recorded; {backups} "
                             "backups ({newest}).\nFile: {file}").format(
                answers=number(found.answers), backups=number(len(backups)), newest=newest, file=found.path)
            icon = QMessageBox.Icon.Information
        else:
            text = _damage_text(result)
            icon = QMessageBox.Icon.Warning
        box = _box(self.window, icon, translate("ui.safety", "Check database"), text)
        box.setObjectName("check-database")
        box.open()

    def report_damage(self, findings: str) -> QMessageBox:
        """The check run in the background after start-up found problems: say so, as Check database would."""
        box = _box(self.window, QMessageBox.Icon.Warning, translate("ui.safety", "Your progress file is damaged"),
                   _damage_text(findings))
        box.setObjectName("check-database")
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- start-up recovery -------------------------------------------------------------
    def offer_recovery(self) -> None:
        """If the progress file was damaged (or missing with its journal left) at start-up, say so and
        offer what can be restored; say what start-up completed (an interrupted restore)."""
        if self.workspace.notices:
            notices = _box(self.window, QMessageBox.Icon.Information, translate("ui.safety", "Your progress"),
                           "\n\n".join(self.workspace.notices))
            notices.setObjectName("notices")
            notices.addButton(QMessageBox.StandardButton.Ok)
            notices.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.workspace.notices = []
            notices.open()
        found = self.workspace.recovery
        if found is None:
            return
        kept = "\n".join(str(path) for path in found.kept) or str(found.moved_to)
        if found.moved_to.exists():
            moved = translate("ui.safety", "The damaged file was not deleted; it was moved to:\n{files}")
            title = translate("ui.safety", "Your progress file was damaged")
        else:
            moved = translate("ui.safety", "The left-over journal was not deleted; it was moved to:\n{files}")
            title = translate("ui.safety", "Your progress file was missing")
        text = f"{found.message}\n\n{moved.format(files=kept)}\n\n"
        box = _box(self.window, QMessageBox.Icon.Warning, title, "")
        box.setObjectName("recovery")
        if found.backup is not None:
            answers = found.backup.answers()
            shown = "?" if answers is None else number(answers)
            if found.salvaged:
                text += translate("ui.safety", "{answers} answers could be read back from the left-over journal. "
                                  "Restore them now? Otherwise you start with empty progress (File → Restore a "
                                  "backup… offers the backups).").format(answers=shown)
            else:
                text += translate("ui.safety", "The newest good backup is from {taken} ({answers} answers). "
                                  "Restore it now? Otherwise you start with empty progress; the backup is kept, "
                                  "and File → Restore a backup… offers it later.").format(
                    taken=datetime(found.backup.taken_at), answers=shown)
            restore = box.addButton(translate("ui.safety", "&Restore answers") if found.salvaged
                                    else translate("ui.safety", "&Restore backup"),
                                    QMessageBox.ButtonRole.AcceptRole)
            box.addButton(translate("ui.safety", "Start &fresh"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
            restore.clicked.connect(lambda: self.restore(found.backup))
        else:
            text += translate("ui.safety", "There is no backup to restore, so you start with empty progress.")
            box.addButton(QMessageBox.StandardButton.Ok)
        box.setText(text)
        self.recovery_box = box
        box.open()

    def _status(self, text: str, timeout_ms: int = 8000) -> None:
        status = getattr(self.window, "statusBar", None)
        if status:
            status().showMessage(text, timeout_ms)
