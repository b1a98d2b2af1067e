"""quantreason training entry point: LoRA + FSDP2 fine-tuning of a causal LM.

Locally (2 CPU processes, gloo; what ``quantreason train --profile local --nproc 2`` runs):

    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node 2 training/train.py \\
        --profile local --data runs/data --out runs/train [--resume] [--set train.epochs=1]

One process, no torchrun:

    python training/train.py --profile tiny --data runs/data --out runs/tiny

In a SageMaker training job (Hugging Face PyTorch DLC) the bundle root holds this file,
``quantreason/``, ``config/train/`` and ``lib/`` (vendored packages the DLC lacks, if any);
hyperparameters ``{"profile": "cloud-g5.12xlarge", "sagemaker_torch_distributed_enabled": true}``
make the training toolkit run it under torchrun on every GPU of every instance. Data comes from the
``train`` channel, the adapter goes to ``SM_MODEL_DIR``, checkpoints to ``/opt/ml/checkpoints``.

The recipe: config → checks → data → model + LoRA → shard (FSDP2) → train → export + verify.
It lives in ``quantreason.training`` (one module per concern); this file only starts it.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# Packages the DLC lacks are vendored in lib/ of the bundle (infra/bundle.py): appended, so the
# image's own packages always win and nothing is pip-installed before the job.
_VENDORED = Path(__file__).resolve().parent / "lib"
if _VENDORED.is_dir() and str(_VENDORED) not in sys.path:
    sys.path.append(str(_VENDORED))

from quantreason.training.recipe import main  # noqa: E402  (after the path set-up above)

if __name__ == "__main__":
    code = main()
    # Leave without running C++ static destructors: gloo's background threads have been seen to
    # abort a rank at interpreter exit ("terminate called without an active exception") after a
    # successful run. Everything is written and the process group is destroyed by now.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
