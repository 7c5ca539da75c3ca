# claimtrack — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := seeds/nato-russia-2021-10.txt

# Prefect keeps its state (the local API's SQLite database) inside the project, quietly.
export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL := WARNING
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run test demo bench train-worthiness train-debate clean

install: $(VENV)/.installed

# Re-installs only when pyproject.toml changes, so the second `make run` starts at once.
$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing claimtrack and its dependencies into $(VENV) ..."
	@$(BIN)/python -m pip install --editable '.[test]' > $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log; echo "install failed (log: $(VENV)/install.log)"; exit 1; }
	@touch $@

run: install
	@$(BIN)/claimtrack ingest $(SEED) --show

test: install
	@$(BIN)/python -m pytest

# The seed verified against the local source pages in seeds/sources (served on 127.0.0.1).
demo: install
	@$(BIN)/claimtrack demo

# Benchmarks beside their peers (quantulum3, a TF-IDF baseline) in a separate environment.
bench: .venv-bench/.installed
	@.venv-bench/bin/python bench/extraction.py
	@.venv-bench/bin/python bench/speakers.py
	@.venv-bench/bin/python bench/verification.py
	@.venv-bench/bin/python bench/sources.py
	@.venv-bench/bin/python bench/ingest.py
	@.venv-bench/bin/python bench/warehouse.py
	@.venv-bench/bin/python bench/verify_speed.py
	@.venv-bench/bin/python bench/scale.py

.venv-bench/.installed: pyproject.toml bench/requirements.txt
	@test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	@.venv-bench/bin/python -m pip install --editable . -r bench/requirements.txt > .venv-bench/install.log 2>&1 \
		|| { cat .venv-bench/install.log; echo "install failed (log: .venv-bench/install.log)"; exit 1; }
	@touch $@

train-worthiness:
	@test -x .venv-train/bin/python || $(PYTHON) -m venv .venv-train
	@.venv-train/bin/python -m pip install --quiet -r tools/requirements-train.txt
	@.venv-train/bin/python tools/train_worthiness.py

# Optional: the debate student of the check-worthiness scorer (claims/data/debate_student.json.gz, not in git): a
# MiniLM teacher fine-tuned on CT24 and a static model distilled from it; the scorer uses it for speech once built.
train-debate:
	@test -x .venv-train/bin/python || $(PYTHON) -m venv .venv-train
	@.venv-train/bin/python -m pip install --quiet -r tools/requirements-train.txt
	@HF_HUB_OFFLINE=1 .venv-train/bin/python tools/distill_debate.py

clean:
	rm -rf data .prefect .pytest_cache

# The Prefect UI with the dashboard and the scheduled deployments (README: "Review in the Prefect UI"); `make stop` ends it.
.PHONY: ui stop
ui: install
	@scripts/ui.sh start

stop:
	@scripts/ui.sh stop
