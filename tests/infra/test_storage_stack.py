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


def test_every_bucket_policy_denies_plain_http(dev):
    raw = dev.templates["Storage"]
    policies = resources(raw, "AWS::S3::BucketPolicy")
    assert len(policies) == 3  # data, artifacts, access logs
    for policy in policies.values():
        statements = policy["Properties"]["PolicyDocument"]["Statement"]
        assert {
            "Action": "s3:*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            "Effect": "Deny",
            "Principal": {"AWS": "*"},
        }.items() <= next(s for s in statements if s["Effect"] == "Deny").items()


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
    for bucket in resources(raw, "AWS::S3::Bucket").values():
        assert bucket["DeletionPolicy"] == "Delete"
    auto_delete = resources(raw, "Custom::S3AutoDeleteObjects")
    assert len(auto_delete) == 3


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
