#!/usr/bin/env bash
# Run BR (session 34): the whole `full` pipeline in /work/main (a re-run resumes training from
# its last checkpoint), then the extra sets in committed chunks, then its rule. Started with
#   nohup bash reports/local/experiments/runBR/chain.sh > /work/notes/chainBR.log 2>&1 &
set -uo pipefail
cd /work/main
source scripts/env.sh
date; .venv/bin/quantreason pipeline --profile full || exit 1; date
D=reports/local/experiments/runBR
commit() {
  for i in 1 2 3 4 5 6; do git add -- "${@:2}" && git commit -q -m "$1" -- "${@:2}" && return 0; sleep 5; done
}
mkdir -p $D/report && cp reports/local/{report.md,results.md,results.json,bench.json,capacity.json,consistency.json,task_check.json,train_log.jsonl,accuracy.png,loss.png,risk_coverage.png} $D/report/ 2>/dev/null
git checkout -- reports/local/report.md reports/local/results.md reports/local/results.json reports/local/bench.json reports/local/capacity.json reports/local/consistency.json reports/local/task_check.json reports/local/train_log.jsonl reports/local/accuracy.png reports/local/loss.png reports/local/risk_coverage.png reports/local/failures.jsonl 2>/dev/null
cp runs/full/eval/predictions.jsonl $D/predictions.jsonl
commit "Run BR: the pipeline's predictions and report" $D/predictions.jsonl $D/report
mkdir -p /work/notes/BR && cp -r runs/full/train/adapter runs/full/classifier runs/full/data /work/notes/BR/
AD=(--adapter /work/notes/BR/adapter --task-classifier /work/notes/BR/classifier/task_classifier.npz --base-limit 1 --batch-size 64 --precision auto --samples 0 --retry 0)
run_chunk() {
  local name=$1; shift
  .venv/bin/quantreason eval --out /work/notes/extraBR_$name "$@" "${AD[@]}" && \
    cp /work/notes/extraBR_$name/predictions.jsonl $D/predictions_$name.jsonl && \
    commit "Run BR: predictions on $name" $D/predictions_$name.jsonl
  date
}
Q=(); for n in 12 13 14 15 16; do Q+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
run_chunk probe1216 "${Q[@]}"
Q=(); for n in "" 2 3 4 5 6 7 8 9 10 11; do Q+=(--questions "benchmarks/handwritten_probe$n.jsonl"); done
for v in validation_ood validation_ood2 validation_ood3; do Q+=(--questions "reports/local/experiments/$v/$v.jsonl"); done
run_chunk extra "${Q[@]}"
run_chunk validation --data /work/notes/BR/data --splits validation
.venv/bin/python $D/decide.py > /work/notes/decideBR.txt 2>&1
cp /work/notes/decideBR.txt $D/decide_output.txt
commit "Run BR: its rule's output (runBR/decide.py)" $D/decide_output.txt
date
