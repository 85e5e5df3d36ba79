# Meslek Rehberi. `make run` and `make test` do all set-up on a fresh Debian machine.
# Debian packages come from one script, scripts/system-packages.sh (apt-get as root; otherwise
# it prints the `sudo apt-get install` line): each target asks for the groups it uses.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run mo lock test test-suite test-fast test-midnight test-browser test-stack test-faults lint lint-code lint-templates format format-templates check editor reviewer messages \
	screenshots bench bench-login bench-scale bench-mixed bench-reports stack stack-stop clean

SYSTEM := PYTHON=$(PYTHON) bash scripts/system-packages.sh
# Every target installs what its tests need, so a test that would skip for a missing server or
# extra fails instead (tests/helpers.py: require).
export REQUIRE_ALL_TESTS := 1

# Installed from the lock files (exact versions, checked against their hashes), then the project
# itself without dependencies. Again only when a lock file changes (stamp files), so a second run
# is quick. pyproject.toml keeps the ranges; `make lock` turns them into requirements/*.txt.
INSTALL := $(PIP) install --quiet --require-hashes -r

$(VENV)/.stamp-base: requirements/base.txt
	@$(SYSTEM) venv
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(INSTALL) requirements/base.txt
	$(PIP) install --quiet --no-deps -e .
	touch $@

$(VENV)/.stamp-postgres: $(VENV)/.stamp-base requirements/postgres.txt
	$(INSTALL) requirements/postgres.txt
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-postgres requirements/test.txt
	$(INSTALL) requirements/test.txt
	touch $@

$(VENV)/.stamp-bench: $(VENV)/.stamp-postgres requirements/bench.txt
	$(INSTALL) requirements/bench.txt
	touch $@

## The compiled catalogues (.mo) are build output: made from the .po files when missing or older
## (gettext's msgfmt if installed, else polib in pure Python: no system package needed).
mo: $(VENV)/.stamp-base
	@$(PY) scripts/compile_messages.py

## Regenerate requirements/*.txt from pyproject.toml (keeps pins; `scripts/lock.sh --upgrade`
## moves them all, `--upgrade-package NAME` one).
lock:
	PYTHON=$(PYTHON) bash scripts/lock.sh

run: $(VENV)/.stamp-base mo
	$(MANAGE) migrate --noinput
	$(MANAGE) loaddemo
	$(MANAGE) runserver $(HOST):$(PORT)

## Everything (installs what it needs: Chromium, PostgreSQL, Redis, Varnish, nginx): the suite
## below, then the stack's end-to-end tests, the fault tests and the query plans at scale.
test: $(VENV)/.stamp-test
	@$(SYSTEM) all
	$(MAKE) test-suite
	$(MAKE) test-stack
	$(MAKE) test-faults
	bash scripts/ci-scale.sh

## Unit, view, admin and browser tests on the configured database (CI runs it on PostgreSQL too).
test-suite: $(VENV)/.stamp-test mo
	@$(SYSTEM) suite browser
	$(PY) -m pytest

## Quick local loop: everything but the browser tests.
test-fast: $(VENV)/.stamp-test mo
	@$(SYSTEM) suite
	$(PY) -m pytest -m "not browser"

## The non-browser suite with the whole session's clock where UTC and Istanbul disagree about
## the date (tests/conftest.py: TEST_CLOCK): today at 23:30 UTC (02:30 tomorrow in Istanbul)
## and New Year's Eve at 21:30 UTC (already next year there), side by side (one core each).
## MIDNIGHT_CLOCKS="..." for others.
MIDNIGHT_CLOCKS ?= $(shell date -u +%Y-%m-%d)T23:30:00Z $(shell date -u +%Y)-12-31T21:30:00Z
test-midnight: $(VENV)/.stamp-test mo
	@$(SYSTEM) suite
	PY=$(PY) bash scripts/test-midnight.sh $(MIDNIGHT_CLOCKS)

## Real PostgreSQL, Redis, SQLite lock and mail server failing under gunicorn (tests/faults).
test-faults: $(VENV)/.stamp-test mo
	bash scripts/ci-faults.sh

test-browser: $(VENV)/.stamp-test mo
	@$(SYSTEM) browser
	$(PY) -m pytest -m browser

## End-to-end tests against a stack of their own (PostgreSQL, Redis, 2 gunicorn, nginx, Varnish).
test-stack: $(VENV)/.stamp-test mo
	@$(SYSTEM) stack
	$(PY) -m pytest -m stack tests/stack

## A production-like site on 127.0.0.1 (prints its addresses; writes var/stack.env).
stack: $(VENV)/.stamp-postgres mo
	@$(SYSTEM) stack
	@bash scripts/stack.sh start

stack-stop:
	@bash scripts/stack.sh stop

## What .pre-commit-config.yaml runs, from the venv at the same versions (CI cannot fetch the
## hook repositories), over every file git tracks. The whitespace and end-of-file fixers fix
## what they find and fail, as pre-commit does (run it again to see it pass); `make format`
## applies ruff's and django-upgrade's fixes; `make format-templates` reindents the templates.
LINT_TEMPLATES := lint-templates
BIN := $(VENV)/bin
# The seed article (fixtures/seed) is kept byte for byte as it came.
TEXT_FILES := git grep -zIl '' -- . ':!fixtures/seed/'
PY_FILES := git ls-files -z '*.py'
lint: lint-code $(LINT_TEMPLATES)

lint-code: $(VENV)/.stamp-test
	$(TEXT_FILES) | xargs -0r $(BIN)/trailing-whitespace-fixer
	$(TEXT_FILES) | xargs -0r $(BIN)/end-of-file-fixer
	git ls-files -z '*.yaml' '*.yml' | xargs -0r $(BIN)/check-yaml
	git ls-files -z '*.toml' | xargs -0r $(BIN)/check-toml
	$(PY_FILES) | xargs -0r $(BIN)/django-upgrade --target-version 5.2 --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Template indentation (djhtml --check); `make format-templates` reindents them.
lint-templates: $(VENV)/.stamp-test
	git ls-files -z 'templates/*.html' | xargs -0r $(BIN)/djhtml --check

format: $(VENV)/.stamp-test
	-$(PY_FILES) | xargs -0r $(BIN)/django-upgrade --target-version 5.2
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

format-templates: $(VENV)/.stamp-test
	git ls-files -z 'templates/*.html' | xargs -0r $(BIN)/djhtml

check: $(VENV)/.stamp-test
	$(PY) scripts/check_lock.py
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_ENV=production DJANGO_ALLOWED_HOSTS=example.org SITE_URL=https://example.org \
	  REDIS_URL=redis://127.0.0.1:6379/0 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  $(MANAGE) check --deploy --fail-level WARNING

## Create an editor account (prompts for a password; there is no default password).
editor: $(VENV)/.stamp-base mo
	$(MANAGE) migrate --noinput
	$(MANAGE) createeditor

## The same in "Yayın kurulu": an editor who also approves others' changes.
reviewer: $(VENV)/.stamp-base mo
	$(MANAGE) migrate --noinput
	$(MANAGE) createeditor --reviewer

## Refresh the Turkish catalogue after adding UI strings (needs gettext's msguniq and msgfmt).
messages: $(VENV)/.stamp-base
	@$(SYSTEM) gettext
	# Parallel branches merge the .po with `merge=union`: drop the duplicates first.
	msguniq --use-first -o locale/tr/LC_MESSAGES/django.po locale/tr/LC_MESSAGES/django.po
	$(MANAGE) makemessages -l tr --no-location --no-obsolete --ignore='.venv/*' --ignore='tests/*'
	$(PY) scripts/compile_messages.py --force

## wrk against a stack of its own: front cache vs a static file, page cache vs the Django floor.
bench: $(VENV)/.stamp-postgres mo
	@$(SYSTEM) bench
	$(PY) bench/run.py

## Readers (95%), commenters (4%) and editors (1%) at once against a stack of its own, with Locust,
## then the same without editors; per class: requests, failures, p50/p95/p99, the front's hit ratio.
bench-mixed: $(VENV)/.stamp-bench mo
	@$(SYSTEM) stack
	$(PY) bench/mixed.py

## The cached article while the admin login is flooded with wrong passwords (django-axes).
bench-login: $(VENV)/.stamp-test mo
	@$(SYSTEM) bench
	$(PY) bench/login_flood.py

## Demo size against 10,000 roles / 1,000,000 comments: every page's in-process time, ratio,
## queries and size (throwaway SQLite databases; PostgreSQL: scripts/with-postgres.sh make bench-scale).
bench-scale: $(VENV)/.stamp-test mo
	$(PY) bench/scale.py

## The readers' report batch at 10,000 roles / 1,000,000 reports, cold and quiet (SQLite;
## PostgreSQL: scripts/with-postgres.sh .venv/bin/python bench/reports.py).
bench-reports: $(VENV)/.stamp-test mo
	$(PY) bench/reports.py

## Full-page screenshots of the seed article at 375 and 1280 px into docs/screenshots/ (README).
screenshots: $(VENV)/.stamp-test mo
	@$(SYSTEM) browser
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
