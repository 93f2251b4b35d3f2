# Two commands do all the set-up: `make demo` installs selon and analyses the bundled article; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test bench lint

$(BIN)/selon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/selon

demo: install
	$(BIN)/selon analyze examples/drones-iran-russie.fr.txt

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy
