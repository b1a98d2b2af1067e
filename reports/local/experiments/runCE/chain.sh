#!/usr/bin/env bash
# Run CE (session 53): run CC's chain (runCC/chain.sh) in a clone of main with runCE/decide.py's
# weights, its tuning sets answered with the n-gram task classifier only (as run CC's were) and
# the fresh questions answered before the rule. Restarting it resumes: a running pipeline is
# waited for, training resumes from its last checkpoint, answered sets are not answered again.
#   nohup bash reports/local/experiments/runCE/chain.sh > /work/exp/chainCE.log 2>&1 &
set -uo pipefail
MAIN=/work/main
CLONE=/work/exp/ce
if [ ! -d $CLONE ]; then
  git clone -q $MAIN $CLONE || exit 1
  (cd $MAIN && .venv/bin/python reports/local/experiments/runCE/decide.py --profile $CLONE) || exit 1
fi
RUN=CE CLONE=$CLONE KEEP=/work/exp/keepCE NGRAM_ONLY=1 \
  FRESH_DIR=$MAIN/reports/local/experiments/runCE/fresh \
  exec bash $MAIN/reports/local/experiments/runCC/chain.sh
