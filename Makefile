# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv test lint run airflow cluster cluster-down bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,airflow,cluster]'
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

# The docker-compose.yml topology as local processes (CeleryExecutor, Redis, PostgreSQL).
cluster: venv
	bash scripts/cluster.sh up

cluster-down:
	bash scripts/cluster.sh down

bench: venv
	$(PY) bench/parse.py
	$(PY) bench/ingest.py

clean:
	rm -rf var/airflow var/*.sqlite
