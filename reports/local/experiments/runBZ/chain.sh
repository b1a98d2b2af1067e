#!/usr/bin/env bash
# Run BZ (written in session 46): branch `candidates` (main + the presentations + the forms of
# fx_cross, option_delta, fra_settlement) in its own clone, after run BY's chain has finished
# (its rule decides whether run BY's train weights stay), then run BS's chain (pipeline, extra
# sets, rule). Start with
#   git clone -q -b candidates /work/main /work/exp/bz
#   nohup bash reports/local/experiments/runBZ/chain.sh > /work/exp/chainBZ.log 2>&1 &
# A re-run skips the profile step once it has run; training and evaluation resume.
set -uo pipefail
MAIN=/work/main
CLONE=/work/exp/bz
PY=$MAIN/.venv/bin/python
EXP=$MAIN/reports/local/experiments
[ -f $EXP/runBY/decide_output.txt ] || { echo "run BY's rule has not run yet: wait for its chain"; exit 1; }
if [ ! -f $CLONE/.bz_profile_done ]; then
  BASE=$($PY $EXP/runBZ/decide.py --baseline) || exit 1
  echo "baseline: $BASE"
  if [ "$BASE" = runBY ]; then
    $PY $EXP/runBY/decide.py --profile $CLONE || exit 1
    sed -i 's/# run BX (runBX\/decide.py)/# run BY (runBY\/decide.py), kept by its rule/' $CLONE/config/pipeline/full.yaml
  fi
  touch $CLONE/.bz_profile_done
fi
RUN=BZ CLONE=$CLONE KEEP=/work/exp/keepBZ exec bash "$(dirname "$0")/../runBS/chain.sh"
