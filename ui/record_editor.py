"""Edit one record of a pack in the app: a figure, term, quote, fact or hand-written question.

Opened from the question browser's "Edit…" (an authored question, or the
record a generated question is made from) and from a question's feedback.
Each field has the validator's problems beside it, checked again a moment
after every change (the same validator an import runs, on the edited file),
so "Save" is only offered for a pack that will import. Saving goes through
the facade: pack.toml is changed key by key (comments kept), the pack is
imported again all or nothing, and the re-imported pack is shown afresh.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackError, StoreError
from content.record_edit import ELSEWHERE, NOUNS, EditableField, EditError, fields_of, parse_value
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.messages import warn
from ui.quiz.style import WRONG, mark_colour, tint_text
from ui.state import AppState
from ui.text import plain

#: Field names as the form shows them.
LABELS = {"label": QT_TRANSLATE_NOOP("ui.record_editor", "Label"),
          "amount": QT_TRANSLATE_NOOP("ui.record_editor", "Amount"),
          "unit": QT_TRANSLATE_NOOP("ui.record_editor", "Unit"),
          "approximate": QT_TRANSLATE_NOOP("ui.record_editor", "Approximate"),
          "bound": QT_TRANSLATE_NOOP("ui.record_editor", "Bound"),
          "year": QT_TRANSLATE_NOOP("ui.record_editor", "Year"),
          "quote": QT_TRANSLATE_NOOP("ui.record_editor", "Quote"),
          "term": QT_TRANSLATE_NOOP("ui.record_editor", "Term"),
          "definition": QT_TRANSLATE_NOOP("ui.record_editor", "Definition"),
          "accept": QT_TRANSLATE_NOOP("ui.record_editor", "Also accept"),
          "category": QT_TRANSLATE_NOOP("ui.record_editor", "Category"),
          "text": QT_TRANSLATE_NOOP("ui.record_editor", "Text"),
          "statement": QT_TRANSLATE_NOOP("ui.record_editor", "Statement"),
          "misreadings": QT_TRANSLATE_NOOP("ui.record_editor", "Misreadings"),
          "prompt": QT_TRANSLATE_NOOP("ui.record_editor", "Prompt"),
          "scenario": QT_TRANSLATE_NOOP("ui.record_editor", "Scenario"),
          "answer": QT_TRANSLATE_NOOP("ui.record_editor", "Answer"),
          "tolerance": QT_TRANSLATE_NOOP("ui.record_editor", "Tolerance"),
          "explanation": QT_TRANSLATE_NOOP("ui.record_editor", "Explanation")}
HINTS = {"lines": QT_TRANSLATE_NOOP("ui.record_editor", "one a line"),
         "number": QT_TRANSLATE_NOOP("ui.record_editor", "a number"),
         "integer": QT_TRANSLATE_NOOP("ui.record_editor", "a whole number")}
#: The records as the title and the introduction name them.
NOUN_NAMES = {"figures": QT_TRANSLATE_NOOP("ui.record_editor", "figure"),
              "terms": QT_TRANSLATE_NOOP("ui.record_editor", "term"),
              "quotes": QT_TRANSLATE_NOOP("ui.record_editor", "quote"),
              "facts": QT_TRANSLATE_NOOP("ui.record_editor", "fact"),
              "questions": QT_TRANSLATE_NOOP("ui.record_editor", "question")}


def label_of(name: str) -> str:
    """A field's name as the form shows it."""
    return translate("ui.record_editor", LABELS[name]) if name in LABELS else name


def mnemonic(text: str, taken: set[str], source: str = "") -> str:
    """``text`` with an ``&`` before its first letter no other label of the form uses yet (Alt+letter).

    A label in a script without Latin letters (Japanese) gets the letter from its English ``source`` after it,
    as Japanese software writes it: ``金額(&A)``.
    """
    if source and not text.isascii():
        for char in source:
            if char.isascii() and char.isalpha() and char.casefold() not in taken:
                taken.add(char.casefold())
                return f"{text}(&{char.upper()})"
        return text
    for n, char in enumerate(text):
        if char.isalpha() and char.casefold() not in taken:
            taken.add(char.casefold())
            return f"{text[:n]}&{text[n:]}"
    return text


def _shown(value: Any) -> str:
    """How a TOML value is written in the form."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return str(value).strip() if isinstance(value, str) else str(value)


class RecordEditor(QDialog):
    """A form over one record's editable fields, with live validation and all-or-nothing saving."""

    #: the pack id, after a save re-imported it
    saved = Signal(str)

    def __init__(self, state: AppState, pack_id: str, collection: str, record_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.workspace = state, state.workspace
        self.pack_id, self.collection, self.record_id = pack_id, collection, record_id
        noun = translate("ui.record_editor", NOUN_NAMES[collection]) if collection in NOUN_NAMES else NOUNS[collection]
        self.setWindowTitle(translate("ui.record_editor", "Edit {noun} {id}").format(noun=noun, id=record_id))
        self.setAccessibleName(translate("ui.record_editor", "Edit {noun}").format(noun=noun))
        self.setObjectName("record-editor")
        self.resize(760, 640)
        self.fields = fields_of(collection)
        current = self.workspace.record_values(pack_id, collection, record_id)
        #: each field's text as the form first showed it: only fields changed from it are written
        self.initial: dict[str, str] = {f.name: _shown(current.get(f.name)) for f in self.fields}
        self.inputs: dict[str, QLineEdit | QPlainTextEdit | QCheckBox] = {}
        self.problems: dict[str, QLabel] = {}

        intro = plain(translate("ui.record_editor", "{noun} “{id}” of “{title}”. Saving writes it into the pack's "
                                "pack.toml in your library (its comments and layout are kept) and imports the pack "
                                "again; answers given so far are kept, as the id stays (a quiz under way is saved: "
                                "Resume brings it back).").format(noun=noun.capitalize(), id=record_id,
                                                                  title=self.workspace.pack(pack_id).meta.title))
        intro.setAccessibleName(translate("ui.record_editor", "About this form"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        taken = set("sc")  # Save and Cancel keep their Alt+S and Alt+C
        for field in self.fields:
            editor = self._input(field)
            label = QLabel(translate("ui.record_editor", "{label}:").format(
                label=mnemonic(label_of(field.name), taken, LABELS.get(field.name, field.name))))
            label.setBuddy(editor)
            problem = plain()
            problem.setAccessibleName(translate("ui.record_editor", "Problems with {field}").format(
                field=label_of(field.name)))
            tint_text(problem, mark_colour(self, WRONG), bold=True)
            problem.hide()
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            column.addWidget(problem)
            holder = QWidget()
            holder.setLayout(column)
            form.addRow(label, holder)
            self.inputs[field.name] = editor
            self.problems[field.name] = problem
        self.elsewhere = plain()
        self.elsewhere.setAccessibleName(translate("ui.record_editor", "Other problems"))
        tint_text(self.elsewhere, mark_colour(self, WRONG), bold=True)
        self.elsewhere.hide()
        self.status = plain()
        self.status.setAccessibleName(translate("ui.record_editor", "Status"))

        body = QWidget()
        stack = QVBoxLayout(body)
        stack.addLayout(form)
        stack.addStretch(1)  # the fields keep their height; the room left stays below them
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.check)
        self.check()
        first = self.inputs[self.fields[0].name]
        first.setFocus()

    @property
    def save_button(self) -> QPushButton:
        """Save, looked up each time: a wrapper kept from the button box was found deleted (PySide) once the
        dialog had been laid out again in a window under ~700 px tall, and Save could then never be enabled."""
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None  # made in __init__
        return button

    def _input(self, field: EditableField) -> QLineEdit | QPlainTextEdit | QCheckBox:
        text = self.initial[field.name]
        name = label_of(field.name)
        editor: QLineEdit | QPlainTextEdit | QCheckBox
        if field.kind == "bool":
            editor = QCheckBox()
            editor.setChecked(text == "True")
            editor.toggled.connect(lambda _on: self._changed())
        elif field.kind in ("paragraph", "lines"):
            editor = QPlainTextEdit(text)
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * (4 if field.kind == "paragraph" else 3) + 16)
            editor.textChanged.connect(self._changed)
        else:
            editor = QLineEdit(text)
            editor.textChanged.connect(lambda _text: self._changed())
        hint = translate("ui.record_editor", HINTS[field.kind]) if field.kind in HINTS else None
        if isinstance(editor, QLineEdit | QPlainTextEdit):
            needed = translate("ui.record_editor", "required") if field.required else translate("ui.record_editor",
                                                                                                  "optional")
            editor.setPlaceholderText(translate("ui.record_editor", ", ").join(filter(None, [needed, hint])))
        editor.setAccessibleName(name)
        return editor

    def _text(self, name: str) -> str:
        editor = self.inputs[name]
        if isinstance(editor, QCheckBox):
            return str(editor.isChecked())
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def _changed(self) -> None:
        self.save_button.setEnabled(False)  # until the check of what is typed now has passed
        self._debounce.start()

    def changes(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """(the fields changed from what the form first showed, as TOML values; fields whose text is no value)."""
        changes: dict[str, Any] = {}
        bad: dict[str, list[str]] = {}
        for field in self.fields:
            text = self._text(field.name)
            if text == self.initial[field.name]:
                continue
            try:
                changes[field.name] = parse_value(field, text)
            except EditError as exc:
                bad[field.name] = [translate("ui.record_editor", "Write {what}").format(what=exc)]
        return changes, bad

    def check(self) -> bool:
        """Show each field's problems beside it; True (and Save offered) when there are changes and no problem."""
        self._debounce.stop()
        changes, problems = self.changes()
        if not problems:
            try:
                problems = self.workspace.check_record_edit(self.pack_id, self.collection, self.record_id, changes)
            except (PackError, EditError) as exc:
                problems = {ELSEWHERE: [str(exc)]}
        for name, label in self.problems.items():
            label.setText("\n".join(f"✗ {message}" for message in problems.get(name, [])))
            label.setVisible(name in problems)
        others = problems.get(ELSEWHERE, [])
        self.elsewhere.setText("\n".join(f"✗ {message}" for message in others))
        self.elsewhere.setVisible(bool(others))
        ok = bool(changes) and not problems
        count = sum(len(v) for v in problems.values())
        if problems:
            text = (translate("ui.record_editor", "{count} problem to fix before saving") if count == 1 else
                    translate("ui.record_editor", "{count} problems to fix before saving"))
        else:
            text = translate("ui.record_editor", "Ready to save") if changes else translate("ui.record_editor",
                                                                                            "No changes yet")
        self.status.setText(text.format(count=i18n.number(count)))
        self.save_button.setEnabled(ok)
        return ok

    def save(self) -> None:
        """Write, re-import and show the pack afresh; on any problem nothing changed and the form says why."""
        if not self.check():
            return
        changes, _bad = self.changes()
        self.status.setText(translate("ui.record_editor", "Saving and importing the pack again…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # seconds for a pack of thousands of records
        try:
            self.workspace.save_record_edit(self.pack_id, self.collection, self.record_id, changes)
        except PackError as exc:
            self.elsewhere.setText("\n".join(f"✗ {p}" for p in exc.problems))
            self.elsewhere.show()
            self.status.setText(translate("ui.record_editor", "Not saved: the pack would not import (nothing was "
                                          "changed)"))
            return
        except (StoreError, OSError) as exc:
            warn(self, translate("ui.record_editor", "Saving the pack: not done"),
                 translate("ui.record_editor", "The pack could not be saved: {reason}. Nothing was changed.").format(
                     reason=exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.state.set_pack(self.pack_id, force=True)
        self.saved.emit(self.pack_id)
        self.accept()
