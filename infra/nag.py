"""cdk-nag (AwsSolutions) on every synth, with acknowledgements kept next to the resource."""

from __future__ import annotations

import aws_cdk as cdk
from cdk_nag import AwsSolutionsChecks
from constructs import IConstruct


def enable_nag(app: cdk.App) -> None:
    """Run the AwsSolutions pack as a validation plugin: any unacknowledged finding fails synth."""
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app))


def acknowledge(construct: IConstruct, *findings: tuple[str, str]) -> None:
    """Acknowledge ``(rule id, reason)`` findings on ``construct`` only (never app-wide).

    IAM5 findings are bracketed per action/resource (``AwsSolutions-IAM5[Action::s3:List*]``),
    so each wildcard is acknowledged, with its own reason, separately.
    """
    rules = [cdk.Acknowledgment(id=rule, reason=reason) for rule, reason in findings]
    cdk.Validations.of(construct).acknowledge(*rules)


def rendered_arn(scope: IConstruct, service: str, resource: str) -> str:
    """An ARN in the form cdk-nag prints in IAM5 finding ids (for exact acknowledgements)."""
    stack = cdk.Stack.of(scope)
    region = "<AWS::Region>" if cdk.Token.is_unresolved(stack.region) else stack.region
    account = "<AWS::AccountId>" if cdk.Token.is_unresolved(stack.account) else stack.account
    return f"arn:<AWS::Partition>:{service}:{region}:{account}:{resource}"


def rendered_asset_bucket(scope: IConstruct) -> str:
    """The CDK bootstrap assets bucket ARN + ``/*`` as cdk-nag prints it."""
    stack = cdk.Stack.of(scope)
    region = "<AWS::Region>" if cdk.Token.is_unresolved(stack.region) else stack.region
    account = "<AWS::AccountId>" if cdk.Token.is_unresolved(stack.account) else stack.account
    qualifier = cdk.DefaultStackSynthesizer.DEFAULT_QUALIFIER
    return f"arn:<AWS::Partition>:s3:::cdk-{qualifier}-assets-{account}-{region}/*"


def iam5(wildcard: str, reason: str) -> tuple[str, str]:
    """One bracketed IAM5 acknowledgement: ``iam5("Action::s3:List*", "why")``."""
    return (f"AwsSolutions-IAM5[{wildcard}]", reason)


def rendered_import(scope: IConstruct, value: str) -> str:
    """How cdk-nag prints an ``Fn::ImportValue``: the export name (e.g. an imported bucket ARN)."""
    resolved = cdk.Stack.of(scope).resolve(value)
    if not isinstance(resolved, dict) or "Fn::ImportValue" not in resolved:
        raise ValueError(f"expected an imported value, got {resolved!r}")
    return str(resolved["Fn::ImportValue"])
