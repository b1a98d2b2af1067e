"""The training bundle on the training DLC's versions, launched by the real SageMaker toolkits.

The dev and prod stages, as they are once a base model is staged, are synthesized in-process;
the Training stack's createTrainingJob parameters (hyperparameters, channels, checkpoint path,
instance count, environment) and the code asset (sourcedir.tar.gz as CDK bundled it) are read
from that template and cloud assembly. An /opt/ml layout is built from them under a temporary
SAGEMAKER_BASE_DIR and the DLC's
entry point (sagemaker-training's `train`, with the image's SAGEMAKER_TRAINING_MODULE =
sagemaker-pytorch-training) runs in `.venv-training-dlc/` (torch 2.9.0, transformers 5.3.0,
peft 0.18.1): it unpacks the bundle, sees `sagemaker_torch_distributed_enabled` and starts
torchrun with one process per GPU. Stand-ins, and why:
- 2 "GPUs": a `nvidia-smi` on PATH lists two, so the toolkit starts 2 processes on this CPU
  machine exactly as on a 2-GPU instance; train.py finds no CUDA and uses gloo.
- the base model: the `base` channel holds the tiny random Mistral (a 7B model does not train
  on 2 CPU cores), and a few smaller-batch hyperparameters on top of the template's (TEST_SIZES).
- /opt/ml is a temporary directory (SAGEMAKER_BASE_DIR), the checkpoint LocalPath is rebased,
  and the one host is called localhost (SageMaker's algo-1 does not resolve here).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from containers.conftest import fidelity_record
from quantreason import naming
from quantreason.paths import REPO_ROOT

# Smaller than the cloud profile so that 2 CPU processes finish in about a minute; every other
# setting (bf16, activation checkpointing, sharded base, LoRA targets...) is the profile's.
TEST_SIZES = {
    "train.max_steps": "2",
    "train.global_batch_size": "4",
    "train.micro_batch_size": "2",
    "data.limit": "16",
    "checkpoint.every_steps": "1",
}
PSEUDO_INTRINSICS = {
    "AWS::Region": "us-east-1",
    "AWS::Partition": "aws",
    "AWS::URLSuffix": "amazonaws.com",
    "AWS::AccountId": "111122223333",
}


def resolve(value: Any) -> Any:
    """A template value with its intrinsic functions replaced by plausible strings."""
    if isinstance(value, list):
        return [resolve(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((key, arg),) = value.items()
        if key == "Fn::Join":
            return arg[0].join(str(resolve(part)) for part in arg[1])
        if key == "Ref":
            return PSEUDO_INTRINSICS.get(arg, f"ref-{arg}")
        if key == "Fn::Sub":
            return re.sub(r"\$\{([^}]+)\}", lambda m: resolve({"Ref": m.group(1)}), arg)
        if key == "Fn::ImportValue":
            return f"import-{arg.split(':')[-1]}"
        if key in ("Fn::GetAtt", "Fn::FindInMap"):
            return "123456789012"
    return {key: resolve(item) for key, item in value.items()}


@pytest.fixture(scope="module", params=["dev", "prod"])
def training_job(request, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """createTrainingJob parameters of a synthesized stage + where CDK put its assets (prod:
    network isolation, the bundle comes as the `code` channel)."""
    from infra.app_builder import build_stage_app, new_app
    from infra.snapshots import example_deployed_dirs

    # The state after `quantreason aws stage-base-model` (a fresh stage has no training job yet).
    config, state = example_deployed_dirs(tmp_path_factory.mktemp("state"), (request.param,))
    outdir = tmp_path_factory.mktemp("cdk.out")
    app = new_app(outdir)
    stage_app = build_stage_app(app, request.param, config_dir=config, state_root=state)
    assembly = stage_app.app.synth()
    [name] = [s.stack_name for s in stage_app.stacks if s.stack_name.endswith("-Training")]
    template = assembly.get_stack_by_name(name).template
    [machine] = [
        r for r in template["Resources"].values() if r["Type"] == "AWS::StepFunctions::StateMachine"
    ]
    definition = json.loads(resolve(machine["Properties"]["DefinitionString"]))
    [task] = [
        state
        for state in definition["States"].values()
        if "createTrainingJob" in state.get("Resource", "")
    ]
    # s3 object key of each file asset -> the file CDK staged in the cloud assembly.
    manifest = json.loads((outdir / f"{name}.assets.json").read_text())
    assets = {
        destination["objectKey"]: outdir / asset["source"]["path"]
        for asset in manifest["files"].values()
        for destination in asset["destinations"].values()
    }
    return {"parameters": task["Parameters"], "assets": assets}


def opt_ml(job: dict[str, Any], base: Path, data: Path, base_model: str) -> dict[str, str]:
    """Lay out ``base`` as SageMaker lays out /opt/ml for this job; returns the hyperparameters.

    Channels get what the stage's S3 prefixes would hold: ``train`` the dataset, ``base`` the
    staged base weights (here the tiny model), ``code`` (network-isolated stages) the bundle.
    """
    parameters = job["parameters"]
    hyperparameters = dict(parameters["HyperParameters"])
    submit = hyperparameters["sagemaker_submit_directory"]
    if submit.startswith("s3://"):  # the toolkit downloads it; it also takes a local path
        hyperparameters["sagemaker_submit_directory"] = str(job["assets"][submit.split("/", 3)[3]])
    else:  # network isolation: the bundle arrives as an input channel under /opt/ml
        hyperparameters["sagemaker_submit_directory"] = str(
            base / Path(submit).relative_to("/opt/ml")
        )
    hyperparameters.update(TEST_SIZES)
    config = base / "input" / "config"
    config.mkdir(parents=True)
    (config / "hyperparameters.json").write_text(json.dumps(hyperparameters))
    # SageMaker names hosts algo-1..N and its DNS resolves them; the launcher waits until they
    # resolve, so the one host here is called localhost.
    count = parameters["ResourceConfig"]["InstanceCount"]
    hosts = ["localhost"] if count == 1 else [f"algo-{i + 1}" for i in range(count)]
    resource = {"current_host": hosts[0], "hosts": hosts, "network_interface_name": "lo"}
    (config / "resourceconfig.json").write_text(json.dumps(resource))
    contents = {"train": data, naming.BASE_MODEL_CHANNEL: Path(base_model)}
    channels = {}
    for channel in parameters["InputDataConfig"]:
        name, source = channel["ChannelName"], channel["DataSource"]["S3DataSource"]
        channels[name] = {
            "ContentType": channel.get("ContentType", ""),
            "TrainingInputMode": channel["InputMode"],
            "S3DistributionType": source["S3DataDistributionType"],
            "RecordWrapperType": "None",
        }
        target = base / "input" / "data" / name
        key = source["S3Uri"].split("/", 3)[3]
        if key in job["assets"]:  # one object: SageMaker copies it under its key
            (target / key).parent.mkdir(parents=True)
            shutil.copy2(job["assets"][key], target / key)
            continue
        assert name in contents, f"no test content for the template's channel {name!r}"
        shutil.copytree(contents[name], target)
    (config / "inputdataconfig.json").write_text(json.dumps(channels))
    return hyperparameters


def test_bundle_trains_on_two_processes_on_the_training_dlc_versions(
    training_python: Path, training_job: dict[str, Any], tiny_base: str, tmp_path: Path
) -> None:
    parameters = training_job["parameters"]
    assert parameters["HyperParameters"]["sagemaker_torch_distributed_enabled"] == "true"
    assert parameters["ResourceConfig"]["InstanceCount"] == 1  # one host, one process per GPU

    data = tmp_path / "data"
    subprocess.run(  # the dataset as `quantreason aws upload-data` uploads it
        [str(REPO_ROOT / ".venv/bin/python"), "-m", "quantreason", "data", "--out", str(data)]
        + [f"--{split}-size={n}" for split, n in (("train", 24), ("validation", 8), ("test", 8))]
        # Short questions: the tiny model's byte-level tokenizer makes long ones exceed the
        # profile's data.max_length (the real tokenizer needs far fewer tokens).
        + ["--families", "drawdown,capm,kelly"],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=300,
    )
    base = tmp_path / "opt" / "ml"
    opt_ml(training_job, base, data, tiny_base)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    smi = fake_bin / "nvidia-smi"
    smi.write_text(
        "#!/bin/sh\necho 'GPU 0: stand-in (UUID: GPU-0)'\necho 'GPU 1: stand-in (UUID: GPU-1)'\n"
    )
    smi.chmod(0o755)
    from infra.dlc_images import load_table

    image = fidelity_record("training")
    shipped = load_table()["images"]["training"]["shipped"]
    checkpoints = parameters["CheckpointConfig"]["LocalPath"]
    env = {
        "PATH": f"{fake_bin}:{training_python.parent}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/root"),
        "SAGEMAKER_BASE_DIR": str(base),
        "QUANTREASON_CHECKPOINT_DIR": str(base / Path(checkpoints).relative_to("/opt/ml")),
        "OMP_NUM_THREADS": "1",
        "HF_HUB_OFFLINE": "1",
        "TRAINING_JOB_NAME": "quantreason-dev-fidelity",
        **shipped["environment"],  # the image's SAGEMAKER_TRAINING_MODULE
        **parameters.get("Environment", {}),
    }
    result = subprocess.run(
        [str(training_python.parent / "train")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = result.stdout + result.stderr
    errors = [line for line in log.splitlines() if line.startswith("error:")]
    assert result.returncode == 0, "\n".join(errors) or log[-6000:]
    assert "--nproc_per_node 2" in log and "torchrun" in log  # the toolkit's launcher
    assert "requirements.txt" not in log  # nothing pip-installed before the job
    # The adapter lands in the model dir (the root of the job's model.tar.gz).
    model_dir = base / "model"
    assert (model_dir / "adapter_config.json").is_file()
    assert (model_dir / "adapter_model.safetensors").stat().st_size > 0
    steps = [json.loads(line) for line in (base / "output" / "data" / "train_log.jsonl").open()]
    assert [s["step"] for s in steps] == [1, 2] and {s["world_size"] for s in steps} == {2}
    # The base weights came from the base channel (the staged S3 prefix), not a hub id.
    used = json.loads((base / "output" / "data" / "config.json").read_text())["model"]
    assert used["name"] == str(base / "input" / "data" / naming.BASE_MODEL_CHANNEL)
    # pydantic-settings came from the bundle's lib/: the environment itself lacks it.
    probe = subprocess.run([str(training_python), "-c", "import pydantic_settings"], check=False)
    assert probe.returncode != 0
    assert image["installed"]["torch"] == image["image_packages"]["torch"]
