"""The Hugging Face deep learning container (DLC) images, per region.

``infra/dlc_images.json`` is generated once from the image table that the ``sagemaker-core``
package ships (``sagemaker/core/image_uri_config/huggingface.json``) and committed, so that
synthesis needs neither that package nor the network::

    pip download sagemaker-core==2.27.0 --no-deps -d /tmp/smc
    python -m infra.dlc_images /tmp/smc/sagemaker_core-2.27.0-py3-none-any.whl

The ``lmi`` entry (engine ``lmi-vllm``) comes from the same wheel's ``djl-lmi.json``: the Large
Model Inference container (DJL Serving with its vLLM backend), same ECR accounts per region.

The stacks turn the table into a ``CfnMapping`` (region -> ECR account) and build the image URI
with ``AWS::Region`` and ``AWS::URLSuffix``, so one template works in every listed region
(the account differs by region: 763104351884 in most, others in opt-in, China and GovCloud).
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

TABLE_FILE = Path(__file__).with_name("dlc_images.json")
CONFIG_MEMBER = "sagemaker/core/image_uri_config/huggingface.json"
LMI_CONFIG_MEMBER = "sagemaker/core/image_uri_config/djl-lmi.json"
#: The LMI release served by engine ``lmi-vllm`` (vLLM backend, LoRA adapters, CUDA 13).
LMI_VERSION = "0.38.0"

# Full versions (short ones give tags that may not exist). Training: the newest transformers 5
# training DLC; inference: the newest transformers 5 inference DLC (the only inference DLC whose
# transformers reads tokenizers saved by transformers 5, as the base-model staging writes them).
WANTED = {
    "training": {"transformers": "5.3.0", "pytorch": "2.9.0", "py": "py312", "processor": "gpu"},
    "inference": {"transformers": "5.5.3", "pytorch": "2.6.0", "py": "py312", "processor": "gpu"},
}

# What each image ships that our code imports, read from the image's Dockerfile in
# aws/deep-learning-containers (commit ca82ce3f68, May 2026; the sagemaker-core table names
# the tag only). The container fidelity environments (scripts/containers/setup.sh) install
# these versions; serving and training vendor what is not here (quantreason.packaging).
# "latest" = not pinned in the Dockerfile (the newest release when the image was built).
SHIPPED = {
    "training": {
        "dockerfile": "huggingface/pytorch/training/docker/2.9/py3/cu130/Dockerfile.gpu",
        "python": "3.12.10",
        "environment": {"SAGEMAKER_TRAINING_MODULE": "sagemaker_pytorch_container.training:main"},
        # Top-level modules our code may import from the image (the rest is vendored);
        # filelock is a requirement of torch and huggingface_hub.
        "imports": [
            "accelerate",
            "datasets",
            "filelock",
            "huggingface_hub",
            "matplotlib",
            "numpy",
            "peft",
            "pydantic",
            "rich",
            "safetensors",
            "tokenizers",
            "torch",
            "transformers",
            "yaml",
        ],
        "packages": {
            "torch": "2.9.0",
            "transformers": "5.3.0",
            "huggingface_hub": "1.10.0",
            "peft": "0.18.1",
            "accelerate": "1.12.0",
            "datasets": "4.5.0",
            "sagemaker-training": "latest",
            # The PyTorch launcher behind sagemaker_torch_distributed_enabled (torchrun).
            "sagemaker-pytorch-training": "latest",
            # Unpinned there, but present: PyYAML and numpy<2 (base image), matplotlib (seaborn),
            # rich and pydantic (sagemaker -> sagemaker-core).
            "pyyaml": "latest",
            "numpy": "<2",
            "matplotlib": "latest",
            "rich": "latest",
            "pydantic": "latest",
        },
    },
    "inference": {
        "dockerfile": "huggingface/pytorch/inference/docker/2.6/py3/cu124/Dockerfile.gpu",
        "python": "3.12.8",
        # Top-level modules our code may import from the image (the rest is vendored);
        # filelock is a requirement of torch and huggingface_hub.
        "imports": [
            "accelerate",
            "filelock",
            "huggingface_hub",
            "numpy",
            "peft",
            "safetensors",
            "tokenizers",
            "torch",
            "transformers",
            "yaml",
        ],
        "packages": {
            "torch": "2.6.0",
            "transformers": "5.5.3",
            "huggingface_hub": "1.10.0",
            "peft": "0.18.1",
            "accelerate": "1.12.0",
            "multi-model-server": "1.1.11",
            "sagemaker-inference": "latest",
            # git+https://github.com/aws/sagemaker-huggingface-inference-toolkit.git@f0c3eb2:
            # 2.6.0 plus the transformers 5 fix (no TensorFlow import), not released on PyPI.
            "sagemaker-huggingface-inference-toolkit": "f0c3eb2",
            "pyyaml": "latest",
            "numpy": "latest",
            # "setuptools>=81.0.0" there; 81 still has pkg_resources, which sagemaker-inference's
            # model_server imports at start (later releases removed it).
            "setuptools": "81.0.0",
        },
    },
}


def build_table(config: dict[str, Any], source: str) -> dict[str, Any]:
    """Pick the wanted images out of sagemaker-core's ``huggingface.json`` contents."""
    table: dict[str, Any] = {"source": source, "images": {}}
    for scope, want in WANTED.items():
        version = config[scope]["versions"][want["transformers"]]
        entry = version[f"pytorch{want['pytorch']}"]
        if want["py"] not in entry["py_versions"]:
            raise ValueError(f"{scope}: {want['py']} not offered ({entry['py_versions']})")
        container = entry["container_version"][want["processor"]]
        tag = (
            f"{want['pytorch']}-transformers{want['transformers']}-"
            f"{want['processor']}-{want['py']}-{container}"
        )
        table["images"][scope] = {
            "repository": entry["repository"],
            "tag": tag,
            "registries": dict(sorted(entry["registries"].items())),
            "shipped": SHIPPED[scope],
        }
    return table


def build_lmi_entry(config: dict[str, Any], source: str) -> dict[str, Any]:
    """The LMI image of :data:`LMI_VERSION` out of sagemaker-core's ``djl-lmi.json``."""
    entry = config["versions"][LMI_VERSION]
    return {
        "repository": entry["repository"],
        "tag": entry["tag_prefix"],
        "registries": dict(sorted(entry["registries"].items())),
        "source": source,
    }


def load_table(path: Path = TABLE_FILE) -> dict[str, Any]:
    """The committed table."""
    return json.loads(path.read_text())


def main(argv: list[str]) -> None:
    """Regenerate ``dlc_images.json`` from a sagemaker-core wheel (path in ``argv[0]``)."""
    wheel = Path(argv[0])
    with zipfile.ZipFile(wheel) as archive:
        config = json.loads(archive.read(CONFIG_MEMBER))
        lmi_config = json.loads(archive.read(LMI_CONFIG_MEMBER))
    table = build_table(config, source=f"{wheel.name}:{CONFIG_MEMBER}")
    table["images"]["lmi"] = build_lmi_entry(lmi_config, f"{wheel.name}:{LMI_CONFIG_MEMBER}")
    TABLE_FILE.write_text(json.dumps(table, indent=2) + "\n")
    print(f"wrote {TABLE_FILE}")


if __name__ == "__main__":
    main(sys.argv[1:])
