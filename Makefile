# Two commands matter (see README): `make run` and `make test`. Both create .venv and
# install the pinned requirements first; nothing else is needed on a fresh machine with
# Python 3.11+.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Test processes: one per core (pytest-xdist); TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= auto

.PHONY: run test lint validate export schema screenshots bench clean

# Installing: the venv's own pip installs uv (one wheel), and uv installs the pinned
# requirements: 10 s instead of pip's 48 s in a fresh clone on this machine (same packages,
# same versions). Keep byte-compiling (--compile-bytecode): the document worker runs under a
# 40 MB memory limit, and compiling pdfplumber's modules on first import there does not fit
# (seen in a fresh clone: a parser out of memory reported as a SyntaxError).
UV_VERSION := 0.13.9
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
INSTALL := $(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/bin/uv: | $(VENV)/bin/python
	$(PIP) uv==$(UV_VERSION)

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/uv
	$(INSTALL) -r requirements.txt
	touch $@

# One resolve for both files (requirements-dev.txt includes requirements.txt).
$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/uv
	$(INSTALL) -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime  ## install and start the dashboard on http://127.0.0.1:$(PORT)
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev  ## install test tools, lint, validate the data and run every test
	$(PY) -m ruff check .
	$(PY) -m policy_model validate
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

lint: $(VENV)/.dev
	$(PY) -m ruff check .

validate: $(VENV)/.runtime
	$(PY) -m policy_model validate

export: $(VENV)/.runtime
	$(PY) -m policy_model export --format json --out export/dataset.json
	$(PY) -m policy_model export --format csv --out export/dataset.csv

schema: $(VENV)/.runtime  ## regenerate the published JSON Schema of the export
	$(PY) -m policy_model schema --out schema/dataset-export.schema.json

# The full browser, as users have it (the tests themselves prefer the lighter headless shell).
screenshots: $(VENV)/.dev  ## refresh docs/screenshots from the real app in headless Chromium
	GLI_CHROMIUM="$$(command -v chromium)" GLI_SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest tests/e2e -k screenshot -q

bench: $(VENV)/.dev  ## measure load, page and browser times; prints a table, writes benchmarks/results/latest.json
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
