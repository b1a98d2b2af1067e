#!/usr/bin/env bash
# The whole test suite: lint, format check, then pytest. Exit code 5 (no tests collected)
# is an error here: a suite that runs nothing must not pass silently.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

.venv/bin/ruff check .
.venv/bin/ruff format --check .
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
  echo "test: pytest collected no tests" >&2
  exit 1
fi
exit $rc
