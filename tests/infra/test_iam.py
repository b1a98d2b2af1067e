"""IAM across every role of both stages: exact S3 actions, prefixes, no history deletion."""

from __future__ import annotations

import re

import pytest
from infra_helpers import as_list, flatten, resources


def _statements(template):
    for logical_id, policy in resources(template, "AWS::IAM::Policy").items():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            yield logical_id, statement


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_s3_grants_are_exact_and_prefix_scoped(stage, request):
    synth = request.getfixturevalue(stage)
    checked = 0
    for part in ("Storage", "Training", "Endpoint"):
        for logical_id, st in _statements(synth.templates[part]):
            actions = as_list(st["Action"])
            s3_actions = [a for a in actions if a.startswith("s3:")]
            if not s3_actions:
                continue
            checked += 1
            where = (part, logical_id, actions)
            # No wildcard S3 actions; never DeleteObjectVersion (versioning keeps history).
            assert not [a for a in s3_actions if "*" in a], where
            assert "s3:DeleteObjectVersion" not in s3_actions, where
            bootstrap_bucket = False
            for resource in map(flatten, as_list(st["Resource"])):
                # Not the CDK bootstrap bucket's objects as a whole: one asset object at most.
                assert not re.search(r"cdk-[a-z0-9]+-assets-[^/]*/\*$", resource), where
                bootstrap_bucket |= bool(re.search(r"cdk-[a-z0-9]+-assets-[^/]*$", resource))
                # Object prefixes end with '/' before the wildcard ("training*" would also
                # match "training-old/").
                if resource.endswith("*"):
                    assert resource.endswith("/*"), where
            if bootstrap_bucket:  # the bucket itself: only listed, for one asset's exact key
                assert s3_actions == ["s3:ListBucket"], where
                (key,) = st["Condition"]["StringLike"]["s3:prefix"]
                assert "*" not in key and key.endswith(".gz"), where
            elif "s3:ListBucket" in s3_actions:
                assert s3_actions == ["s3:ListBucket"], where
                prefixes = st["Condition"]["StringLike"]["s3:prefix"]
                assert prefixes and all(p.endswith("/*") for p in prefixes), where
    assert checked >= 6


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_logging_is_scoped_to_our_log_groups(stage, request):
    synth = request.getfixturevalue(stage)
    for part, group, streams in (
        ("Training", "/aws/sagemaker/TrainingJobs", f"quantreason-{stage}-*"),
        ("Endpoint", f"/aws/sagemaker/Endpoints/quantreason-{stage}", "*"),
    ):

        def arns(action: str, template=synth.templates[part]) -> set[str]:
            return {
                flatten(r).split(":log-group:", 1)[1]
                for _, st in _statements(template)
                if action in as_list(st["Action"])
                for r in as_list(st["Resource"])
            }

        # Group-level calls on this group only; events only into this role's own streams.
        assert arns("logs:CreateLogStream") == {group, f"{group}:*"}, part
        assert arns("logs:CreateLogGroup") == {group, f"{group}:*"}, part
        assert arns("logs:PutLogEvents") == {f"{group}:log-stream:{streams}"}, part
