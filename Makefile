# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv browser test lint run airflow screenshots cluster cluster-down bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,airflow,cluster]'
	touch $(STAMP)

venv: $(STAMP)

# The UI test drives Debian's chromium (Playwright cannot download a browser here). Installed
# only when missing; root runs apt-get itself, anyone else through sudo.
CHROMIUM := /usr/bin/chromium
SUDO     := $(if $(filter 0,$(shell id -u)),,sudo)
APT      := $(SUDO) apt-get -o DPkg::Lock::Timeout=600

$(CHROMIUM):
	$(APT) install -y --no-install-recommends chromium || \
	  { $(APT) update && $(APT) install -y --no-install-recommends chromium; }
	test -x $(CHROMIUM)

browser: $(CHROMIUM)

lint: venv
	$(VENV)/bin/ruff check .

test: venv browser lint
	$(VENV)/bin/pytest

run: venv
	bash scripts/make_run.sh

airflow: venv
	bash scripts/airflow_standalone.sh

# docs/trigger-form.png, the README's picture of the trigger form, as the UI test sees it.
screenshots: venv browser
	WIRE_ARCHIVE_SCREENSHOTS=docs $(VENV)/bin/pytest tests/dags/test_ui.py -q -k trigger_form

# The docker-compose.yml topology as local processes (CeleryExecutor, Redis, PostgreSQL).
cluster: venv
	bash scripts/cluster.sh up

cluster-down:
	bash scripts/cluster.sh down

bench: venv
	$(PY) bench/parse.py
	$(PY) bench/ingest.py --n 2000 --repeat 1

clean:
	rm -rf var/airflow var/*.sqlite
