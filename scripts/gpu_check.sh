#!/usr/bin/env bash
# The cloud training path on one GPU, as a SageMaker job runs it: the toolkit's torchrun launch and
# SM_ environment, nccl, bf16, the cloud-g5.12xlarge profile with FSDP2 applied on the one rank
# (distributed.shard_single_rank), DCP checkpoints, a killed job resumed, the export and its reload
# check; then the endpoint's predictor on the GPU with the exported adapter.
#
#   make gpu-check                                         # embedded SmolLM2, generated data
#   bash scripts/gpu_check.sh BASE_DIR DATA_DIR OUT_DIR    # any base, any dataset
#
# BASE_DIR: a checkpoint directory. Without weights in it (or with GPU_CHECK_RANDOM=1) its
# config.json and tokenizer are used with random bf16 weights: what a lent GPU machine ran, where
# the real weights are too large to carry (that checks the path, not accuracy). DATA_DIR:
# train.jsonl, and questions.jsonl or test.jsonl. OUT_DIR: logs, summaries, gpu_check.json.
# Without arguments: the embedded SmolLM2 (prepared if need be), 1,000 generated records, runs/gpu-check.
# GPU_CHECK_HPS="key=value ..." adds hyperparameters to every job (a CPU dry run: fp32, micro 4);
# without a GPU the check stops unless GPU_CHECK_ALLOW_CPU=1.
#
# The micro-batch is 32 without activation checkpointing: at 135M parameters a GPU is bound by
# kernel launches, and the profile's 7B settings (micro 4, recompute) ran ~12x slower per token
# on an H200 (experiments.md, session 26).
set -uo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-python3}
export PYTHONPATH=$HERE${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
if [ "${GPU_CHECK_ALLOW_CPU:-0}" != 1 ] && ! "$PY" -c 'import sys, torch; sys.exit(not torch.cuda.is_available())'; then
  echo "gpu_check: torch sees no CUDA GPU here (GPU_CHECK_ALLOW_CPU=1 runs it on the CPU)" >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  set -e
  DEFAULT=$HERE/runs/gpu-check
  "$PY" -m quantreason data --out "$DEFAULT/data" --train-size 1000 --validation-size 0 \
    --test-size 16 >/dev/null
  set -- "$("$PY" -c 'from quantreason.models import resolve_model; print(resolve_model("embedded"))')" \
    "$DEFAULT/data" "$DEFAULT/out"
  set +e
fi
BASE_DIR=$1 DATA=$(cd "$2" && pwd) OUT=$3
WORK=${GPU_CHECK_WORK:-/tmp/gpu-check}
STEPS=${GPU_CHECK_STEPS:-20}
LIMIT=${GPU_CHECK_STEP_TIMEOUT:-90}  # seconds per job; a hung collective fails its job only
QUESTIONS=$DATA/questions.jsonl
[ -f "$QUESTIONS" ] || QUESTIONS=$DATA/test.jsonl
rm -rf "$WORK"; mkdir -p "$WORK" "$OUT"
: >"$OUT/steps.tsv"

record() {  # record NAME RC SECONDS
  printf '%s\t%s\t%ss\n' "$1" "$2" "$3" | tee -a "$OUT/steps.tsv"
}

hps() {  # the cloud profile's hyperparameters with the check's overrides, as JSON
  "$PY" - "$@" <<'PY'
import json, os, sys
hps = {"profile": "cloud-g5.12xlarge", "sagemaker_torch_distributed_enabled": True}
for item in sys.argv[1:] + os.environ.get("GPU_CHECK_HPS", "").split():
    key, _, value = item.partition("=")
    hps[key] = value
print(json.dumps(hps))
PY
}
HPS=$(hps train.max_steps="$STEPS" checkpoint.every_steps=$((STEPS / 2)) \
  distributed.shard_single_rank=true train.micro_batch_size=32 train.activation_checkpointing=false)

sm_job() {  # sm_job RUN PORT [ENV=VALUE...]: one SageMaker-style job on one host with one GPU
  local run=$1 port=$2 tic=$SECONDS; shift 2
  mkdir -p "$WORK/$run/model" "$WORK/$run/output"
  env SM_HOSTS='["algo-1"]' SM_CURRENT_HOST=algo-1 SM_NUM_GPUS=1 SM_CHANNEL_TRAIN="$DATA" \
    SM_CHANNEL_BASE="$WORK/base" SM_MODEL_DIR="$WORK/$run/model" \
    SM_OUTPUT_DATA_DIR="$WORK/$run/output" SM_HPS="$HPS" "$@" \
    timeout "$LIMIT" "$PY" -m torch.distributed.run --nnodes 1 --nproc_per_node 1 \
    --node_rank 0 --master_addr 127.0.0.1 --master_port "$port" \
    "$HERE/training/train.py" --checkpoint-dir "$WORK/$run/checkpoints" >>"$OUT/$run.log" 2>&1
  local rc=$?
  record "$run${1:+ ($*)}" "$rc" $((SECONDS - tic))
}

nvidia-smi >"$OUT/env.log" 2>&1
"$PY" -c "import sys, torch, transformers, peft; print(sys.version.split()[0], 'torch',
torch.__version__, 'cuda', torch.version.cuda, 'nccl', torch.cuda.nccl.version() if
torch.cuda.is_available() else None, 'transformers', transformers.__version__, 'peft',
peft.__version__)" >>"$OUT/env.log" 2>&1
tail -n 1 "$OUT/env.log"

tic=$SECONDS
if [ "${GPU_CHECK_RANDOM:-0}" = 1 ] || ! compgen -G "$BASE_DIR/*.safetensors" >/dev/null; then
  timeout "$LIMIT" "$PY" "$HERE/scripts/gpu_check.py" random-base "$BASE_DIR" "$WORK/base" \
    >"$OUT/base.log" 2>&1
  record "base (random weights)" $? $((SECONDS - tic))
else
  ln -s "$(cd "$BASE_DIR" && pwd)" "$WORK/base"
  record "base (its own weights)" 0 0
fi

# The job, and beside it the same job killed after its mid-run checkpoint ...
sm_job full 29500 &
sm_job resumed 29501 QUANTREASON_FAIL_AT_STEP=$((STEPS * 3 / 4)) &
wait
# ... restarted: a SageMaker job resumes whenever a checkpoint exists.
sm_job resumed 29502
"$PY" "$HERE/scripts/gpu_check.py" resume-agrees "$WORK/full/output/train_log.jsonl" \
  "$WORK/resumed/output/train_log.jsonl" --from-step $((STEPS / 2)) >"$WORK/resume_agrees.json"
record resume_agrees $? 0

tic=$SECONDS
timeout "$LIMIT" "$PY" "$HERE/scripts/gpu_check.py" serve "$WORK/base" "$WORK/full/model" \
  "$QUESTIONS" "$WORK/serve.json" --limit 16 >"$OUT/serve.log" 2>&1
record serve $? $((SECONDS - tic))

"$PY" "$HERE/scripts/gpu_check.py" report "$WORK" "$OUT/gpu_check.json" >/dev/null
for run in full resumed; do
  cp "$WORK/$run/output/train_log.jsonl" "$OUT/train_log_$run.jsonl" 2>/dev/null
done
# Every step passed, the killed job excepted (it is meant to fail).
! grep -v "QUANTREASON_FAIL_AT_STEP" "$OUT/steps.tsv" | grep -qv $'\t0\t'
