# valuenet-kb. `make run` and `make test` set up everything they need first (idempotent).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
KB := $(VENV)/bin/kb
PYTHON ?= python3
STAMP := $(VENV)/.installed
APT_STAMP := .kb/.apt-installed

.PHONY: setup run test lint typecheck unit bench neo4j-start neo4j-stop clean help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

setup: $(STAMP) $(APT_STAMP) .kb/neo4j/lib/.fetched ## Virtualenv, Python deps, Neo4j jars, Chromium

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# System packages: Java 17 and Maven for Neo4j, Chromium for browser tests and PDFs,
# poppler-utils for checking PDFs, wrk for the panel benchmark, git for `kb import git-log`.
# Installed only when something is missing.
$(APT_STAMP): Makefile
	@mkdir -p .kb
	@missing=""; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	command -v mvn >/dev/null || missing="$$missing maven"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v git >/dev/null || missing="$$missing git"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	touch $@

.kb/neo4j/lib/.fetched: $(STAMP) kb/store/server/pom.xml
	$(KB) neo4j fetch
	touch $@

HOST ?= 127.0.0.1
PORT ?= 8000

run: setup ## Start Neo4j, load the demo ecosystem, serve the panel (HOST=127.0.0.1 PORT=8000)
	$(KB) neo4j start
	$(KB) load examples/ebola-emr.yaml
	$(KB) serve --host $(HOST) --port $(PORT)

test: setup ## Lint, check the layers, type-check and run the whole suite against a real Neo4j
	$(VENV)/bin/ruff check kb web tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy kb web bench
	$(VENV)/bin/pytest

unit: $(STAMP) ## Only the tests that need no server
	$(VENV)/bin/pytest tests/unit

bench: setup ## The benchmark harness at 1k, 10k and 100k components (docs/benchmarks.md)
	$(PY) -m bench --docs $(BENCH_ARGS)

neo4j-start: setup ## Start the project's Neo4j
	$(KB) neo4j start

neo4j-stop: ## Stop the project's Neo4j
	-$(KB) neo4j stop

clean: neo4j-stop ## Remove the virtualenv and all local state (including Neo4j data)
	rm -rf $(VENV) .kb
