# Every target sets itself up: a fresh machine needs only Python 3.11 and make.
# `run` installs what the app needs; `test` adds the test tools (readers of our
# exports, linters, type checker) on top, so a first `make run` stays small.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test
SOURCES := main.py app cli content db quiz ui
# One compiled translation per language: every area's i18n/<language>/*.ts into i18n/briefing_<language>.qm.
LANGUAGES := $(notdir $(patsubst %/,%,$(sort $(dir $(wildcard i18n/*/*.ts)))))
QM := $(LANGUAGES:%=i18n/briefing_%.qm)

.PHONY: run test translations lint bench screenshots clean

$(APP_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q $(SOURCES)  # .pyc now, not at the first start
	touch $(APP_STAMP)

.SECONDEXPANSION:
i18n/briefing_%.qm: $$(wildcard i18n/%/*.ts) | $(APP_STAMP)
	$(BIN)/pyside6-lrelease -silent $^ -qm $@

translations: $(QM)

$(TEST_STAMP): $(APP_STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(TEST_STAMP)

run: $(APP_STAMP) $(QM)
	$(BIN)/python main.py

test: $(TEST_STAMP) $(QM)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info $(QM)
