"""cdk-nag (AwsSolutions) on every synth, with acknowledgements kept next to the resource.

An acknowledgement that matches no finding is a silenced check waiting for a regression:
``tests/infra/test_checks.py`` synthesizes each stage with acknowledgements switched off
(context ``quantreason:nag-unacknowledged``) and fails on any that :func:`unused_acknowledgments`
reports.
"""

from __future__ import annotations

import json
from pathlib import Path

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
    if construct.node.try_get_context(UNACKNOWLEDGED_CONTEXT):
        return  # a synth that lists every finding (see module docstring)
    rules = [cdk.Acknowledgment(id=rule, reason=reason) for rule, reason in findings]
    cdk.Validations.of(construct).acknowledge(*rules)


#: Context key: when true, :func:`acknowledge` does nothing, so synth reports every finding.
UNACKNOWLEDGED_CONTEXT = "quantreason:nag-unacknowledged"


def acknowledgments(root: IConstruct) -> list[tuple[str, str]]:
    """``(construct path, rule id)`` of every acknowledgement under ``root``."""
    key = cdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY
    # CDK stores them as "Annotation::<rule id>".
    return [
        (construct.node.path, rule.removeprefix("Annotation::"))
        for construct in root.node.find_all()
        for entry in construct.node.metadata
        if entry.type == key
        for rule in entry.data
    ]


def findings_in_report(report: Path) -> list[tuple[str, str]]:
    """``(construct path, rule id)`` of every violation in a ``validation-report.json``."""
    data = json.loads(report.read_text())
    return [
        (construct["constructPath"], violation["ruleName"])
        for plugin in data["pluginReports"]
        for violation in plugin["violations"]
        for construct in violation["violatingConstructs"]
    ]


def unused_acknowledgments(
    acknowledged: list[tuple[str, str]], findings: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Acknowledgements with no finding of their rule on their construct or below it."""
    return [
        (path, rule)
        for path, rule in acknowledged
        if not any(
            found_rule == rule and (found_path == path or found_path.startswith(path + "/"))
            for found_path, found_rule in findings
        )
    ]


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
