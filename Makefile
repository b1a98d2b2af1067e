# Quick start: `make demo` runs the local end-to-end pipeline, `make test` runs every test.
# Both set everything up themselves (idempotent): .venv/, pinned Python deps, pinned CDK CLI.
.PHONY: setup demo test lint format snapshots clean

setup:
	bash scripts/setup.sh

demo: setup
	bash scripts/demo.sh

test: setup
	bash scripts/test.sh

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: setup
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

clean:
	rm -rf .venv node_modules cdk.out runs
