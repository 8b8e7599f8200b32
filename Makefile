# Two entry points for people (README quick start) and one for CI.
#   make run   - create .venv, install the app, open it on the default journal
#   make test  - create .venv, install the app with its test tools, run the linters (ruff and
#                the import contracts of pyproject.toml) and the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
ARGS   ?=

.PHONY: run test lint install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.stamp-app

install: $(VENV)/.stamp-app
install-test: $(VENV)/.stamp-test

run: install
	$(BIN)/nts-desktop $(ARGS)

lint: install-test
	$(BIN)/ruff check nts_desktop tests benchmarks tools
	$(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/python -m pytest $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
