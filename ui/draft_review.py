"""File → New briefing from an article…: draft in the background, review every item, save and import.

The drafting is :mod:`app.drafting` (Qt-free, the same as ``main.py
draft``); this module only shows it. Drafting runs on a worker thread behind a
progress dialog whose Cancel closes it at once (a draft still running is left
to finish and thrown away), so the window never freezes on a large PDF. The
review form lists every drafted item with a box to keep or drop it, an editor
for the selected one, and beside each field the problem ``main.py check``
would report, re-checked as the person types. A quote that does not match
the article has its first differing character highlighted with a character
format: article text is only ever set as plain text, never as HTML. Save
checks the whole draft the same way, writes the pack into a folder the
person chooses and imports it through the facade, so the briefing shows it.

Keyboard: the list has the focus first; ↑/↓ choose an item, Space keeps or
drops it (Delete drops), Tab goes through the item's fields, Ctrl+S saves,
Esc cancels. Every field has an accessible name.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSettings, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import drafting
from app.drafting import Draft, DraftItem, DraftProblem, left_to_write
from content.problems import PackError
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.messages import warn
from ui.operations import confirm
from ui.text import plain

GROUPS = {"source": QT_TRANSLATE_NOOP("ui.draft_review", "Source"),
          "section": QT_TRANSLATE_NOOP("ui.draft_review", "Sections"),
          "figure": QT_TRANSLATE_NOOP("ui.draft_review", "Figures"),
          "term": QT_TRANSLATE_NOOP("ui.draft_review", "Terms"),
          "milestone": QT_TRANSLATE_NOOP("ui.draft_review", "Milestones")}
#: One item of each group, as the editor's heading names it.
ITEM_NAMES = {"source": QT_TRANSLATE_NOOP("ui.draft_review", "Source"),
              "section": QT_TRANSLATE_NOOP("ui.draft_review", "Section"),
              "figure": QT_TRANSLATE_NOOP("ui.draft_review", "Figure"),
              "term": QT_TRANSLATE_NOOP("ui.draft_review", "Term"),
              "milestone": QT_TRANSLATE_NOOP("ui.draft_review", "Milestone")}
#: Fields edited as paragraphs; every other text field is one line.
LONG_FIELDS = {"body", "quote", "definition", "summary"}
FIELD_LABELS = {"title": QT_TRANSLATE_NOOP("ui.draft_review", "Title"),
                "body": QT_TRANSLATE_NOOP("ui.draft_review", "Body"),
                "summary": QT_TRANSLATE_NOOP("ui.draft_review", "Summary"),
                "source_title": QT_TRANSLATE_NOOP("ui.draft_review", "Source title"),
                "source_publisher": QT_TRANSLATE_NOOP("ui.draft_review", "Publisher"),
                "source_date": QT_TRANSLATE_NOOP("ui.draft_review", "Date (YYYY-MM-DD)"),
                "source_url": QT_TRANSLATE_NOOP("ui.draft_review", "Address"),
                "label": QT_TRANSLATE_NOOP("ui.draft_review", "Label"),
                "amount": QT_TRANSLATE_NOOP("ui.draft_review", "Amount"),
                "unit": QT_TRANSLATE_NOOP("ui.draft_review", "Unit"),
                "approximate": QT_TRANSLATE_NOOP("ui.draft_review", "Approximate"),
                "bound": QT_TRANSLATE_NOOP("ui.draft_review", "Bound"),
                "year": QT_TRANSLATE_NOOP("ui.draft_review", "Year"),
                "outlet": QT_TRANSLATE_NOOP("ui.draft_review", "Outlet"),
                "quote": QT_TRANSLATE_NOOP("ui.draft_review", "Quote"),
                "term": QT_TRANSLATE_NOOP("ui.draft_review", "Term"),
                "definition": QT_TRANSLATE_NOOP("ui.draft_review", "Definition"),
                "category": QT_TRANSLATE_NOOP("ui.draft_review", "Category"),
                "accept": QT_TRANSLATE_NOOP("ui.draft_review", "Also accepted (; between)"),
                "when": QT_TRANSLATE_NOOP("ui.draft_review", "When"),
                "order": QT_TRANSLATE_NOOP("ui.draft_review", "Order"),
                "happened": QT_TRANSLATE_NOOP("ui.draft_review", "Happened")}
#: Fields a figure may have that the draft may not have filled (the article gave no bound, year or outlet):
#: shown anyway, in this order, so a person can add them.
FIGURE_FIELDS = ("label", "amount", "unit", "approximate", "bound", "year", "outlet", "quote")
BOUNDS = ("exact", "about", "at least", "more than", "less than", "up to")
#: The bounds as the list shows them (the pack keeps the English words).
BOUND_NAMES = {"exact": QT_TRANSLATE_NOOP("ui.draft_review", "exact"),
               "about": QT_TRANSLATE_NOOP("ui.draft_review", "about"),
               "at least": QT_TRANSLATE_NOOP("ui.draft_review", "at least"),
               "more than": QT_TRANSLATE_NOOP("ui.draft_review", "more than"),
               "less than": QT_TRANSLATE_NOOP("ui.draft_review", "less than"),
               "up to": QT_TRANSLATE_NOOP("ui.draft_review", "up to")}
ARTICLE_FILTER = QT_TRANSLATE_NOOP("ui.draft_review", "Articles (*.txt *.html *.htm *.pdf);;Text (*.txt);;"
                                   "Web pages (*.html *.htm);;PDF (*.pdf)")
PROBLEM_COLOUR = QColor("#c62828")
_RUNNING: set[QThread] = set()  # workers still drafting: kept alive until they finish


class Cancelled(Exception):
    """The person cancelled the draft: the worker stops at its next step."""


class DraftWorker(QThread):
    """Drafts one article off the UI thread."""

    succeeded = Signal(object)  # Draft
    failed = Signal(str)

    def __init__(self, article: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.article = article
        self.cancelled = False

    def _checkpoint(self) -> None:
        if self.cancelled:
            raise Cancelled

    def run(self) -> None:
        try:
            draft = drafting.draft_article(self.article, self._checkpoint)
        except Cancelled:
            return
        except drafting.ArticleError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # an article is untrusted input: whatever breaks is said, never a crash
            self.failed.emit(translate("ui.draft_review", "{name}: could not be drafted ({error}: {reason})").format(
                name=self.article.name, error=type(exc).__name__, reason=exc))
        else:
            if not self.cancelled:
                self.succeeded.emit(draft)


def _label(name: str) -> str:
    if name in FIELD_LABELS:
        return translate("ui.draft_review", FIELD_LABELS[name])
    return name.replace("_", " ").capitalize()


def _shown(item: DraftItem) -> str:
    """How the list and the editor's heading name ``item``: a source field by its label ("Source title: …",
    not "source_title: …"), any other by what it says (not its id, a slug of 60 characters)."""
    if item.kind == "source":
        return f"{_label(item.id)}: {item.fields.get(item.id, '')}"[:160]
    return item.title[:160]


class FieldEditor:
    """One field of the selected item: its editor and the problem shown beside it."""

    def __init__(self, item: DraftItem, name: str, changed: Callable[[], None]):
        self.item, self.name = item, name
        value = item.fields.get(name)
        self.problem = plain("")
        self.problem.setObjectName(f"problem-{name}")
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOUR.name()}")
        self.problem.hide()
        widget: QWidget
        if isinstance(value, bool) or name in ("approximate", "happened"):
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(lambda on: self._set(on, changed))
            widget = box
        elif name == "bound":
            combo = QComboBox()
            for bound in BOUNDS:
                combo.addItem(translate("ui.draft_review", BOUND_NAMES[bound]), bound)
            found = combo.findData(str(value or "exact"))
            if found < 0:  # a bound the list does not know: kept as it is
                combo.addItem(str(value), str(value))
                found = combo.count() - 1
            combo.setCurrentIndex(found)
            combo.currentIndexChanged.connect(lambda _index: self._set(combo.currentData(), changed))
            widget = combo
        elif name in LONG_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
            edit.setPlainText(str(value or ""))
            edit.setMinimumHeight(70 if name != "body" else 160)
            if name != "body":  # a sentence or two: room for it, and the problem beside it stays in sight
                edit.setMaximumHeight(130)
            edit.textChanged.connect(lambda: self._set(edit.toPlainText(), changed))
            widget = edit
        else:
            line = QLineEdit("; ".join(value) if isinstance(value, list) else "" if value is None else str(value))
            line.textEdited.connect(lambda text: self._set(text, changed))
            widget = line
        widget.setAccessibleName(_label(name))
        widget.setObjectName(f"field-{name}")
        self.widget = widget

    def _set(self, value: Any, changed: Callable[[], None]) -> None:
        fields = self.item.fields
        if self.name == "amount":
            text = str(value).strip().replace(",", "")
            try:
                number = float(text)
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                fields[self.name] = str(value)  # as typed: the check says it is not a number
            else:
                fields[self.name] = int(number) if number.is_integer() and "." not in text else number
        elif self.name in ("year", "order"):
            text = str(value).strip()
            if not text:
                fields.pop(self.name, None)
            else:
                fields[self.name] = int(text) if text.isascii() and text.isdigit() else text
        elif self.name == "accept":
            fields[self.name] = [part.strip() for part in str(value).split(";") if part.strip()]
        elif self.name == "bound" and value == "exact":
            fields.pop("bound", None)
        else:
            fields[self.name] = value
        if self.name == "bound":
            fields["approximate"] = value == "about"
        changed()

    def show_problem(self, messages: list[str]) -> None:
        self.problem.setText("\n".join(messages))
        self.problem.setVisible(bool(messages))
        self.widget.setAccessibleDescription("; ".join(messages))

    def highlight_difference(self, source: str) -> int | None:
        """Mark the first character where a quote departs from the article; its index, or None."""
        if not isinstance(self.widget, QPlainTextEdit) or self.name != "quote":
            return None
        text = self.widget.toPlainText()
        found = drafting.quote_difference(text, source) if text.strip() else None
        selections = []
        if found is not None:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(PROBLEM_COLOUR)
            fmt.setForeground(QColor("white"))
            fmt.setFontUnderline(True)
            selection.format = fmt
            cursor = QTextCursor(self.widget.document())
            cursor.setPosition(min(found.index, len(text)))
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.widget.setExtraSelections(selections)
        return found.index if found is not None else None


class DraftReview(QDialog):
    """Every drafted item with keep/drop, an editor for the selected one, problems beside the fields."""

    saved = Signal(object)  # Path of the written pack folder

    def __init__(self, draft: Draft, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft, self.settings = draft, settings
        self.setWindowTitle(translate("ui.draft_review", "New briefing from {name}").format(name=draft.article.name))
        self.problems: list[DraftProblem] = []
        self.editors: list[FieldEditor] = []
        self.current: DraftItem | None = None
        self.nodes: dict[int, QTreeWidgetItem] = {}
        self.saved_to: Path | None = None
        self.changed = False  # kept, dropped or edited something: Cancel asks before throwing it away

        counts = draft.counts()
        number = QLocale().toString
        intro = plain(translate("ui.draft_review", "Drafted from {name}: {sections} sections, {figures} figures, "
                                "{terms} terms, {milestones} milestones, all in the article's own words. Keep (Space) "
                                "or drop (Delete) each item and correct what needs it; items marked “to write” need "
                                "words only you can write. Save (Ctrl+S) writes the pack and adds it to your "
                                "library.").format(name=draft.article.name, sections=number(counts['section']),
                                                   figures=number(counts['figure']), terms=number(counts['term']),
                                                   milestones=number(counts['milestone'])))
        self.tree = QTreeWidget()
        self.tree.setObjectName("draft-items")
        self.tree.setAccessibleName(translate("ui.draft_review", "Drafted items"))
        self.tree.setHeaderLabels([translate("ui.draft_review", "Item"), translate("ui.draft_review", "Status")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self._fill_tree()
        self.tree.currentItemChanged.connect(lambda node, _old: self._select(node))
        self.tree.itemChanged.connect(self._check_changed)

        self.item_title = plain("", bold=True)
        self.item_note = plain("")
        self.pack_problems = plain("")
        self.pack_problems.setObjectName("pack-problems")
        self.pack_problems.setStyleSheet(f"color: {PROBLEM_COLOUR.name()}")
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.pack_problems)
        editor_layout.addWidget(self.item_title)
        editor_layout.addWidget(self.item_note)
        editor_layout.addWidget(self.form_host)
        editor_layout.addStretch(1)  # rows keep their height; the space left over goes below them
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(scroll)
        splitter.setSizes([430, 620])

        self.keep_button = QPushButton(translate("ui.draft_review", "&Keep"))
        self.keep_button.setToolTip(translate("ui.draft_review", "Keep the selected item in the pack (Space)"))
        self.keep_button.clicked.connect(lambda: self.set_kept(True))
        self.drop_button = QPushButton(translate("ui.draft_review", "&Drop"))
        self.drop_button.setToolTip(translate("ui.draft_review", "Leave the selected item out of the pack (Delete)"))
        self.drop_button.clicked.connect(lambda: self.set_kept(False))
        self.save_button = QPushButton(translate("ui.draft_review", "&Save pack…"))
        self.save_button.setToolTip(translate("ui.draft_review", "Check the draft, write the pack into a folder and "
                                              "add it to your library (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.drop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.status = plain("")
        self.status.setObjectName("draft-status")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(self.save)
        drop = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.tree)
        drop.setContext(Qt.ShortcutContext.WidgetShortcut)
        drop.activated.connect(lambda: self.set_kept(False))
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setSingleShot(True)
        self.recheck_timer.setInterval(250)
        self.recheck_timer.timeout.connect(self.recheck)
        self.resize(1100, 720)
        self.recheck()
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))
        self.tree.setFocus()

    # -- the list ------------------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        for kind, heading in GROUPS.items():
            items = self.draft.of_kind(kind)
            if not items:
                continue
            group = QTreeWidgetItem([f"{translate('ui.draft_review', heading)} ({i18n.number(len(items))})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for item in items:
                node = QTreeWidgetItem([_shown(item)])
                node.setData(0, Qt.ItemDataRole.UserRole, id(item))
                node.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                node.setCheckState(0, Qt.CheckState.Checked if item.accepted else Qt.CheckState.Unchecked)
                node.setToolTip(0, "")
                group.addChild(node)
                self.nodes[id(item)] = node
            group.setExpanded(True)
        self.tree.blockSignals(False)

    def item_of(self, node: QTreeWidgetItem | None) -> DraftItem | None:
        if node is None:
            return None
        key = node.data(0, Qt.ItemDataRole.UserRole)
        return next((item for item in self.draft.items if id(item) == key), None)

    def _check_changed(self, node: QTreeWidgetItem, column: int) -> None:
        item = self.item_of(node)
        if item is None or column != 0:
            return
        kept = node.checkState(0) == Qt.CheckState.Checked
        if not kept and item.kind == "source" and item.id in drafting.REQUIRED_SOURCE:
            self.tree.blockSignals(True)
            node.setCheckState(0, Qt.CheckState.Checked)
            self.tree.blockSignals(False)
            what = _label(item.id).lower()
            self.status.setText(translate("ui.draft_review", "The {what} cannot be dropped: a pack needs it (edit it "
                                          "instead).").format(what=what))
            return
        item.accepted = kept
        self.changed = True
        self.schedule_recheck()

    def set_kept(self, kept: bool) -> None:
        node = self.tree.currentItem()
        if self.item_of(node) is not None:
            node.setCheckState(0, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)

    def select_item(self, item: DraftItem) -> None:
        self.tree.setCurrentItem(self.nodes[id(item)])

    # -- the editor ----------------------------------------------------------------------------------
    def _select(self, node: QTreeWidgetItem | None) -> None:
        item = self.item_of(node)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = []
        self.current = item
        if item is None:
            self.item_title.setText("")
            self.item_note.setText(translate("ui.draft_review", "Choose an item in the list to see and edit it."))
            return
        self.item_title.setText(self._heading(item))
        self.item_note.setText(item.note)
        names = list(item.fields)
        if item.kind == "figure":
            names = [n for n in FIGURE_FIELDS if n in item.fields or n in ("bound", "year", "outlet")] + \
                [n for n in item.fields if n not in FIGURE_FIELDS]
        for name in names:
            editor = FieldEditor(item, name, self._edited)
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor.widget)
            column.addWidget(editor.problem)
            label = QLabel(_label(name) + (translate("ui.draft_review", " (to write)") if name in item.todo else ""))
            label.setBuddy(editor.widget)
            self.form.addRow(label, box)
            label.show()  # at once, not on the next event loop turn: a Tab pressed right away reaches them
            box.show()
            self.editors.append(editor)
        chain = [self.tree, *(e.widget for e in self.editors), self.keep_button, self.drop_button, self.save_button]
        for before, after in zip(chain, chain[1:], strict=False):  # Tab: list → the item's fields → buttons
            QWidget.setTabOrder(before, after)
        self._show_problems()

    @staticmethod
    def _heading(item: DraftItem) -> str:
        if item.kind == "source":
            return _shown(item)
        return f"{translate('ui.draft_review', ITEM_NAMES[item.kind])}: {_shown(item)}"

    def _edited(self) -> None:
        self.changed = True
        item = self.current
        if item is not None:
            node = self.nodes[id(item)]
            node.setText(0, _shown(item))
            self.item_title.setText(self._heading(item))
            if item.todo and item.ready and not item.accepted:  # written now: kept, as the person means it
                node.setCheckState(0, Qt.CheckState.Checked)
        self.schedule_recheck()

    def schedule_recheck(self) -> None:
        self.recheck_timer.start()

    def recheck(self) -> list[DraftProblem]:
        """The problems ``main.py check`` would report on the pack the draft writes now."""
        self.recheck_timer.stop()
        try:
            self.problems = drafting.check_draft(self.draft)
        except Exception as exc:  # a value typed into a field the writer cannot write: say so, keep editing
            self.problems = [DraftProblem(self.current, "", translate("ui.draft_review", "cannot be written: {reason}")
                                          .format(reason=exc))]
        self._show_problems()
        return self.problems

    def _show_problems(self) -> None:
        by_item: dict[int, list[DraftProblem]] = {}
        general = []
        for problem in self.problems:
            if problem.item is None:
                general.append(problem.message)
            else:
                by_item.setdefault(id(problem.item), []).append(problem)
        for item in self.draft.items:
            node = self.nodes[id(item)]
            found = by_item.get(id(item), [])
            if found and item.accepted:
                status = (translate("ui.draft_review", "{count} problem") if len(found) == 1 else
                          translate("ui.draft_review", "{count} problems")).format(count=i18n.number(len(found)))
            elif item.todo and not item.ready:
                status = translate("ui.draft_review", "to write: {fields}").format(
                    fields=", ".join(_label(name).lower() for name in item.todo))
            else:
                status = translate("ui.draft_review", "kept") if item.accepted else translate("ui.draft_review",
                                                                                                "dropped")
            node.setText(1, status)
            node.setForeground(1, PROBLEM_COLOUR if found and item.accepted else self.palette().text().color())
        self.pack_problems.setText("\n".join(general))
        self.pack_problems.setVisible(bool(general))
        current = by_item.get(id(self.current), []) if self.current is not None else []
        for editor in self.editors:
            editor.show_problem([p.message for p in current if p.field == editor.name or
                                 (not p.field and editor is self.editors[0])])
            editor.highlight_difference(self.draft.article.text)
        listed = sum(1 for p in self.problems if p.item is None or p.item.accepted)
        waiting = 0
        if listed:
            text = (translate("ui.draft_review", "{count} problem to fix before saving") if listed == 1 else
                    translate("ui.draft_review", "{count} problems to fix before saving"))
        else:
            text = translate("ui.draft_review", "Ready to save: the pack passes the check.")
            waiting = len(left_to_write(self.draft))
            if waiting:  # saved, but commented out: without this the person learns it only from pack.toml
                text += " " + (translate("ui.draft_review", "{waiting} item still to write is saved commented out "
                                                            "in pack.toml, not in the briefing.")
                               if waiting == 1 else
                               translate("ui.draft_review", "{waiting} items still to write are saved commented out "
                                                            "in pack.toml, not in the briefing."))
        self.status.setText(text.format(count=i18n.number(listed), waiting=i18n.number(waiting)))

    def reject(self) -> None:
        """Cancel or Esc: after any review work, only once the person says to throw it away."""
        if self.changed and self.saved_to is None and not confirm(
                self, translate("ui.draft_review", "Discard this draft?"),
                translate("ui.draft_review", "Your review of this draft is not saved. Discard it?")):
            return
        super().reject()

    # -- saving -----------------------------------------------------------------------------------------
    def save(self) -> Path | None:
        """Check, choose where the pack's folder goes, write it, check it as ``main.py check`` does."""
        problems = self.recheck()
        if problems:
            first = next((p.item for p in problems if p.item is not None), None)
            if first is not None:
                self.select_item(first)
            self.status.setText(translate("ui.draft_review", "Not saved: {count} problem(s) to fix first (shown "
                                          "beside the fields).").format(count=i18n.number(len(problems))))
            return None
        start = str(self.settings.value("folders/draft", str(Path.home()))) if self.settings else str(Path.home())
        parent = QFileDialog.getExistingDirectory(self, translate("ui.draft_review", "Save the new briefing pack: "
                                                                  "choose where its folder goes"), start)
        if not parent:
            return None
        folder = Path(parent) / self.draft.pack_id
        force = False
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            if not confirm(self, translate("ui.draft_review", "Replace the pack?"),
                           translate("ui.draft_review", "{folder} already holds files. Replace its pack.toml and "
                                     "{source}?").format(folder=folder, source=self.draft.source_file)):
                return None
            force = True
        try:
            written = drafting.save_draft(self.draft, folder, force=force)
        except PackError as exc:
            warn(self, translate("ui.draft_review", "Pack not saved"),
                 translate("ui.draft_review", "The pack in {folder} has problems:").format(folder=folder) + "\n"
                 + "\n".join(map(str, exc.problems)))
            return None
        except (OSError, drafting.DraftExists) as exc:
            warn(self, translate("ui.draft_review", "Pack not saved"),
                 translate("ui.draft_review", "Could not write {folder}: {reason}").format(folder=folder, reason=exc))
            return None
        if self.settings is not None:
            self.settings.setValue("folders/draft", parent)
        self.saved_to = written
        self.accept()
        self.saved.emit(written)
        return written


class DraftFlow:
    """One "new briefing from an article": choose it, draft it behind a progress dialog, review, save, import."""

    def __init__(self, parent: QWidget, settings: QSettings, article: Path,
                 on_saved: Callable[[Path], object]):
        self.parent, self.settings, self.article, self.on_saved = parent, settings, article, on_saved
        self.review: DraftReview | None = None
        self.error: QMessageBox | None = None
        self.done = False
        self.progress = QProgressDialog(translate("ui.draft_review", "Drafting a briefing from {name}…").format(
            name=article.name), translate("ui.draft_review", "Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(translate("ui.draft_review", "New briefing from an article"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setAccessibleName(translate("ui.draft_review", "Drafting progress"))
        # Not a child of the window: a draft still running when the window closes finishes on its own
        # (it is bounded by the article's size limits) instead of being destroyed mid-run.
        self.worker = DraftWorker(article)
        _RUNNING.add(self.worker)
        self.worker.finished.connect(lambda worker=self.worker: _RUNNING.discard(worker))
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)
        self.worker.succeeded.connect(self._drafted)
        self.worker.failed.connect(self._failed)
        self.progress.canceled.connect(self.cancel)
        self.progress.rejected.connect(self.cancel)  # Esc rejects the dialog without emitting canceled
        self.progress.show()
        self.worker.start()

    @classmethod
    def start(cls, parent: QWidget, settings: QSettings, on_saved: Callable[[Path], object]) -> DraftFlow | None:
        """Ask for the article (the folder last used is remembered), then draft it."""
        start = str(settings.value("folders/article", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(parent, translate("ui.draft_review", "New briefing from an article: "
                                                                "choose the article"), start,
                                              translate("ui.draft_review", ARTICLE_FILTER))
        if not path:
            return None
        settings.setValue("folders/article", str(Path(path).parent))
        return cls(parent, settings, Path(path), on_saved)

    def cancel(self) -> None:
        """Close at once; a draft still running finishes on its own and is thrown away."""
        if self.done:  # already drafted, failed or cancelled: closing the progress dialog then is not a cancel
            return
        self.worker.cancelled = True
        self.done = True
        self.progress.close()

    def wait(self) -> None:
        if not self.worker.isFinished():
            self.worker.wait()

    def _drafted(self, draft: Draft) -> None:
        if self.done:
            return
        self.done = True
        self.progress.close()
        self.review = DraftReview(draft, self.settings, self.parent)
        self.review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review.saved.connect(self.on_saved)
        self.review.open()

    def _failed(self, message: str) -> None:
        if self.done:
            return
        self.done = True
        self.progress.close()
        self.error = warn(self.parent, translate("ui.draft_review", "No draft"), message, name="draft-failed")
