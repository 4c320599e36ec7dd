# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv test lint run airflow bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,airflow]'
	touch $(STAMP)

venv: $(STAMP)

lint: venv
	$(VENV)/bin/ruff check .

test: venv lint
	$(VENV)/bin/pytest

run: venv
	bash scripts/make_run.sh

airflow: venv
	bash scripts/airflow_standalone.sh

bench: venv
	$(PY) bench/parse.py
	$(PY) bench/ingest.py --n 2000 --repeat 1

clean:
	rm -rf var/airflow var/*.sqlite
