# The two commands of the README: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint gate bench clean

$(BIN)/strikewatch: pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) (Python 3.11+) on PATH"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: $(BIN)/strikewatch

## the main job on the bundled sample data: build a database, serve the dashboard
demo: setup
	$(BIN)/strikewatch demo

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

## the quality gate: eval on the gold sets against pinned floors
gate: setup
	$(BIN)/python bench/eval_gate.py

## everything CI runs
test: setup lint
	$(BIN)/pytest -n 2 -q
	$(BIN)/python bench/eval_gate.py

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info
