#!/usr/bin/env bash
# Run CD (session 52): run CC's trained adapter and data, answered by the pipeline with the
# hidden-state reader on (config/pipeline/full.yaml at 71bf805, the only difference from run
# CC's clone: quantreason/ is identical to main's). The train and data stages are up to date in
# the clone and are skipped; the classifier stage fits the reader, eval/serve/capacity run again.
# No rule decides its adoption: the adapter is run CC's (adopted by runCC/decide.py) and the
# reader is on by validation_oblique/decide.py; this report is that configuration's report, and
# replaces run CC's in reports/local/ once it has run to the end.
#   CLONE=/work/exp/cc nohup bash reports/local/experiments/runCD/chain.sh > /work/exp/chainCD.log 2>&1 &
set -uo pipefail
CLONE=${CLONE:-/work/exp/cc}
MAIN=/work/main
D=reports/local/experiments/runCD
cp $MAIN/config/pipeline/full.yaml $CLONE/config/pipeline/full.yaml
cd $CLONE
source scripts/env.sh
export PYTHONPATH=$CLONE
date
$MAIN/.venv/bin/python -m quantreason pipeline --profile full || exit 1
date
mkdir -p $MAIN/$D/report
cp reports/local/{report.md,results.md,results.json,bench.json,bench.png,capacity.json,consistency.json,task_check.json,train_log.jsonl,accuracy.png,loss.png,risk_coverage.png,failures.jsonl} $MAIN/$D/report/
cp runs/full/eval/predictions.jsonl $MAIN/$D/predictions.jsonl
git -C $MAIN add -- $D/predictions.jsonl $D/report && git -C $MAIN commit -q -m "Run CD: the pipeline's predictions and report (run CC's adapter, the reader on)" -- $D/predictions.jsonl $D/report
date
