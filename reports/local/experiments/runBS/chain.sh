#!/usr/bin/env bash
# Run BS (session 38): the whole `full` pipeline in its own clone of main at 978e777 (a re-run
# resumes training from its last checkpoint), then the extra sets run BR had, each committed
# to /work/main as it lands, then its rule (decide.py). Started with
#   nohup bash reports/local/experiments/runBS/chain.sh > /work/notes/chainBS.log 2>&1 &
# A later run names itself and its clone: RUN=BT CLONE=/work/exp/bt bash .../runBS/chain.sh
set -uo pipefail
RUN=${RUN:-BS}
CLONE=${CLONE:-/work/exp/bs}  # git clone of /work/main at the run's commit
MAIN=/work/main
KEEP=${KEEP:-/work/notes}  # adapter, classifier, data and extra sets: somewhere that outlives the clone
D=reports/local/experiments/run$RUN
cd $CLONE
source scripts/env.sh
export PYTHONPATH=$CLONE
PY=$MAIN/.venv/bin/python
date; $PY -m quantreason pipeline --profile full || exit 1; date
commit() {
  for i in 1 2 3 4 5 6; do git -C $MAIN add -- "${@:2}" && git -C $MAIN commit -q -m "$1" -- "${@:2}" && return 0; sleep 5; done
}
mkdir -p $MAIN/$D/report
cp reports/local/{report.md,results.md,results.json,bench.json,capacity.json,consistency.json,task_check.json,train_log.jsonl,accuracy.png,loss.png,risk_coverage.png,failures.jsonl} $MAIN/$D/report/ 2>/dev/null
cp runs/full/eval/predictions.jsonl $MAIN/$D/predictions.jsonl
commit "Run $RUN: the pipeline's predictions and report" $D/predictions.jsonl $D/report
mkdir -p $KEEP/$RUN && cp -r runs/full/train/adapter runs/full/classifier runs/full/data $KEEP/$RUN/
AD=(--adapter $KEEP/$RUN/adapter --task-classifier $KEEP/$RUN/classifier/task_classifier.npz --base-limit 1 --batch-size 64 --precision auto --samples 0 --retry 0)
run_chunk() {
  local name=$1; shift
  [ -f $MAIN/$D/predictions_$name.jsonl ] && return 0   # landed before an interruption
  $PY -m quantreason eval --out $KEEP/extra${RUN}_$name "$@" "${AD[@]}" && \
    cp $KEEP/extra${RUN}_$name/predictions.jsonl $MAIN/$D/predictions_$name.jsonl && \
    commit "Run $RUN: predictions on $name" $D/predictions_$name.jsonl
  date
}
Q=(); for n in 12 13 14 15 16; do Q+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
run_chunk probe1216 "${Q[@]}"
Q=(); for n in "" 2 3 4 5 6 7 8 9 10 11; do Q+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
for v in validation_ood validation_ood2 validation_ood3; do Q+=(--questions "reports/local/experiments/$v/$v.jsonl"); done
run_chunk extra "${Q[@]}"
run_chunk validation --data $KEEP/$RUN/data --splits validation
cd $MAIN && $PY $D/decide.py > $KEEP/decide$RUN.txt 2>&1
cp $KEEP/decide$RUN.txt $MAIN/$D/decide_output.txt
commit "Run $RUN: its rule's output (run$RUN/decide.py)" $D/decide_output.txt
date
