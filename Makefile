# Two commands do all the set-up on a fresh machine with python3 and make:
#   make run   - create .venv, install acumap, start the window
#   make test  - create .venv, install with test extras, run the whole suite offscreen
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint figures screenshot clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*; touch $@

run: $(STAMP)
	$(VENV)/bin/acumap

# The core, geometry and loaders tests run with PySide6 unimportable (tests/conftest.py), the
# rest (window, handout, command line) with Qt offscreen: each test once
NO_QT_TESTS = tests/test_cache.py tests/test_data_rules.py tests/test_figure_set.py \
	tests/test_figures.py tests/test_handout_core.py tests/test_hostile_data.py \
	tests/test_hostile_figures.py tests/test_loaders.py tests/test_pathway.py \
	tests/test_placement.py tests/test_placement_v2.py tests/test_search_every_point.py \
	tests/test_sites.py tests/test_no_qt.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 tests/qt \
		$(filter-out $(NO_QT_TESTS),$(wildcard tests/test_*.py))
	ACUMAP_TEST_NO_QT=1 $(PY) -m pytest -n 2 -p no:pytest-qt -W ignore::pytest.PytestConfigWarning $(NO_QT_TESTS)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check acumap tests tools benchmarks
	$(VENV)/bin/mypy

lint: $(STAMP)
	$(VENV)/bin/ruff check acumap tests tools benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

figures: $(STAMP)
	$(PY) tools/make_figures.py

# The bundled hanzi font: a Noto Sans SC subset of the characters in data/ (assets/fonts).
# The 17 MB source font comes from PyPI, into .venv only: the app never needs it.
.PHONY: font
font: $(STAMP)
	$(PY) -m pip install --quiet --no-deps justmytype-intl-cjk
	$(PY) tools/make_font.py

# The README's pictures, made by the app itself.
screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/acumap --screenshot docs/screenshot.png --select LI4 --size 1400x900
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/acumap handout PC6 ST36 LI4 -o /tmp/acumap-readme.pdf \
		--for "Ana Lima" --by "Lotus Clinic" --pregnant --paper a4
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile /tmp/acumap-readme.pdf docs/handout

clean:
	rm -rf $(VENV) build dist *.egg-info
