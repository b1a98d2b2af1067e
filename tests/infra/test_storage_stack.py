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
