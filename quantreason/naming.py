"""Names shared by the CDK app (infra/) and the operations CLI (quantreason aws ...).

One place for every name that both sides must agree on: stack names, CloudFormation
output keys, the fixed production-variant name and the ownership tags that
``quantreason aws teardown`` checks before it deletes anything.
"""

from __future__ import annotations

from pathlib import Path

PROJECT = "quantreason"

#: Tag keys put on every resource the CDK app creates.
TAG_PROJECT = "quantreason:project"
TAG_STAGE = "quantreason:stage"

#: Environment variable carrying the base model (hub id) into the serving container. Not
#: ``HF_MODEL_ID``: with that set, the Hugging Face inference toolkit downloads and serves the hub
#: model instead of ``/opt/ml/model`` (our adapter and ``code/inference.py``).
BASE_MODEL_ENV = "QUANTREASON_BASE_MODEL"

#: Environment variable carrying the weights' number format (fp32, bf16, auto) into the serving
#: container; the stage's ``endpoint.precision`` sets it.
PRECISION_ENV = "QUANTREASON_PRECISION"

#: Where the serving container finds the base weights: ``base/`` inside the serving data, which
#: SageMaker copies (uncompressed) to ``/opt/ml/model``.
BASE_MODEL_SUBDIR = "base"
SERVING_BASE_MODEL_PATH = f"/opt/ml/model/{BASE_MODEL_SUBDIR}"
#: Input channel of the training job that holds the base weights (``SM_CHANNEL_BASE``).
BASE_MODEL_CHANNEL = "base"

#: Variant name of a stage's endpoint before the instance type was part of it (ops fallback).
VARIANT_NAME = "AllTraffic"


#: Where SageMaker writes training jobs' logs (one group for every job of the account).
TRAINING_LOG_GROUP = "/aws/sagemaker/TrainingJobs"


def endpoint_log_group(endpoint_name: str) -> str:
    """The log group SageMaker creates for an endpoint's container logs (without retention)."""
    return f"/aws/sagemaker/Endpoints/{endpoint_name}"


def component_name(endpoint_name: str, part: str) -> str:
    """An inference component's name: ``<endpoint>-<part>`` (``base`` or an adapter's name)."""
    return f"{endpoint_name}-{part}"


def variant_name(instance_type: str) -> str:
    """The production variant's name, derived from what forces a new fleet: the instance type.

    SageMaker refuses an endpoint update that changes the instance type of a variant that is
    registered with Application Auto Scaling. A new name makes the change a new variant: the
    endpoint update swaps variants, and CloudFormation replaces the scalable target (register
    the new variant, then deregister the old one). ``ml.g5.xlarge`` -> ``AllTraffic-g5-xlarge``.
    """
    return "AllTraffic-" + instance_type.removeprefix("ml.").replace(".", "-")


def training_job_prefix(stage: str) -> str:
    """Every training job of ``stage`` is named ``quantreason-<stage>-...``.

    The state machine's IAM policy is limited to jobs with this prefix, and the state machine
    refuses an execution name without it.
    """
    return f"{PROJECT}-{stage}-"


#: CloudFormation output keys (the operations CLI finds resources through these).
OUTPUT_DATA_BUCKET = "DataBucketName"
OUTPUT_ARTIFACTS_BUCKET = "ArtifactsBucketName"
OUTPUT_STATE_MACHINE_ARN = "TrainingStateMachineArn"
OUTPUT_TRAINING_ROLE_ARN = "TrainingRoleArn"
OUTPUT_ENDPOINT_NAME = "EndpointName"
OUTPUT_VARIANT_NAME = "VariantName"
OUTPUT_COMPONENTS = "InferenceComponents"
#: Says why a stack holds no job / endpoint yet (fresh account: nothing staged or deployed).
OUTPUT_TRAINING_STATUS = "TrainingStatus"
OUTPUT_SERVING_STATUS = "ServingStatus"

#: S3 key prefixes inside the buckets.
DATA_PREFIX = "datasets"
ARTIFACTS_PREFIX = "artifacts"
CHECKPOINTS_PREFIX = "checkpoints"
BASE_MODELS_PREFIX = "base-models"  # in the artifacts bucket: base-models/<name>/<sha12>/
SERVING_PREFIX = f"{ARTIFACTS_PREFIX}/serving"  # <id>/: adapter + code/ + base/, uncompressed


#: The file that names a PEFT adapter directory (its weights: ``adapter_model.*`` beside it).
ADAPTER_CONFIG = "adapter_config.json"


def is_adapter_dir(path: str | Path) -> bool:
    """True when ``path`` holds a PEFT adapter: its config and its weights."""
    directory = Path(path)
    return (directory / ADAPTER_CONFIG).is_file() and any(directory.glob("adapter_model.*"))


def stack_name(stage: str, part: str) -> str:
    """CloudFormation stack name, e.g. ``QuantReason-dev-Endpoint``."""
    return f"QuantReason-{stage}-{part}"


STORAGE = "Storage"
TRAINING = "Training"
ENDPOINT = "Endpoint"
