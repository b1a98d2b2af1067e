#!/usr/bin/env bash
# The main job: the local end-to-end pipeline on the embedded SmolLM2 (report in reports/local/).
# Extra arguments go to `quantreason pipeline` (e.g. --profile quick, --force).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exec .venv/bin/quantreason pipeline "$@"
