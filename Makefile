# plangen: `make demo` renders the examples, `make test` runs the whole suite.
# Both create the virtual environment and install what they need on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Development and CI install exactly what requirements-dev.lock pins (with hashes); pyproject.toml
# keeps the >= ranges for people who install the package. `make lock` refreshes the lock.
LOCK := requirements-dev.lock
SOFFICE := $(shell command -v soffice 2>/dev/null)

.PHONY: demo test lint bench templates docs messages golden lock git-setup clean

$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe \
	    --extra dev --all-build-deps --strip-extras --no-emit-index-url --no-emit-find-links \
	    -o $(LOCK) pyproject.toml

git-setup: $(STAMP)
	$(BIN)/plangen git-setup

demo: $(STAMP)
	$(BIN)/plangen render examples/*.yaml --out-dir out $(if $(SOFFICE),--pdf,)
	@$(if $(SOFFICE),,echo "LibreOffice not found: DOCX only (apt-get install libreoffice-writer-nogui fonts-liberation2 for PDF)")

test: $(STAMP)
	$(BIN)/ruff check generator tests tools
	$(BIN)/mypy
	$(BIN)/python tools/messages.py --check
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python tools/bench.py

templates: $(STAMP)
	$(BIN)/python tools/build_templates.py

docs: $(STAMP)
	$(BIN)/python tools/build_docs.py

messages: $(STAMP)
	$(BIN)/python tools/messages.py

golden: $(STAMP)
	$(BIN)/python -m pytest tests/document/test_examples.py tests/plan/test_bad_inputs.py --update-golden

clean:
	rm -rf $(VENV) $(VENV)-lock out build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
