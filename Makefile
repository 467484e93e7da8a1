# SchoolBridge. `make run` serves the demo; `make test` installs what the tests need and runs them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends
DEMO_CATALOG := catalog/demo/chicago.csv
COMMON_WORDS := sms/common_words.bin

.PHONY: run test bench lint translations translations-update lock system-test-deps demo-catalog

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.app-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.app-installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## Compile the gettext catalogs (.mo files are built, never committed).
translations: $(VENV)/.app-installed
	$(BIN)/pybabel compile -d translations 2>&1 | grep -v '^compiling' || true
	@test -f translations/es/LC_MESSAGES/messages.mo

## The common words of our Latin languages, from wordfreq's lists (sms.common_words: built, never committed).
$(COMMON_WORDS): sms/common_words.py catalog/text.py $(VENV)/.app-installed
	$(BIN)/python -m sms.common_words

## Re-extract messages and merge them into every locale (then translate the new ones).
translations-update: $(VENV)/.app-installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k Np_:1,2 -k Nc_:1c,2 -k lazy_gettext -k L_ --no-location --sort-output \
	  --project SchoolBridge --copyright-holder SchoolBridge -o translations/messages.pot $(wildcard app catalog kiosk sms staff)
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

## PostgreSQL with PostGIS, Redis and nginx for the tests that run on them (Debian's packages; the
## tests start their own servers), Debian's Chromium for the kiosk's browser tests, and axe-core
## (npm) that they inject.
SYSTEM_TEST_PACKAGES := postgresql postgresql-postgis chromium redis-server nginx
system-test-deps: node_modules/axe-core/axe.min.js
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
	    || ! test -x /usr/bin/chromium \
	    || ! command -v redis-server >/dev/null || ! test -x /usr/sbin/nginx; then \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) $(SYSTEM_TEST_PACKAGES); fi

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

run: $(VENV)/.app-installed translations $(COMMON_WORDS)
	$(FLASK) db upgrade
	$(FLASK) catalog import $(DEMO_CATALOG)
	$(FLASK) kiosk demo-fair
	$(FLASK) staff demo-accounts
	SMS_SIMULATOR=1 $(FLASK) run --host 127.0.0.1 --port 5000

test: $(VENV)/.dev-installed translations $(COMMON_WORDS) system-test-deps
	$(BIN)/pytest

bench: $(VENV)/.dev-installed translations $(COMMON_WORDS) system-test-deps
	@command -v wrk >/dev/null || $(APT_INSTALL) wrk  # the HTTP ratios need it (Debian's package)
	$(BIN)/python -m bench

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

## Rebuild the demo catalog (facts only) from the Chicago school profile in ../shared.
demo-catalog: $(VENV)/.app-installed
	$(FLASK) catalog convert ../shared/data/real/chicago_cps_school_profile_sy1617.csv --format cps -o $(DEMO_CATALOG)

## Re-pin requirements.txt and requirements-dev.txt from the .in files, in a scratch venv.
lock:
	rm -rf /tmp/schoolbridge-lock && $(PYTHON) -m venv /tmp/schoolbridge-lock
	/tmp/schoolbridge-lock/bin/pip install -q -r requirements.in
	(echo "# Compiled pins of requirements.in (make lock). Python 3.11."; /tmp/schoolbridge-lock/bin/pip freeze) > requirements.txt
	/tmp/schoolbridge-lock/bin/pip freeze | sort > /tmp/schoolbridge-lock/app.txt
	/tmp/schoolbridge-lock/bin/pip install -q -r requirements-dev.in
	(echo "# Compiled pins of requirements-dev.in on top of requirements.txt (make lock)."; echo "-r requirements.txt"; \
	  /tmp/schoolbridge-lock/bin/pip freeze | sort | comm -13 /tmp/schoolbridge-lock/app.txt -) > requirements-dev.txt
