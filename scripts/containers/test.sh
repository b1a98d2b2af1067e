#!/usr/bin/env bash
# Container fidelity tests (what `make test-containers` runs after scripts/containers/setup.sh):
# the packaged handler and the training bundle on each SageMaker container's library versions.
# Extra arguments go to pytest (e.g. -k training). Exit code 5 (no tests) is an error here.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
export QUANTREASON_CONTAINER_TESTS=1 PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
set +e
.venv/bin/python -m pytest tests/containers -p no:cacheprovider "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
  echo "test-containers: pytest collected no tests" >&2
  exit 1
fi
exit $rc
