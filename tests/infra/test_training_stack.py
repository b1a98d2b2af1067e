"""Training stack: the state machine's CreateTrainingJob task and a least-privilege role."""

from __future__ import annotations

import json

from infra_helpers import (
    BASE_MODEL,
    as_list,
    flatten,
    only,
    policy_statements,
    resources,
    state_machine_definition,
)

from infra.dlc_images import load_table
from quantreason import naming


def _task(synth) -> dict:
    definition = state_machine_definition(synth.templates["Training"])
    return definition["States"]["TrainAdapter"]


def test_job_names_outside_the_stage_prefix_are_refused(dev, prod):
    for synth, stage in ((dev, "dev"), (prod, "prod")):
        definition = state_machine_definition(synth.templates["Training"])
        check = definition["States"][definition["StartAt"]]
        assert check["Type"] == "Choice"
        (rule,) = check["Choices"]
        assert rule == {
            "Variable": "$$.Execution.Name",
            "StringMatches": f"quantreason-{stage}-*",
            "Next": "TrainAdapter",
        }
        assert definition["States"][check["Default"]]["Type"] == "Fail"


def test_task_runs_the_training_job_to_completion(dev):
    task = _task(dev)
    assert task["Resource"] == "arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync"
    params = task["Parameters"]
    assert params["TrainingJobName.$"] == "$$.Execution.Name"
    assert params["ResourceConfig"] == {
        "InstanceCount": 1,
        "InstanceType": "ml.g5.12xlarge",
        "VolumeSizeInGB": 100,
    }
    assert params["RoleArn"].startswith("${JobExecutionRole")


def test_hyperparameters_start_train_py_under_torch_distributed(dev):
    hp = _task(dev)["Parameters"]["HyperParameters"]
    assert hp["sagemaker_program"] == "train.py"
    assert hp["sagemaker_torch_distributed_enabled"] == "true"
    assert hp["profile"] == "cloud-g5.12xlarge"
    assert hp["sagemaker_region"] == "${AWS::Region}"
    # The bundle is the CDK asset: a gzipped tar that the toolkit downloads and unpacks.
    assert hp["sagemaker_submit_directory"].startswith("s3://cdk-hnb659fds-assets-")
    assert hp["sagemaker_submit_directory"].endswith(".gz")


def test_region_aware_training_image(dev):
    image = _task(dev)["Parameters"]["AlgorithmSpecification"]["TrainingImage"]
    table = load_table()["images"]["training"]
    assert image == (
        "${map:TrainingImageRegistry.${AWS::Region}.account}.dkr.ecr.${AWS::Region}."
        f"${{AWS::URLSuffix}}/{table['repository']}:{table['tag']}"
    )
    mapping = dev.templates["Training"]["Mappings"]["TrainingImageRegistry"]
    assert mapping == {region: {"account": a} for region, a in table["registries"].items()}


def test_the_job_plots_loss_and_throughput_from_rank_zeros_progress_lines(dev):
    import re

    from quantreason.training.progress import progress_line

    metrics = _task(dev)["Parameters"]["AlgorithmSpecification"]["MetricDefinitions"]
    line = progress_line({"step": 40, "loss": 0.5, "tokens_per_s": 5429.2}, 200, 60.0, 40)
    values = {m["Name"]: float(re.search(m["Regex"], line).group(1)) for m in metrics}
    assert values == {"train:loss": 0.5, "train:tokens_per_s": 5429.0}


def test_data_output_and_checkpoints_locations(dev):
    params = _task(dev)["Parameters"]
    channel, base = params["InputDataConfig"]  # dev is not isolated: no code channel
    assert channel["ChannelName"] == "train"
    data = "${import:QuantReason-dev-Storage:DataBucketName}"
    artifacts = "${import:QuantReason-dev-Storage:ArtifactsBucketName}"
    assert channel["DataSource"]["S3DataSource"]["S3Uri"] == f"s3://{data}/{naming.DATA_PREFIX}/"
    # The staged base weights, exactly the stage's prefix: train.py loads SM_CHANNEL_BASE.
    assert base["ChannelName"] == "base" == naming.BASE_MODEL_CHANNEL
    assert base["DataSource"]["S3DataSource"] == {
        "S3DataType": "S3Prefix",
        "S3Uri": f"s3://{artifacts}/{BASE_MODEL}",
        "S3DataDistributionType": "FullyReplicated",
    }
    assert params["Environment"] == {"HF_HUB_OFFLINE": "1"}
    assert params["OutputDataConfig"]["S3OutputPath"] == f"s3://{artifacts}/artifacts/training/"
    assert params["CheckpointConfig"] == {
        "S3Uri.$": f"States.Format('s3://{artifacts}/checkpoints/{{}}/', $$.Execution.Name)",
        "LocalPath": "/opt/ml/checkpoints",
    }


def test_spot_in_dev_on_demand_in_prod(dev, prod):
    dev_params, prod_params = _task(dev)["Parameters"], _task(prod)["Parameters"]
    assert dev_params["EnableManagedSpotTraining"] is True
    assert dev_params["StoppingCondition"] == {
        "MaxRuntimeInSeconds": 14400,
        "MaxWaitTimeInSeconds": 28800,
    }
    assert "EnableManagedSpotTraining" not in prod_params
    assert prod_params["StoppingCondition"] == {"MaxRuntimeInSeconds": 28800}
    assert prod_params["ResourceConfig"]["VolumeSizeInGB"] == 200


def test_state_machine_logs_and_traces(dev):
    machine = only(dev.templates["Training"], "AWS::StepFunctions::StateMachine")["Properties"]
    assert machine["TracingConfiguration"] == {"Enabled": True}
    assert machine["LoggingConfiguration"]["Level"] == "ALL"
    group = only(dev.templates["Training"], "AWS::Logs::LogGroup")
    assert group["Properties"]["RetentionInDays"] == 14


def test_execution_role_least_privilege(dev):
    raw = dev.templates["Training"]
    role = next(
        r for k, r in resources(raw, "AWS::IAM::Role").items() if k.startswith("JobExecutionRole")
    )
    assert role["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "sagemaker.amazonaws.com"
    }
    assert "ManagedPolicyArns" not in role["Properties"]  # no *FullAccess
    statements = policy_statements(raw, "JobExecutionRole")
    by_resource: dict[str, set[str]] = {}
    for st in statements:
        assert st["Effect"] == "Allow"
        for resource in as_list(st["Resource"]):
            by_resource.setdefault(flatten(resource), set()).update(as_list(st["Action"]))
    data_arn = "${import:QuantReason-dev-Storage:DataBucketArn}"
    artifacts_arn = "${import:QuantReason-dev-Storage:ArtifactsBucketArn}"
    # Datasets: read only.
    assert by_resource[f"{data_arn}/datasets/*"] == {"s3:GetObject"}
    # Checkpoints: read, write, delete the current version; training output: write.
    assert by_resource[f"{artifacts_arn}/checkpoints/*"] == {
        "s3:GetObject",
        "s3:PutObject",
        "s3:AbortMultipartUpload",
        "s3:DeleteObject",
    }
    assert by_resource[f"{artifacts_arn}/artifacts/training/*"] == {
        "s3:PutObject",
        "s3:AbortMultipartUpload",
    }
    # Listing: each bucket only under the prefixes above.
    lists = sorted(
        (flatten(st["Resource"]), prefix)
        for st in statements
        if st["Action"] == "s3:ListBucket"
        for prefix in st["Condition"]["StringLike"]["s3:prefix"]
    )
    assert lists == sorted(
        [
            (data_arn, "datasets/*"),
            (artifacts_arn, f"{BASE_MODEL}*"),  # the staged base model, nothing beside it
            (artifacts_arn, "checkpoints/*"),
        ]
    )
    # The code bundle: the one asset object (content hash key), no other bootstrap object.
    assets = [r for r in by_resource if "cdk-hnb659fds-assets" in r]
    assert len(assets) == 1 and by_resource[assets[0]] == {"s3:GetObject"}
    assert assets[0].endswith(".gz") and "/*" not in assets[0]
    # The base model: read exactly its prefix, write nothing.
    assert by_resource[f"{artifacts_arn}/{BASE_MODEL}*"] == {"s3:GetObject"}
    assert not any(r.endswith("/base-models/*") for r in by_resource)
    # Wildcard resource only for the calls that take none.
    assert by_resource["*"] == {"ecr:GetAuthorizationToken", "cloudwatch:PutMetricData"}
    ecr_repo = next(r for r in by_resource if ":ecr:" in r)
    assert ecr_repo.endswith(":repository/huggingface-pytorch-training")
    assert by_resource[ecr_repo] == {
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
    }
    text = json.dumps(statements)
    assert '"s3:*"' not in text and "arn:aws:s3:::*" not in text


def test_state_machine_may_pass_only_the_training_role(dev):
    statements = policy_statements(dev.templates["Training"], "JobStateMachineRole")
    pass_role = [s for s in statements if "iam:PassRole" in as_list(s["Action"])]
    assert len(pass_role) == 1
    assert flatten(pass_role[0]["Resource"]).startswith("${JobExecutionRole")
    assert pass_role[0]["Condition"] == {
        "StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}
    }


def test_state_machine_manages_only_this_stages_jobs(dev):
    statements = policy_statements(dev.templates["Training"], "JobStateMachineRole")
    sagemaker = [s for s in statements if any("sagemaker:" in a for a in as_list(s["Action"]))]
    # ListTags: part of Step Functions' documented createTrainingJob.sync policy (resource *;
    # CDK merges it into the statement of the other actions that take no ARN).
    listing = [s for s in sagemaker if "sagemaker:ListTags" in as_list(s["Action"])]
    assert [s["Resource"] for s in listing] == ["*"]
    assert all(a == "sagemaker:ListTags" or "sagemaker:" not in a for a in listing[0]["Action"])
    sagemaker = [s for s in sagemaker if s not in listing]
    assert len(sagemaker) == 1
    assert set(sagemaker[0]["Action"]) == {
        "sagemaker:CreateTrainingJob",
        "sagemaker:DescribeTrainingJob",
        "sagemaker:StopTrainingJob",
        "sagemaker:AddTags",
    }
    assert flatten(sagemaker[0]["Resource"]) == (
        "arn:${AWS::Partition}:sagemaker:us-east-1:${AWS::AccountId}:training-job/quantreason-dev-*"
    )


def test_outputs_for_the_ops_cli(dev):
    outputs = dev.templates["Training"]["Outputs"]
    assert {naming.OUTPUT_STATE_MACHINE_ARN, naming.OUTPUT_TRAINING_ROLE_ARN} <= set(outputs)


def test_prod_is_network_isolated_and_gets_its_code_as_a_channel(prod):
    params = _task(prod)["Parameters"]
    assert params["EnableNetworkIsolation"] is True
    channels = {c["ChannelName"]: c for c in params["InputDataConfig"]}
    assert set(channels) == {"train", "base", "code"}
    # An isolated container cannot fetch its code from S3: SageMaker copies the bundle in as
    # the 'code' channel and the toolkit unpacks it from the local path.
    code_uri = channels["code"]["DataSource"]["S3DataSource"]["S3Uri"]
    assert code_uri.startswith("s3://cdk-hnb659fds-assets-") and code_uri.endswith(".gz")
    submit = params["HyperParameters"]["sagemaker_submit_directory"]
    assert submit == "/opt/ml/input/data/code/" + code_uri.rsplit("/", 1)[1]
    assert "VpcConfig" not in params
    # SageMaker lists an S3Prefix channel before copying it: the role may list the bootstrap
    # bucket for exactly that key (and read that one object).
    key = code_uri.rsplit("/", 1)[1]
    statements = policy_statements(prod.templates["Training"], "JobExecutionRole")
    listing = [
        s
        for s in statements
        if s["Action"] == "s3:ListBucket" and "cdk-hnb659fds-assets" in flatten(s["Resource"])
    ]
    assert len(listing) == 1
    assert listing[0]["Condition"] == {"StringLike": {"s3:prefix": [key]}}
    assert not flatten(listing[0]["Resource"]).endswith("*")


def test_fresh_clone_has_no_state_machine_and_says_why(fresh_dev):
    raw = fresh_dev.templates["Training"]
    assert {r["Type"] for r in raw["Resources"].values()} == {
        "AWS::CloudFormation::WaitConditionHandle"
    }
    why = raw["Outputs"][naming.OUTPUT_TRAINING_STATUS]["Value"]
    assert "quantreason aws stage-base-model --stage dev" in why
    assert naming.OUTPUT_STATE_MACHINE_ARN not in raw["Outputs"]
