#!/usr/bin/env bash
# Run BX (session 43): after run BW's rule has run, main in its own clone with the weights
# runBX/decide.py computes from run BW's predictions, then run BS's chain (pipeline, extra
# sets, rule). Start with
#   git clone -q /work/main /work/exp/bx
#   nohup bash reports/local/experiments/runBX/chain.sh > /work/exp/chainBX.log 2>&1 &
# A re-run skips the profile step once the clone's profile has its weights.
set -uo pipefail
CLONE=/work/exp/bx
grep -q train_family_weights $CLONE/config/pipeline/full.yaml || \
  /work/main/.venv/bin/python /work/main/reports/local/experiments/runBX/decide.py --profile $CLONE || exit 1
RUN=BX CLONE=$CLONE KEEP=/work/exp/keepBX exec bash "$(dirname "$0")/../runBS/chain.sh"
