#!/usr/bin/env bash
# Container fidelity environments: one venv per SageMaker container, with the library versions
# that container really runs (infra/dlc_images.json, "shipped"), so that `make test-containers`
# runs the packaged handler and the training bundle on those versions instead of ours.
#
#   bash scripts/containers/setup.sh [inference|training]...   (default: both; idempotent)
#
# .venv-inference-dlc/  torch, transformers, peft, accelerate, huggingface_hub of the HF PyTorch
#                       inference DLC, multi-model-server, sagemaker-inference and the HF
#                       inference toolkit (the handler service SageMaker runs)
# .venv-training-dlc/   the same for the HF PyTorch training DLC, with sagemaker-training
#
# Everything comes from PyPI. What differs from the real images is printed at the end and
# written to <venv>/fidelity.json (read by the tests and the closing note):
# - Python: the DLCs run 3.12.x; we use a 3.12 found here (3.12.1 under pyenv), else python3.
# - torch: PyPI's Linux wheels are the CUDA builds (with nvidia-* wheels as dependencies, about
#   3 GB); the DLC's own torch builds live off PyPI. Same version, runs on CPU here.
# - the inference toolkit: the DLC installs git commit f0c3eb2 (2.6.0 + the transformers 5 fix,
#   unreleased); we install 2.6.0 from PyPI and apply that fix (its TensorFlow import) below.
# Never touches the shared .venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Bump when the way an environment is built changes (the pins are hashed on their own).
RECIPE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

find_python312() {
  local candidate
  for candidate in "${PYTHON312:-}" python3.12 "$HOME"/.pyenv/versions/3.12*/bin/python3.12; do
    # Run it: a pyenv shim exists on PATH even when it cannot start that version.
    if [[ -n "$candidate" ]] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
      "$candidate" -c 'import sys; print(sys.executable)'
      return
    fi
  done
  # Still worth running: the library versions are what these tests are about. The interpreter
  # used is recorded in <venv>/fidelity.json.
  echo "containers: no Python 3.12 found (the DLCs run 3.12; set PYTHON312=/path/to/python3.12)," \
    "using $(python3 --version)" >&2
  python3 -c 'import sys; print(sys.executable)'
}

# "name==version" lines for one image from the committed table ("latest" = unpinned there).
pins() {
  python3 - "$1" <<'PY'
import json, sys
shipped = json.load(open("infra/dlc_images.json"))["images"][sys.argv[1]]["shipped"]["packages"]
skip = {"sagemaker-huggingface-inference-toolkit"}  # installed on its own, below
for name, version in shipped.items():
    if name in skip:
        continue
    if version == "latest":
        print(name)
    elif version[0] in "<>=!":
        print(f"{name}{version}")
    else:
        print(f"{name}=={version}")
PY
}

setup_env() {
  local kind=$1 venv=".venv-$1-dlc" python want
  python=$(find_python312)
  want=$( (pins "$kind"; echo "recipe $RECIPE") | sha256sum | cut -d' ' -f1)
  if [[ "$(cat "$venv/.stamp" 2>/dev/null)" == "$want" ]]; then
    echo "containers: $venv up to date"
    return
  fi
  echo "containers: building $venv with $("$python" --version)"
  local start=$SECONDS
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade "pip>=25"
  # torch first and exactly (the global constraints cap torch; the CUDA wheel's nvidia-* deps
  # come with it), then the rest with torch held.
  local torch_pin
  torch_pin=$(pins "$kind" | grep '^torch==')
  "$venv/bin/pip" install -q "$torch_pin"
  mapfile -t rest < <(pins "$kind" | grep -v '^torch==')
  "$venv/bin/pip" install -q "$torch_pin" "${rest[@]}"
  if [[ "$kind" == inference ]]; then
    # The toolkit declares audio/vision packages its handler service never imports: --no-deps,
    # plus what it does import (retrying, Pillow).
    "$venv/bin/pip" install -q --no-deps sagemaker-huggingface-inference-toolkit==2.6.0
    "$venv/bin/pip" install -q "$torch_pin" retrying Pillow
    local utils
    utils=$("$venv/bin/python" -c "import importlib.util as u; print(u.find_spec('sagemaker_huggingface_inference_toolkit.transformers_utils').origin)")
    grep -q '^from transformers.file_utils import is_tf_available, is_torch_available$' "$utils" \
      || { echo "containers: toolkit import line not found in $utils" >&2; exit 1; }
    # The fix the DLC's toolkit commit carries: no TensorFlow (transformers 5 has none).
    sed -i 's/^from transformers.file_utils import is_tf_available, is_torch_available$/from transformers.utils import is_torch_available\n\n\ndef is_tf_available():\n    return False/' "$utils"
  fi
  "$venv/bin/python" - "$kind" "$venv" <<'PY'
import json, platform, sys
from importlib import metadata
kind, venv = sys.argv[1:]
table = json.load(open("infra/dlc_images.json"))["images"][kind]["shipped"]
names = list(table["packages"]) + ["tokenizers", "safetensors"]
installed = {}
for name in names:
    try:
        installed[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        installed[name] = None
record = {"image": kind, "python": platform.python_version(), "image_python": table["python"],
          "installed": installed, "image_packages": table["packages"]}
json.dump(record, open(f"{venv}/fidelity.json", "w"), indent=2)
print(json.dumps(record, indent=2))
PY
  echo "$want" > "$venv/.stamp"
  echo "containers: $venv built in $((SECONDS - start)) s"
}

kinds=("$@")
[[ ${#kinds[@]} -eq 0 ]] && kinds=(inference training)
for kind in "${kinds[@]}"; do
  case "$kind" in
    inference | training) setup_env "$kind" ;;
    *) echo "containers: unknown environment '$kind' (inference, training)" >&2; exit 2 ;;
  esac
done
