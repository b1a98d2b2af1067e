#!/usr/bin/env bash
# Run CC (session 51): run BS's chain (runBS/chain.sh) reordered so that the rule's inputs come
# first: the `full` pipeline runs until its eval stage starts, is stopped there (train and
# classifier are recorded as done), the tuning sets are answered and the rule decided, and only
# then the pipeline is resumed for eval, serve and the report (its done stages are skipped).
# Why: run CB's chain took 167 min; this way the rule lands ~20 min sooner in a 180-min session.
#   RUN=CC CLONE=/work/exp/cc KEEP=/work/exp/keepCC nohup bash reports/local/experiments/runCC/chain.sh > /work/exp/chainCC.log 2>&1 &
set -uo pipefail
RUN=${RUN:-CC}
CLONE=${CLONE:-/work/exp/cc}
MAIN=/work/main
KEEP=${KEEP:-/work/exp/keep$RUN}
D=reports/local/experiments/run$RUN
cd $CLONE
source scripts/env.sh
export PYTHONPATH=$CLONE
PY=$MAIN/.venv/bin/python
PLOG=$KEEP/pipeline_first.log
mkdir -p $KEEP
commit() {
  for i in 1 2 3 4 5 6; do git -C $MAIN add -- "${@:2}" && git -C $MAIN commit -q -m "$1" -- "${@:2}" && return 0; sleep 5; done
}
date
if [ ! -d $KEEP/$RUN/adapter ]; then
  # A pipeline this chain started before a restart of the chain is waited for, not restarted.
  PID=$(cat $KEEP/pipeline.pid 2>/dev/null)
  if [ -z "$PID" ] || ! kill -0 $PID 2>/dev/null; then
    setsid $PY -m quantreason pipeline --profile full > $PLOG 2>&1 &
    PID=$!; echo $PID > $KEEP/pipeline.pid
  fi
  until grep -q "eval: evaluate" $PLOG 2>/dev/null; do
    kill -0 $PID 2>/dev/null || { cat $PLOG; echo "pipeline ended before eval"; exit 1; }
    sleep 20
  done
  kill -- -$PID; wait $PID 2>/dev/null
  cat $PLOG; date; echo "stopped at eval: tuning sets first"
  mkdir -p $KEEP/$RUN && cp -r runs/full/train/adapter runs/full/classifier runs/full/data $KEEP/$RUN/
fi
mkdir -p $MAIN/$D
CLF=$KEEP/$RUN/classifier/task_classifier.npz
if [ "${NGRAM_ONLY:-0}" = 1 ]; then   # run CE (session 53): the tuning sets answered as run CC's were, without the reader
  [ -f $KEEP/$RUN/task_classifier_ngram.npz ] || $PY -c "import sys; from quantreason.tasks.classifier import TaskClassifier as T; T.load(sys.argv[1]).with_hidden(None).save(sys.argv[2])" $CLF $KEEP/$RUN/task_classifier_ngram.npz || exit 1
  CLF=$KEEP/$RUN/task_classifier_ngram.npz
fi
AD=(--adapter $KEEP/$RUN/adapter --task-classifier $CLF --base-limit 1 --batch-size 64 --precision auto --samples 0 --retry 0)
run_chunk() {
  local name=$1; shift
  [ -f $MAIN/$D/predictions_$name.jsonl ] && return 0   # landed before an interruption
  $PY -m quantreason eval --out $KEEP/extra${RUN}_$name "$@" "${AD[@]}" && \
    cp $KEEP/extra${RUN}_$name/predictions.jsonl $MAIN/$D/predictions_$name.jsonl && \
    commit "Run $RUN: predictions on $name" $D/predictions_$name.jsonl
  date
}
Q=(); for n in "" 2 3 4 5 6 7 8 9 10 11; do Q+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
for v in validation_ood validation_ood2 validation_ood3; do Q+=(--questions "reports/local/experiments/$v/$v.jsonl"); done
run_chunk extra "${Q[@]}"
run_chunk validation --data $KEEP/$RUN/data --splits validation
# handwritten_dev (run BQ's condition 8) is otherwise answered only by the pipeline's eval stage
run_chunk dev --questions benchmarks/handwritten_dev.jsonl
Q=(); for n in 12 13 14 15 16; do Q+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
run_chunk probe1216 "${Q[@]}"
# run CE (session 53): fresh questions for its rule, kept out of predictions*.jsonl (the paired rules read those)
if [ -n "${FRESH_DIR:-}" ] && [ ! -f $MAIN/$D/fresh/answers_$RUN.jsonl ]; then
  $PY -m quantreason eval --out $KEEP/fresh$RUN --data $FRESH_DIR --splits validation "${AD[@]}" && \
    cp $KEEP/fresh$RUN/predictions.jsonl $MAIN/$D/fresh/answers_$RUN.jsonl && \
    commit "Run $RUN: answers to the fresh questions" $D/fresh/answers_$RUN.jsonl
fi
(cd $MAIN && $PY $D/decide.py > $KEEP/decide$RUN.txt 2>&1)
cp $KEEP/decide$RUN.txt $MAIN/$D/decide_output.txt
commit "Run $RUN: its rule's output (run$RUN/decide.py)" $D/decide_output.txt
date
$PY -m quantreason pipeline --profile full || exit 1; date
mkdir -p $MAIN/$D/report
cp reports/local/{report.md,results.md,results.json,bench.json,bench.png,capacity.json,consistency.json,task_check.json,train_log.jsonl,accuracy.png,loss.png,risk_coverage.png,failures.jsonl} $MAIN/$D/report/ 2>/dev/null
cp runs/full/eval/predictions.jsonl $MAIN/$D/predictions.jsonl
commit "Run $RUN: the pipeline's predictions and report" $D/predictions.jsonl $D/report
# The rule again with the report splits present (they decide nothing; handwritten_dev is read
# from predictions_dev.jsonl, the file the rule read)
(cd $MAIN && $PY $D/decide.py > $MAIN/$D/decide_output_with_report.txt 2>&1)
commit "Run $RUN: its rule's output with the report splits (decide nothing)" $D/decide_output_with_report.txt
date
