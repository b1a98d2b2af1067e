#!/usr/bin/env bash
# One arm of the label-argument experiment (session 37): FAMILIES x 120 training records, the
# local profile (2 processes), evaluated greedy with the task check on 20 fresh validation
# draws a family and every tuning-probe question of those families (never handwritten.jsonl).
#   bash arm.sh CHECKOUT "fam1,fam2,..."   (CHECKOUT: a clone at the arm's commit)
# PER=240 bash arm.sh ...: that many training records a family (default 120; session 43).
# VALIDATION_FROM=FILE: evaluate on that validation split instead of the arm's own draw (session
# 43: a change to how questions are phrased draws other validation questions; the old arm's
# keeps the comparison paired).
set -euo pipefail
REPO=$1
FAMILIES=$2
N=$(($(tr ',' '\n' <<< "$FAMILIES" | wc -l)))
cd "$REPO"
source /work/main/scripts/env.sh
export PYTHONPATH=$REPO  # the clone's code, not the editable install's
PY=/work/main/.venv/bin/python
date
$PY -m quantreason data --out runs/d --seed 11 --train-size $((N * ${PER:-120})) \
  --validation-size $((N * 20)) --test-size "$N" --families "$FAMILIES"
if [ -n "${VALIDATION_FROM:-}" ]; then  # the manifest's validation hash then describes the arm's own draw
  cp "$VALIDATION_FROM" runs/d/validation.jsonl
  $PY - <<'PYEOF'  # the generator keeps splits apart; a copied split must be checked again
import json
train = {json.loads(line)["question"] for line in open("runs/d/train.jsonl")}
both = [q for line in open("runs/d/validation.jsonl") if (q := json.loads(line)["question"]) in train]
assert not both, f"{len(both)} copied validation questions are also in train"
PYEOF
fi
$PY -m quantreason train --profile local --nproc 2 --data runs/d --out runs/t --set train.seed=7
date
$PY -m quantreason task-classifier --data runs/d --out runs/clf/task_classifier.npz \
  --adapter runs/t/adapter
$PY - "$FAMILIES" <<'PYEOF'
import glob, json, sys
families = set(sys.argv[1].split(","))
paths = sorted(glob.glob("benchmarks/handwritten_probe*.jsonl")) + ["benchmarks/handwritten_dev.jsonl"]
paths += sorted(glob.glob("reports/local/experiments/validation_ood*/validation_ood*.jsonl"))
rows = [line.rstrip("\n") + "\n" for path in paths for line in open(path)
        if json.loads(line).get("family") in families]
open("runs/probes.jsonl", "w").writelines(rows)
print(len(rows), "tuning questions")
PYEOF
$PY -m quantreason eval --out runs/e --data runs/d --splits validation --questions runs/probes.jsonl \
  --adapter runs/t/adapter --task-classifier runs/clf/task_classifier.npz --base-limit 1 \
  --batch-size 64 --precision auto --samples 0 --retry 0
date
