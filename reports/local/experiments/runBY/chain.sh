#!/usr/bin/env bash
# Run BY (session 46): main after the revert in its own clone, with the weights runBY/decide.py
# computes from run BR's predictions, then run BS's chain (pipeline, extra sets, rule). Start with
#   git clone -q /work/main /work/exp/by
#   nohup bash reports/local/experiments/runBY/chain.sh > /work/exp/chainBY.log 2>&1 &
# A re-run skips the profile step once the clone's profile has its weights; training and
# evaluation resume where they stopped.
set -uo pipefail
CLONE=/work/exp/by
PROFILE=$CLONE/config/pipeline/full.yaml
if ! grep -q train_family_weights $PROFILE; then
  /work/main/.venv/bin/python /work/main/reports/local/experiments/runBY/decide.py --profile $CLONE || exit 1
  sed -i 's/# run BX (runBX\/decide.py)/# run BY (runBY\/decide.py)/' $PROFILE
fi
RUN=BY CLONE=$CLONE KEEP=/work/exp/keepBY exec bash "$(dirname "$0")/../runBS/chain.sh"
