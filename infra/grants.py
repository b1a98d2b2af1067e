"""S3 grants limited to one key prefix, with exact actions (CDK's grants use wildcards).

``bucket.grant_read`` gives ``s3:GetObject*``, ``s3:GetBucket*`` and ``s3:List*`` on the whole
bucket; ``grant_read_write`` adds ``s3:DeleteObject*``, which includes ``DeleteObjectVersion``
and so defeats versioning. These grants list the actions SageMaker uses, object actions on
``<prefix>*`` only and ``s3:ListBucket`` only with an ``s3:prefix`` condition.
"""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3


def grant_prefix_read(role: iam.IRole, bucket: s3.IBucket, prefix: str) -> None:
    """``role`` may list and read the objects under ``prefix`` (ends with ``/``)."""
    _check(prefix)
    role.add_to_principal_policy(
        iam.PolicyStatement(
            actions=["s3:GetObject"], resources=[bucket.arn_for_objects(f"{prefix}*")]
        )
    )
    role.add_to_principal_policy(
        iam.PolicyStatement(
            actions=["s3:ListBucket"],
            resources=[bucket.bucket_arn],
            conditions={"StringLike": {"s3:prefix": [f"{prefix}*"]}},
        )
    )
    _grant_key(role, bucket, ["kms:Decrypt"])


def grant_prefix_write(
    role: iam.IRole, bucket: s3.IBucket, prefix: str, *, delete: bool = False
) -> None:
    """``role`` may write (and with ``delete``, delete the current version of) objects under
    ``prefix``. Never ``s3:DeleteObjectVersion``: older versions stay recoverable."""
    _check(prefix)
    actions = ["s3:PutObject", "s3:AbortMultipartUpload"] + (["s3:DeleteObject"] if delete else [])
    role.add_to_principal_policy(
        iam.PolicyStatement(actions=actions, resources=[bucket.arn_for_objects(f"{prefix}*")])
    )
    # Multipart uploads decrypt the parts they combine.
    _grant_key(role, bucket, ["kms:GenerateDataKey", "kms:Decrypt"])


def _grant_key(role: iam.IRole, bucket: s3.IBucket, actions: list[str]) -> None:
    """With a KMS-encrypted bucket (the stage's ``kms``), the key actions S3 calls for us."""
    if bucket.encryption_key is not None:
        role.add_to_principal_policy(
            iam.PolicyStatement(
                actions=actions,
                resources=[bucket.encryption_key.key_arn],
                conditions={
                    "StringEquals": {"kms:ViaService": f"s3.{cdk.Aws.REGION}.amazonaws.com"}
                },
            )
        )


def _check(prefix: str) -> None:
    # "artifacts/training*" would also match "artifacts/training-old/...": keep the slash.
    if not prefix.endswith("/"):
        raise ValueError(f"S3 prefix {prefix!r} must end with '/'")
