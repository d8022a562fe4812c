# The README's promise: `make site`, `make test` and `make serve` set themselves up on a fresh
# machine (a .venv in the repo, npm test tools, Debian packages when missing).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CLINIC ?=
OUT ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: site sites serve check test figures bench zensical clean system-site system-test

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
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
	$(PY) -m generator site $(if $(CLINIC),--clinic $(CLINIC)) $(if $(OUT),--out $(OUT))

## Build the guide into site/ and every clinic under clinics/ into build/sites/<name>/.
sites: $(VENV)/.runtime system-site
	$(PY) -m generator sites

## Preview at http://127.0.0.1:8000, reloading on edits under data/, docs/, overrides/.
serve: $(VENV)/.runtime system-site
	$(if $(CLINIC),GUIDE_BRAND=$(abspath $(CLINIC))/brand.yml) $(PY) -m mkdocs serve -a 127.0.0.1:8000

## Validate the data without building anything.
check: $(VENV)/.runtime
	$(PY) -m generator check $(if $(CLINIC),--clinic $(CLINIC))

test: $(VENV)/.dev node_modules/.installed system-test
	$(PY) -m pytest

## Benchmark the build at 1x, 10x and 100x the shipped protocol; prints a table and writes
## bench/results/bench.json (about 15 minutes; `$(PY) bench/run.py --quick` for 1x and 10x).
bench: $(VENV)/.dev system-site
	$(PY) bench/run.py

## Write build/figures.html: every exercise figure large, for a person to review at a glance.
figures: $(VENV)/.runtime
	$(PY) -m generator.figures --out build/figures.html $(if $(CLINIC),--brand $(CLINIC)/brand.yml)

## Build the guide with Zensical from the exported tree (needs zensical from PyPI).
zensical: $(VENV)/.runtime system-site
	$(PY) -m pip install --quiet -r requirements-zensical.txt
	$(PY) -m generator write
	cd build/export/guide && ../../../$(VENV)/bin/zensical build

clean:
	rm -rf site build
