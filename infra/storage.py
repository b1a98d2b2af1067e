"""S3 buckets for datasets and for model artifacts (plus their access-log bucket).

With the stage's ``kms: true`` the data and artifacts buckets are encrypted with a
customer-managed, rotated KMS key (S3 Bucket Keys on, to keep KMS requests few); the access-log
bucket stays SSE-S3, the only encryption S3 server access logging can deliver to.
"""

from __future__ import annotations

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

from quantreason import naming


@dataclass(frozen=True)
class ProjectBucketsProps:
    """``destroy``: buckets are emptied and deleted with the stack (dev); else retained."""

    removal: str
    noncurrent_version_expiry_days: int
    kms: bool = False  # a customer-managed key for the data and artifacts buckets


class ProjectBuckets(Construct):
    """Encrypted, versioned, private, SSL-only buckets with server access logging."""

    def __init__(self, scope: Construct, construct_id: str, props: ProjectBucketsProps) -> None:
        super().__init__(scope, construct_id)
        destroy = props.removal == "destroy"
        common = {
            "encryption": s3.BucketEncryption.S3_MANAGED,
            "block_public_access": s3.BlockPublicAccess.BLOCK_ALL,
            "enforce_ssl": True,
            "removal_policy": cdk.RemovalPolicy.DESTROY if destroy else cdk.RemovalPolicy.RETAIN,
            # Teardown of dev must not fail on a non-empty bucket.
            "auto_delete_objects": destroy,
        }
        self.access_logs = s3.Bucket(
            self,
            "AccessLogs",
            # ACLs off: log delivery writes through the bucket policy CDK adds (cdk.json flag
            # serverAccessLogsUseBucketPolicy). Not versioned: see README (checkov table).
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            lifecycle_rules=[s3.LifecycleRule(id="expire-logs", expiration=cdk.Duration.days(90))],
            **common,
        )
        self.key: kms.Key | None = None
        encrypted = dict(common)
        if props.kms:
            self.key = kms.Key(
                self,
                "BucketKey",
                description="quantreason: data and artifacts buckets",
                enable_key_rotation=True,
                removal_policy=common["removal_policy"],
            )
            encrypted.update(
                encryption=s3.BucketEncryption.KMS, encryption_key=self.key, bucket_key_enabled=True
            )
        expire_old_versions = s3.LifecycleRule(
            id="expire-noncurrent",
            noncurrent_version_expiration=cdk.Duration.days(props.noncurrent_version_expiry_days),
            abort_incomplete_multipart_upload_after=cdk.Duration.days(7),
        )
        self.data = s3.Bucket(
            self,
            "Data",
            versioned=True,
            server_access_logs_bucket=self.access_logs,
            server_access_logs_prefix="data/",
            lifecycle_rules=[expire_old_versions],
            **encrypted,
        )
        self.artifacts = s3.Bucket(
            self,
            "Artifacts",
            versioned=True,
            server_access_logs_bucket=self.access_logs,
            server_access_logs_prefix="artifacts/",
            lifecycle_rules=[
                expire_old_versions,
                # Checkpoints only matter until the job finishes.
                s3.LifecycleRule(
                    id="expire-checkpoints",
                    prefix=f"{naming.CHECKPOINTS_PREFIX}/",
                    expiration=cdk.Duration.days(30),
                ),
            ],
            **encrypted,
        )
