"""Storage stack: private, encrypted, versioned, logged buckets; dev destroys, prod retains."""

from __future__ import annotations

from aws_cdk.assertions import Match
from infra_helpers import flatten, resources

from quantreason import naming


def test_buckets_are_private_encrypted_versioned_and_logged(dev):
    template = dev.template("Storage")
    for logical_id in ("Data", "Artifacts"):
        template.has_resource_properties(
            "AWS::S3::Bucket",
            {
                "BucketEncryption": {
                    "ServerSideEncryptionConfiguration": [
                        {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
                    ]
                },
                "PublicAccessBlockConfiguration": {
                    "BlockPublicAcls": True,
                    "BlockPublicPolicy": True,
                    "IgnorePublicAcls": True,
                    "RestrictPublicBuckets": True,
                },
                "VersioningConfiguration": {"Status": "Enabled"},
                "LoggingConfiguration": {
                    "DestinationBucketName": {"Ref": Match.string_like_regexp("AccessLogs")},
                    "LogFilePrefix": f"{logical_id.lower()}/",
                },
            },
        )


def test_every_bucket_policy_denies_plain_http(dev, prod):
    for synth in (dev, prod):
        raw = synth.templates["Storage"]
        buckets = set(resources(raw, "AWS::S3::Bucket"))
        denying = set()
        for policy in resources(raw, "AWS::S3::BucketPolicy").values():
            bucket = policy["Properties"]["Bucket"]["Ref"]
            statements = policy["Properties"]["PolicyDocument"]["Statement"]
            deny = next(s for s in statements if s["Effect"] == "Deny")
            assert {
                "Action": "s3:*",
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                "Effect": "Deny",
                "Principal": {"AWS": "*"},
            }.items() <= deny.items()
            resources_denied = {flatten(r) for r in deny["Resource"]}
            assert resources_denied == {f"${{{bucket}.Arn}}", f"${{{bucket}.Arn}}/*"}
            denying.add(bucket)
        assert denying == buckets  # every bucket, including the access-log bucket


def test_access_log_bucket_has_acls_off_and_lets_only_log_delivery_write(prod):
    raw = prod.templates["Storage"]  # prod: no auto-delete provider in the policy
    (logs_id,) = [k for k in resources(raw, "AWS::S3::Bucket") if k.startswith("BucketsAccessLogs")]
    props = raw["Resources"][logs_id]["Properties"]
    assert props["OwnershipControls"] == {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    assert "AccessControl" not in props
    policy = next(
        p
        for p in resources(raw, "AWS::S3::BucketPolicy").values()
        if p["Properties"]["Bucket"]["Ref"] == logs_id
    )
    allows = [
        s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"
    ]
    # One statement per logged bucket, each limited to its prefix and its source bucket.
    assert {
        (
            flatten(s["Resource"]).rsplit("/", 2)[1],
            s["Condition"]["ArnLike"]["aws:SourceArn"]["Fn::GetAtt"][0][7:11],
        )
        for s in allows
    } == {("data", "Data"), ("artifacts", "Arti")}
    for statement in allows:
        assert statement["Principal"] == {"Service": "logging.s3.amazonaws.com"}
        assert statement["Action"] == "s3:PutObject"


def test_lifecycle_rules(dev):
    dev.template("Storage").has_resource_properties(
        "AWS::S3::Bucket",
        {
            "LifecycleConfiguration": {
                "Rules": Match.array_with(
                    [
                        Match.object_like(
                            {
                                "Id": "expire-noncurrent",
                                "NoncurrentVersionExpiration": {"NoncurrentDays": 7},
                            }
                        ),
                        Match.object_like(
                            {
                                "Id": "expire-checkpoints",
                                "Prefix": f"{naming.CHECKPOINTS_PREFIX}/",
                                "ExpirationInDays": 30,
                                "Status": "Enabled",
                            }
                        ),
                    ]
                )
            }
        },
    )


def test_dev_destroys_and_empties_buckets(dev):
    raw = dev.templates["Storage"]
    buckets = resources(raw, "AWS::S3::Bucket")
    for bucket in buckets.values():
        assert bucket["DeletionPolicy"] == "Delete"
    # Each bucket has its own emptying custom resource (else its delete fails when not empty).
    emptied = {
        r["Properties"]["BucketName"]["Ref"]
        for r in resources(raw, "Custom::S3AutoDeleteObjects").values()
    }
    assert emptied == set(buckets)


def test_prod_retains_buckets(prod):
    raw = prod.templates["Storage"]
    for bucket in resources(raw, "AWS::S3::Bucket").values():
        assert bucket["DeletionPolicy"] == "Retain"
        assert bucket["UpdateReplacePolicy"] == "Retain"
    assert not resources(raw, "Custom::S3AutoDeleteObjects")
    assert not resources(raw, "AWS::Lambda::Function")


def test_outputs_and_named_exports(dev):
    outputs = dev.templates["Storage"]["Outputs"]
    assert naming.OUTPUT_DATA_BUCKET in outputs and naming.OUTPUT_ARTIFACTS_BUCKET in outputs
    exported = {flatten(o["Export"]["Name"]) for o in outputs.values() if "Export" in o}
    assert exported == {
        f"QuantReason-dev-Storage:{key}Bucket{attr}"
        for key in ("Data", "Artifacts")
        for attr in ("Arn", "Name")
    }


def test_optional_kms_keys_encrypt_buckets_and_training_logs(tmp_path):
    """``kms: true``: customer-managed, rotated keys; each role gets only the key actions S3
    uses for it. Off by default (the committed stages), where SSE-S3 applies."""
    from infra_helpers import as_list, deployed_config, only, policy_statements

    from infra.app_builder import build_stage_app, new_app

    # Deployed (base model staged, adapter deployed): the training and serving roles exist.
    config, state = deployed_config(tmp_path / "dirs", "prod")
    stage_file = config / "stages" / "prod.yaml"
    text = stage_file.read_text()
    assert "\nkms: false" in text
    stage_file.write_text(text.replace("\nkms: false", "\nkms: true"))
    assembly = build_stage_app(
        new_app(tmp_path / "out"), "prod", config_dir=config, state_root=state
    ).app.synth()
    storage = assembly.get_stack_by_name("QuantReason-prod-Storage").template
    training = assembly.get_stack_by_name("QuantReason-prod-Training").template
    endpoint = assembly.get_stack_by_name("QuantReason-prod-Endpoint").template

    (key_id,) = resources(storage, "AWS::KMS::Key")
    assert storage["Resources"][key_id]["Properties"]["EnableKeyRotation"] is True
    encrypted = {
        k: b["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
        for k, b in resources(storage, "AWS::S3::Bucket").items()
    }
    for logical_id, rule in encrypted.items():
        if logical_id.startswith("BucketsAccessLogs"):  # log delivery needs SSE-S3
            assert rule["ServerSideEncryptionByDefault"] == {"SSEAlgorithm": "AES256"}
        else:
            assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
            assert rule["ServerSideEncryptionByDefault"]["KMSMasterKeyID"] == {
                "Fn::GetAtt": [key_id, "Arn"]
            }
            assert rule["BucketKeyEnabled"] is True

    log_group = only(training, "AWS::Logs::LogGroup")["Properties"]
    (log_key,) = resources(training, "AWS::KMS::Key")
    assert log_group["KmsKeyId"] == {"Fn::GetAtt": [log_key, "Arn"]}

    key_arn = "${import:QuantReason-prod-Storage:BucketKeyArn}"

    def key_actions(template, prefix):
        return {
            a
            for s in policy_statements(template, prefix)
            if key_arn in [flatten(r) for r in as_list(s["Resource"])]
            for a in as_list(s["Action"])
        }

    assert key_actions(training, "JobExecutionRole") == {"kms:Decrypt", "kms:GenerateDataKey"}
    # The endpoint reads the model and writes captured data.
    assert key_actions(endpoint, "ServingExecutionRole") == {"kms:Decrypt", "kms:GenerateDataKey"}


def test_kms_is_off_by_default(dev, prod):
    for synth in (dev, prod):
        assert not resources(synth.templates["Storage"], "AWS::KMS::Key")
        assert not resources(synth.templates["Training"], "AWS::KMS::Key")
