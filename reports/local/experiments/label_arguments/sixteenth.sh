#!/usr/bin/env bash
# Sixteenth paired experiment (rule in experiments.md, session 44, written before it ran): the
# five training presentations of branch `presentations` (69d6fd6) at 240 records a family,
# against main at 240 (the fourteenth's new arm, /work/exp/a14_new), on that arm's validation
# draw, its probes, and probe17's 36 questions of the six families.
set -uo pipefail
FAM=capital_gains_tax,cash_on_cash,portfolio_return_holdings,money_weighted_return,margin_return,short_sale_net_pnl
rm -rf /work/exp/a16_new; git clone -q /work/main /work/exp/a16_new && git -C /work/exp/a16_new checkout -q 69d6fd6
PER=240 VALIDATION_FROM=/work/exp/a14_new/runs/d/validation.jsonl \
  bash /work/main/reports/local/experiments/label_arguments/arm.sh /work/exp/a16_new "$FAM" > /work/exp/a16_new.log 2>&1 || echo "arm new failed"
A=/work/exp/a16_new
(cd $A && source /work/main/scripts/env.sh && PYTHONPATH=$A /work/main/.venv/bin/python -m quantreason eval --out /work/exp/e17_16new --questions /work/exp/p17_six.jsonl \
  --adapter $A/runs/t/adapter --task-classifier $A/runs/clf/task_classifier.npz --base-limit 1 \
  --batch-size 64 --precision auto --samples 0 --retry 0) > /work/exp/e17_16new.log 2>&1 || echo "eval17 failed"
date
