# Quick start: `make demo` runs the local end-to-end pipeline, `make test` runs every test.
# Both set everything up themselves (idempotent): .venv/, pinned Python deps, pinned CDK CLI.
.PHONY: setup demo test test-containers gpu-check lint format snapshots clean

setup:
	bash scripts/setup.sh

demo: setup
	bash scripts/demo.sh

test: setup
	bash scripts/test.sh

# The serving archive and the training bundle on the SageMaker containers' library versions
# (.venv-inference-dlc/, .venv-training-dlc/; built once, ~8 min and ~12 GB the first time).
test-containers: setup
	bash scripts/containers/setup.sh
	bash scripts/containers/test.sh

# The cloud training path (SageMaker-style torchrun, nccl, bf16, FSDP2, kill + resume, export) and
# the predictor on this machine's GPU, with the embedded SmolLM2 (scripts/gpu_check.sh; needs CUDA).
gpu-check: setup
	PYTHON=.venv/bin/python bash scripts/gpu_check.sh

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: setup
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

clean:
	rm -rf .venv .venv-inference-dlc .venv-training-dlc node_modules cdk.out runs
