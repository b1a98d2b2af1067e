#!/usr/bin/env bash
# Run CF (session 55): run CE's recipe with the last 24 checkpoints kept, then its last-step
# adapter (runCF) and the mean of its last 8 checkpoints (runCFavg, average.py) answer the
# tuning sets and run CE's fresh questions the same way (greedy, n-gram task check), and
# decide.py judges averaging. Restarting it resumes: a running pipeline is waited for, training
# resumes from its last checkpoint (25 steps apart), answered sets are not answered again.
#   nohup bash reports/local/experiments/runCF/chain.sh > /work/exp/chainCF.log 2>&1 &
# The clone: `git clone /work/main /work/exp/cf`, `keep_last: 24` in its config/train/local.yaml.
# The pipeline runs as the README's `make demo` in that fresh clone (its own .venv, set up by
# make), stopped at its eval stage for the tuning sets and the rule, then `make demo` again
# finishes it (eval, serve, report): a fresh-clone `make demo`, resumed once.
set -uo pipefail
MAIN=/work/main
CLONE=/work/exp/cf
KEEP=/work/exp/keepCF
D=reports/local/experiments/runCF
PY=$CLONE/.venv/bin/python
PLOG=$KEEP/pipeline_first.log
cd $CLONE || exit 1
grep -q "keep_last: 24" config/train/local.yaml || { echo "the clone keeps too few checkpoints"; exit 1; }
source scripts/env.sh
export PYTHONPATH=$CLONE
mkdir -p $KEEP
commit() {
  for i in 1 2 3 4 5 6; do
    if git -C $MAIN add -- "${@:2}"; then
      git -C $MAIN diff --cached --quiet -- "${@:2}" && return 0   # already committed as it is
      git -C $MAIN commit -q -m "$1" -- "${@:2}" && return 0
    fi
    sleep 5
  done
  return 1
}
# Whether PID is this chain's `make demo` in the clone (a PID file can outlive a reboot).
ours() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null && [ "$(readlink /proc/$1/cwd)" = "$CLONE" ] && \
    tr '\0' ' ' < /proc/$1/cmdline | grep -q "^make demo"
}
date
if [ ! -d $KEEP/CF ]; then
  PID=$(cat $KEEP/pipeline.pid 2>/dev/null)
  if ! ours "$PID"; then
    [ -f $PLOG ] && mv $PLOG $PLOG.$(date +%s)   # a new log: no earlier run's "eval" line
    setsid make demo > $PLOG 2>&1 &
    PID=$!; echo $PID > $KEEP/pipeline.pid
  fi
  until grep -q "eval: evaluate" $PLOG 2>/dev/null; do
    kill -0 $PID 2>/dev/null || { tail -40 $PLOG; echo "pipeline ended before eval"; exit 1; }
    sleep 20
  done
  kill -- -$PID; wait $PID 2>/dev/null
  date; echo "stopped at eval"
  rm -rf $KEEP/CF.tmp && mkdir -p $KEEP/CF.tmp && \
    cp -r runs/full/train/adapter runs/full/classifier runs/full/data $KEEP/CF.tmp/ && \
    mv $KEEP/CF.tmp $KEEP/CF || exit 1
fi
if [ ! -d $KEEP/CFavg/adapter ]; then
  $PY $MAIN/$D/average.py --train runs/full/train --last 8 --out $KEEP/CFavg/adapter.tmp && \
    mv $KEEP/CFavg/adapter.tmp $KEEP/CFavg/adapter || exit 1
fi
CLF=$KEEP/CF/task_classifier_ngram.npz
if [ ! -f $CLF ]; then
  $PY -c "import sys; from quantreason.tasks.classifier import TaskClassifier as T; T.load(sys.argv[1]).with_hidden(None).save(sys.argv[2])" $KEEP/CF/classifier/task_classifier.npz $KEEP/ngram.tmp.npz && \
    mv $KEEP/ngram.tmp.npz $CLF || exit 1
fi
answer() {  # answer RUN NAME ARGS...: RUN's adapter answers one chunk of questions
  local run=$1 name=$2; shift 2
  local dest=$MAIN/reports/local/experiments/run$run/predictions_$name.jsonl
  [ $name = fresh ] && dest=$MAIN/$D/fresh/answers_$run.jsonl
  [ -f $dest ] && return 0   # landed before an interruption
  mkdir -p $(dirname $dest)
  $PY -m quantreason eval --out $KEEP/eval_${run}_$name "$@" --adapter $KEEP/$run/adapter \
    --task-classifier $CLF --base-limit 1 --batch-size 64 --precision auto --samples 0 --retry 0 && \
    cp $KEEP/eval_${run}_$name/predictions.jsonl $dest.tmp && mv $dest.tmp $dest && \
    commit "Run $run: answers to $name" ${dest#$MAIN/}
  local rc=$?
  date
  return $rc
}
EXTRA=(); for n in "" 2 3 4 5 6 7 8 9 10 11; do EXTRA+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
for v in validation_ood validation_ood2 validation_ood3; do EXTRA+=(--questions "reports/local/experiments/$v/$v.jsonl"); done
LATE=(); for n in 12 13 14 15 16; do LATE+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
for run in CF CFavg; do
  answer $run validation --data $KEEP/CF/data --splits validation || exit 1
  answer $run dev --questions benchmarks/handwritten_dev.jsonl || exit 1
  answer $run fresh --data $MAIN/reports/local/experiments/runCE/fresh --splits validation || exit 1
done
for run in CF CFavg; do
  answer $run extra "${EXTRA[@]}" || exit 1
  answer $run probe1216 "${LATE[@]}" || exit 1
done
(cd $MAIN && $PY $D/decide.py > $KEEP/decideCF.txt 2>&1) || { cat $KEEP/decideCF.txt; exit 1; }
cp $KEEP/decideCF.txt $MAIN/$D/decide_output.txt
commit "Run CF: its rule's output (runCF/decide.py)" $D/decide_output.txt || exit 1
date
# The rest of the fresh clone's `make demo` (eval, serve, capacity, the report); decides nothing.
make demo > $KEEP/demo_second.log 2>&1 || { tail -40 $KEEP/demo_second.log; exit 1; }
date
mkdir -p $MAIN/$D/report
cp reports/local/{report.md,results.md,results.json,bench.json,bench.png,capacity.json,consistency.json,task_check.json,train_log.jsonl,accuracy.png,loss.png,risk_coverage.png,failures.jsonl} $MAIN/$D/report/ 2>/dev/null
cp runs/full/eval/predictions.jsonl $MAIN/$D/predictions.jsonl
cp $PLOG $KEEP/demo_second.log $MAIN/$D/report/
commit "Run CF: the fresh clone's make demo, its report and predictions" $D/predictions.jsonl $D/report
date
