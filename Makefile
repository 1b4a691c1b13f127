# wowdesk: `make run` to try it, `make test` to check it. Both work on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/wowdesk

.PHONY: run test lint test-sqlite test-postgres test-deps messages bench clean

# The first run prints one line per step; pip says more only when something fails (-qq).
$(BIN)/python:
	@echo "First run: setting up wowdesk in $(VENV)/ (a minute or two)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -qq --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing wowdesk and its dependencies"
	@$(BIN)/pip install -qq -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	@$(BIN)/python -m wowdesk migrate --noinput -v 0
	@$(BIN)/python -m wowdesk demo --if-empty
	@$(BIN)/python -m wowdesk serve

# Debian packages the tests use for real: chromium for the browser tests (Playwright's own browser download
# cannot work here) and Dovecot as the IMAP server that mail is fetched from.
test-deps:
	@{ command -v chromium >/dev/null 2>&1 && test -x /usr/sbin/dovecot; } || { \
		echo "Installing Debian's chromium and dovecot-imapd for the tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium dovecot-imapd >/dev/null; }

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

test-sqlite: $(VENV)/.installed-test test-deps
	$(BIN)/pytest -q

test-postgres: $(VENV)/.installed-test test-deps
	WOWDESK_DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q

# The two databases' suites are independent (own test database, free ports, temporary media), so they run side by
# side: on a 2-core machine that halves the wall time. Each suite's output is printed when it finishes.
test: lint
	@echo "Running the suites on SQLite and PostgreSQL side by side; each prints when it finishes"
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

# Re-extract and compile the translations (needs GNU gettext).
messages: $(VENV)/.installed
	cd wowdesk && ../$(BIN)/python -m wowdesk makemessages -l da -l nb --no-obsolete --no-location
	cd wowdesk && ../$(BIN)/python -m wowdesk compilemessages

clean:
	rm -rf $(VENV) var
