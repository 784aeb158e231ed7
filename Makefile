# Schakel: set-up, run and test. `make help` lists the targets.
# Works on a fresh clone of a Debian machine: installs what it needs (as root via apt-get).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# pytest-xdist workers: 2 took the suite from 153 s to 91 s on a 2-core machine; 0 = no xdist.
PYTEST_WORKERS ?= 2
# Extra pytest arguments, e.g. `make test-sqlite PYTEST_ARGS="-k login -x"`.
PYTEST_ARGS ?=
PYTEST := $(PY) -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Every command names its settings, so a DJANGO_SETTINGS_MODULE left in the shell can't leak in.
DEV_ENV := DJANGO_SETTINGS_MODULE=config.settings.dev
TEST_ENV := DJANGO_SETTINGS_MODULE=config.settings.test SCHAKEL_CHROMIUM=$(CHROMIUM) PYTHON=$(PY)

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help run test setup setup-dev venv assets messages dev-keys demo-db \
        lint typecheck migrations-check deploy-check test-sqlite test-postgres bench \
        benchmark-convergence benchmark-cases lock clean

help:
	@echo "Schakel"
	@echo "  make run             demo op http://$(HOST):$(PORT)/ (installeert, migreert, vult demodata)"
	@echo "  make test            alle controles en tests: lint, mypy, migraties, check --deploy,"
	@echo "                       pytest op SQLite en op PostgreSQL"
	@echo "  make lint            ruff check + ruff format --check"
	@echo "  make typecheck       mypy (strict)"
	@echo "  make test-sqlite     pytest op SQLite            (PYTEST_ARGS=... voor extra opties)"
	@echo "  make test-postgres   pytest op een tijdelijke PostgreSQL-cluster"
	@echo "  make bench           benchmarks/processing_log.py"
	@echo "  make benchmark-convergence  benchmarks/convergence.py op SQLite (met splink) en PostgreSQL"
	@echo "                       (BENCH_ARGS=\"--records 20000\" voor een snelle ronde)"
	@echo "  make benchmark-cases benchmarks/cases.py op SQLite en PostgreSQL, met locust"
	@echo "                       (BENCH_ARGS=\"--cases 2000 --signals 20000 --interventions 6000\")"
	@echo "  make lock            requirements/*.txt opnieuw vastleggen met uv (met hashes)"
	@echo "  make clean           verwijdert .venv, node_modules, static/vendor en caches (niet var/)"

# --- set-up -----------------------------------------------------------------------------

# Runtime dependencies only (make run).
setup: system-packages-run venv-base assets dev-keys messages

# Runtime + development dependencies and the system packages the tests use (make test).
setup-dev: system-packages venv-dev assets dev-keys messages

.PHONY: venv-base venv-dev system-packages system-packages-run
system-packages:
	SCHAKEL_CHROMIUM=$(CHROMIUM) scripts/ensure-system-packages chromium gettext postgresql npm pango
system-packages-run:
	scripts/ensure-system-packages pango

venv:
	scripts/ensure-venv
venv-base:
	scripts/ensure-venv requirements/base.txt
venv-dev:
	scripts/ensure-venv requirements/dev.txt

assets:
	scripts/ensure-node-modules
	scripts/copy-assets

# .mo files are built here and git-ignored.
messages:
	$(DEV_ENV) PYTHON=$(PY) scripts/compile-messages

dev-keys:
	test -f var/dev-keys.json || $(DEV_ENV) $(PY) manage.py generate_dev_keys

# --- run --------------------------------------------------------------------------------

demo-db: setup
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py rebuild_identity_encodings --no-progress
	$(DEV_ENV) $(PY) manage.py seed_demo

run: demo-db
	$(DEV_ENV) $(PY) manage.py demo_accounts --address http://$(HOST):$(PORT)/
	$(DEV_ENV) $(PY) manage.py apply_retention --schedule
	$(DEV_ENV) $(PY) manage.py send_notifications --schedule
	@echo "==> E-mail van de demo (berichten over werk, zonder persoonsgegevens) staat als bestanden in $(CURDIR)/var/mail/"
	@echo "==> Schakel draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl-C)"
	$(DEV_ENV) SCHAKEL_BASE_URL=http://$(HOST):$(PORT) exec scripts/run-dev $(PY) $(HOST) $(PORT)

# --- test -------------------------------------------------------------------------------

# In order; the first failure stops the run (with-postgres always cleans up after itself).
test: setup-dev lint typecheck migrations-check deploy-check test-sqlite test-postgres
	@echo "==> make test: alles geslaagd (all checks passed)"

lint: venv-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: venv-dev
	env -u DATABASE_URL $(TEST_ENV) $(VENV)/bin/mypy .

migrations-check: venv-dev
	env -u DATABASE_URL $(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

deploy-check: venv-dev
	PYTHON=$(PY) scripts/check-deploy

# pytest exits 5 when it collected no tests: that is non-zero, so it fails the run too.
test-sqlite: setup-dev
	env -u DATABASE_URL $(TEST_ENV) $(PYTEST)

test-postgres: setup-dev
	$(TEST_ENV) scripts/with-postgres $(PYTEST)

bench: setup-dev
	$(PY) benchmarks/processing_log.py

# The convergence benchmark needs the `bench` group (numpy, splink with DuckDB): requirements/bench.txt.
BENCH_ARGS ?=
benchmark-convergence: setup-dev
	scripts/ensure-venv requirements/bench.txt
	env -u DATABASE_URL $(PY) benchmarks/convergence.py $(BENCH_ARGS)
	$(TEST_ENV) scripts/with-postgres $(PY) benchmarks/convergence.py --database postgresql \
		--skip-splink $(BENCH_ARGS)

# The cases benchmark fills throw-away databases (SQLite file, PostgreSQL database) and runs
# locust against gunicorn on 127.0.0.1 only, bounded in users and time.
benchmark-cases: setup-dev
	scripts/ensure-venv requirements/bench.txt
	$(TEST_ENV) scripts/with-postgres $(PY) benchmarks/cases.py $(BENCH_ARGS)

# --- maintenance ------------------------------------------------------------------------

lock: venv
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --no-emit-index-url \
		--python-version 3.12 --universal -o requirements/base.txt
	$(VENV)/bin/uv pip compile pyproject.toml --group dev --generate-hashes --no-emit-index-url \
		--python-version 3.12 --universal -o requirements/dev.txt
	$(VENV)/bin/uv pip compile pyproject.toml --group dev --group bench --generate-hashes \
		--no-emit-index-url --python-version 3.12 --universal -o requirements/bench.txt

# Keeps var/ (the demo database and its keys).
clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles .stamps .mypy_cache .ruff_cache \
		.pytest_cache .hypothesis test-results
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -path ./node_modules -prune -o -name '*.mo' -path '*/locale/*' -type f -print0 \
		| xargs -0 rm -f
