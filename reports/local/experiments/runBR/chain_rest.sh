#!/usr/bin/env bash
# Run BR, session 35: the pipeline's training and evaluation finished, but its `serve` stage
# failed on an import: the hidden-state reader's code was merged into /work/main while the
# pipeline process ran, and the new serving module met the old `quantreason.hashing` already
# imported. The evaluation's outputs (runs/full/eval) are complete; this script does the rest of
# chain.sh from there: the evaluation's files, the extra sets in committed chunks, the rule.
set -uo pipefail
cd /work/main
D=reports/local/experiments/runBR
commit() {
  for i in 1 2 3 4 5 6; do git add -- "${@:2}" && git commit -q -m "$1" -- "${@:2}" && return 0; sleep 5; done
}
mkdir -p $D/report && cp runs/full/eval/{results.md,results.json,eval_meta.json,consistency.json,task_check.json,accuracy.png,risk_coverage.png} $D/report/ && cp runs/full/train/{loss.png,summary.json} $D/report/
cp runs/full/eval/predictions.jsonl $D/predictions.jsonl
commit "Run BR: the evaluation's predictions and results (runs/full/eval)" $D/predictions.jsonl $D/report
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
