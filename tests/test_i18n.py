"""The translations are complete and faithful, and the interface's strings go through them.

(a) every string the code marks for translation (pyside6-lupdate over ui/ and
quiz/, exactly as a translator would refresh a .ts) has a finished Japanese
translation in i18n/ja/*.ts, so wrapping a new string without translating it
fails here, naming it; (b) every translation keeps its source's placeholders,
%n and Alt letter; (c) the .ts files compile; (d) no file of ui/
(CHECKED_FILES) passes a user-visible literal to a Qt text setter unwrapped.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests_support import ROOT

BIN = Path(sys.executable).parent  # PySide6 installs its tools beside the interpreter of its environment
JAPANESE = sorted((ROOT / "i18n" / "ja").glob("*.ts"))


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or the numerus forms
    finished: bool
    where: str = ""


def messages(ts: Path) -> list[Message]:
    """Every message of a Qt Linguist .ts file (obsolete and vanished ones are not messages any more)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts.name}: {message.findtext('source')!r} has no <translation>"
            kind = translation.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            forms = tuple(f.text or "" for f in translation.iter("numerusform")) or (translation.text or "",)
            location = message.find("location")
            where = ""
            if location is not None:
                file = (ts.parent / location.get("filename", "")).resolve()
                where = f"{file.relative_to(ROOT) if file.is_relative_to(ROOT) else file}:{location.get('line')}"
            found.append(Message(name, message.findtext("source") or "", forms,
                                 kind != "unfinished" and all(forms), where))
    return found


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed (PySide6-Essentials brings it): run `make test`")
    return str(path)


def test_there_is_a_japanese_translation():
    assert JAPANESE, "i18n/ja/*.ts: the Japanese translation is missing"


def test_every_marked_string_has_a_finished_japanese_translation(tmp_path):
    extracted = tmp_path / "extracted.ts"
    subprocess.run([tool("pyside6-lupdate"), "-extensions", "py", "ui", "quiz", "-ts", str(extracted),
                    "-locations", "absolute", "-silent"], cwd=ROOT, check=True, timeout=120, capture_output=True)
    wanted = messages(extracted)
    assert len(wanted) > 100, "lupdate found almost nothing: is it reading the translate(...) calls?"
    done = {(m.context, m.source) for ts in JAPANESE for m in messages(ts) if m.finished}
    missing = [m for m in wanted if (m.context, m.source) not in done]
    assert not missing, (f"{len(missing)} string(s) marked for translation have no finished Japanese translation "
                         "in i18n/ja/*.ts (refresh your area's .ts with pyside6-lupdate and translate them):\n"
                         + "\n".join(f"  {m.where}  [{m.context}] {m.source!r}" for m in missing))


def test_no_message_is_translated_twice_differently():
    seen: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    clashes = []
    for ts in JAPANESE:
        for m in messages(ts):
            earlier = seen.setdefault((m.context, m.source), (ts.name, m.translations))
            if earlier[1] != m.translations:
                clashes.append(f"[{m.context}] {m.source!r}: {earlier[0]} and {ts.name} differ")
    assert not clashes, "\n".join(clashes)


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


@pytest.mark.parametrize("ts", JAPANESE, ids=lambda p: p.name)
def test_translations_keep_placeholders_plural_marks_and_alt_letters(ts):
    wrong = []
    for m in messages(ts):
        for translation in m.translations if m.finished else ():
            if sorted(_PLACEHOLDER.findall(translation)) != sorted(_PLACEHOLDER.findall(m.source)):
                wrong.append(f"[{m.context}] {m.source!r} → {translation!r}: placeholders differ")
            if translation.count("%n") != m.source.count("%n"):
                wrong.append(f"[{m.context}] {m.source!r} → {translation!r}: %n differs")
            if _mnemonics(translation) != _mnemonics(m.source):
                wrong.append(f"[{m.context}] {m.source!r} → {translation!r}: the Alt letter (&) differs")
            if "<" in translation and "<" not in m.source:
                wrong.append(f"[{m.context}] {m.source!r} → {translation!r}: markup in a plain-text translation")
    assert not wrong, "\n".join(wrong)


def test_the_japanese_translation_compiles_with_nothing_unfinished(tmp_path):
    qm = tmp_path / "briefing_ja.qm"
    done = subprocess.run([tool("pyside6-lrelease"), *map(str, JAPANESE), "-qm", str(qm)], check=True,
                          timeout=120, capture_output=True, text=True)
    assert qm.stat().st_size > 0
    assert " 0 unfinished" in done.stdout, done.stdout


# -- (d) no user-visible literal bypasses the translator ---------------------------------------------
#: The files checked so far: every area adds its files as it wraps them (the lead extends the list at merge).
CHECKED_FILES = tuple(sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "ui").rglob("*.py")))
#: Calls whose first argument is text a person reads.
TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText", "setTabText", "addTab",
    "addMenu", "addAction", "showMessage", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "setHeaderLabels", "setHeaderLabel", "setSuffix", "setPrefix", "setSpecialValueText", "setFormat",
    "QLabel", "QPushButton", "QAction", "QMenu", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
    "QCommandLinkButton", "plain",
}
#: Calls with text at other positions: name → indexes of the arguments a person reads.
TEXT_AT = {
    "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "question": (1, 2), "about": (1, 2),
    "QMessageBox": (1, 2), "warn": (1, 2), "inform": (1, 2), "confirm": (1, 2), "show_error": (0, 1),
    "getSaveFileName": (1,), "getOpenFileName": (1,), "getExistingDirectory": (1,), "getItem": (1, 2),
    "getText": (1, 2), "getInt": (1, 2), "insertTab": (2,), "addButton": (0,),
}
#: Literals that are not words for a person to read, or are not translated on purpose: (file, text) → why.
#: e.g. ("ui/x.py", "Anki"): "a product's name". Empty: the core area needs none (the app's name is a constant).
ALLOWED: dict[tuple[str, str], str] = {}


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _literal_text(node: ast.expr) -> list[str]:
    """The user-visible literal text in ``node`` not passed through translate(): plain strings, f-strings,
    and the strings of a list or tuple literal (header labels)."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return [text for item in node.elts for text in _literal_text(item)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if re.search(r"[A-Za-z]{2}", node.value) else []
    if isinstance(node, ast.JoinedStr):
        words = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return [ast.unparse(node)] if re.search(r"[A-Za-z]{2}", words) else []
    if isinstance(node, ast.BinOp):  # "a" + "b", "x %s" % y
        return _literal_text(node.left) + _literal_text(node.right)
    return []


def unwrapped(path: Path) -> list[str]:
    """``line: call: text`` for every literal shown to a person without translate() in the file at ``path``."""
    relative = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        positions = (0,) if name in TEXT_SETTERS else TEXT_AT.get(name, ())
        arguments = [node.args[i] for i in positions if i < len(node.args)]
        arguments += [k.value for k in node.keywords if k.arg in ("text", "title", "toolTip", "statusTip")]
        for argument in arguments:
            for text in _literal_text(argument):
                if (relative, text) not in ALLOWED:
                    found.append((node.lineno, f"{node.lineno}: {name}: {text}"))
    return [line for _number, line in sorted(found)]


def test_the_unwrapped_check_finds_literals_and_lets_translated_text_through(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label.setText("Hello there")\nQPushButton(f"Save {name}")\nwarn(self, "Oops", text)\n'
                      'label.setText(translate("ui.x", "Fine"))\nlabel.setText("…")\nbox.addButton("&Later", role)\n'
                      'table.setHeaderLabels(["File", translate("ui.x", "Line")])\n', encoding="utf-8")
    assert unwrapped(sample) == ["1: setText: Hello there", "2: QPushButton: f'Save {name}'", "3: warn: Oops",
                                 "6: addButton: &Later", "7: setHeaderLabels: File"]


def test_the_interface_shows_no_literal_text_without_the_translator():
    report = {name: found for name in CHECKED_FILES if (found := unwrapped(ROOT / name))}
    assert not report, "user-visible literals not wrapped in translate(...) (see ui/i18n.py):\n" + "\n".join(
        f"{name}:\n" + "\n".join(f"    {line}" for line in lines) for name, lines in report.items())


def test_sentences_are_set_as_their_script_sets_them():
    from ui.i18n import sentences

    assert sentences("Two outlets.", "Sources: Nikkei, NHK.", "") == "Two outlets. Sources: Nikkei, NHK."
    assert sentences("総額と主な歳出。", "出典: 関西日報。", "うち2件は記事に媒体名の記載がありません。") == \
        "総額と主な歳出。出典: 関西日報。うち2件は記事に媒体名の記載がありません。"
    assert sentences("An English caption.", "出典: BFM。", "Note.") == "An English caption. 出典: BFM。Note."
    assert sentences("", "  ") == ""
