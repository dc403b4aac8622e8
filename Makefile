# The README's two commands: `make run` and `make test`. Each sets up what it needs on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# `make run PORT=8010` for a second checkout or a busy port.
PORT ?= 8000
# Prints the DATABASE_URL to use: $DATABASE_URL, else PostgreSQL on 127.0.0.1:5432, else a project-local server.
WITH_DB = url="$$($(PY) bin/devdb.py)" && export DATABASE_URL="$$url"

.PHONY: install run test lint messages db-stop

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	@$(WITH_DB) && \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py seed_demo --if-empty && \
	echo "The portal runs at http://127.0.0.1:$(PORT)/ (back office: /admin/; create a login with: $(PY) manage.py createsuperuser)" && \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	@$(WITH_DB) && \
	$(PY) -m ruff check . && \
	$(PY) -m ruff format --check . && \
	$(PY) manage.py makemigrations --check --dry-run && \
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check --fix . && $(PY) -m ruff format .

# Regenerate the Danish translations after changing marked strings (needs GNU gettext).
messages: install
	$(PY) manage.py makemessages -l da -i .venv -i staticfiles && $(PY) manage.py compilemessages -i .venv

# Stop the project-local PostgreSQL that `make run` (or manage.py) may have started in .pgdata/; says what it did.
db-stop:
	@if [ -x $(PY) ]; then $(PY) bin/devdb.py --stop; else echo "No $(VENV) here, so no project-local PostgreSQL was started; nothing to stop."; fi
