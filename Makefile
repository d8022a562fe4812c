# The README's promise: `make site`, `make test` and `make serve` set themselves up on a fresh
# machine (a .venv in the repo from the hashed lock files, npm test tools, Debian packages when
# missing).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
CLINIC ?=
OUT ?=
SHARD ?=
TEST_WORKERS ?= 2
export NO_MKDOCS_2_WARNING := 1

.PHONY: site sites serve check test test-all lint types js-test figures bench zensical lock clean system-site system-test

# The project itself is installed editable (`guide` command), its dependencies from the lock.
$(VENV)/.runtime: requirements/runtime.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/runtime.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements/dev.lock
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-site:
	@bash scripts/ensure-system-packages.sh site

system-test:
	@bash scripts/ensure-system-packages.sh test

## Build the guide (or a clinic's copy with CLINIC=clinics/<name>) into site/ (or OUT=...).
site: $(VENV)/.runtime system-site
	$(PY) -m generator site$(if $(CLINIC), --clinic $(CLINIC))$(if $(OUT), --out $(OUT))

## Build the guide into site/ and every clinic under clinics/ into build/sites/<name>/
## (SHARD=i/n builds only the i-th of n shards: the guide and the clinics by name, round robin).
sites: $(VENV)/.runtime system-site
	$(PY) -m generator sites$(if $(SHARD), --shard $(SHARD))

## Preview at http://127.0.0.1:8000, reloading on edits under data/, docs/, overrides/
## (LANGUAGE=es previews the Spanish guide; CLINIC=clinics/<name> a clinic's copy).
serve: $(VENV)/.runtime system-site
	$(if $(CLINIC),GUIDE_BRAND=$(abspath $(CLINIC))/brand.yml) $(if $(LANGUAGE),GUIDE_LANGUAGE=$(LANGUAGE)) $(PY) -m mkdocs serve --dirty -a 127.0.0.1:8000

## Validate the data without building anything.
check: $(VENV)/.runtime
	$(PY) -m generator check$(if $(CLINIC), --clinic $(CLINIC))

## Style and lint (ruff), types (mypy strict, tsc on the browser code), then every test: test files
## run side by side on TEST_WORKERS processes (pytest-xdist; sites the tests share are built once).
test: lint types js-test
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## `make test`, with the checks that visit a named sample of pages (axe, print, the policy, offline
## in the second language; flowchart paths) run on every one (GUIDE_TEST_ALL=1).
test-all: export GUIDE_TEST_ALL := 1
test-all: test

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check generator hooks tests bench
	$(VENV)/bin/ruff format --check generator hooks tests bench

types: $(VENV)/.dev node_modules/.installed
	$(VENV)/bin/mypy
	npx --no-install tsc -p jsconfig.json

js-test: node_modules/.installed system-test $(VENV)/.dev
	node --test tests/js/

## Benchmark the build at 1x, 10x and 100x the shipped library (both protocols, both languages);
## prints a table, writes bench/results/bench.json and table.md, and the README's performance table
## from them (about 15 minutes; `$(PY) bench/run.py --quick` for 1x and 10x).
bench: $(VENV)/.dev system-site
	$(PY) bench/run.py --readme

## Write build/figures.html: every exercise figure large, for a person to review at a glance.
figures: $(VENV)/.runtime
	$(PY) -m generator figures$(if $(CLINIC), --clinic $(CLINIC))

## Build the guide with Zensical from the exported tree.
zensical: $(VENV)/.dev system-site
	$(PY) -m generator write
	cd build/export/guide && ../../../$(VENV)/bin/zensical build

## Re-pin requirements/*.lock from pyproject.toml (newest versions within its ranges; needs PyPI).
lock:
	$(PYTHON) -m venv build/uv && build/uv/bin/pip install --quiet uv==0.13.9
	cd requirements && ../build/uv/bin/uv pip compile ../pyproject.toml tools.in --python-version 3.11.7 \
	  --generate-hashes --no-header -q -o runtime.lock
	cd requirements && ../build/uv/bin/uv pip compile ../pyproject.toml tools.in --extra test --extra bench \
	  --extra zensical --python-version 3.11.7 --generate-hashes --no-header -q -o dev.lock

clean:
	rm -rf site build
