"""Review checks: cdk-nag, cfn-lint, deterministic synthesis and the committed snapshots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from infra_helpers import deployed_config

from infra.snapshots import SNAPSHOT_SETS, mask_hashes, render, snapshot_differences, snapshot_sets


def test_nag_runs_on_synth_and_fails_unacknowledged_findings(tmp_path: Path):
    """The synths in the fixtures pass only because nag is clean: prove nag can fail one."""
    import aws_cdk as cdk
    from aws_cdk import aws_s3 as s3
    from aws_cdk.assertions import Template

    from infra.nag import enable_nag

    app = cdk.App(outdir=str(tmp_path))
    enable_nag(app)
    stack = cdk.Stack(app, "Careless")
    s3.Bucket(stack, "NoLogsNoSsl")
    with pytest.raises(RuntimeError, match="ValidationFailed"):
        Template.from_stack(stack)
    report = json.loads((tmp_path / "validation-report.json").read_text())
    rules = {v["ruleName"] for p in report["pluginReports"] for v in p["violations"]}
    assert {"AwsSolutions-S1", "AwsSolutions-S10"} <= rules


def test_every_acknowledgement_has_a_reason(dev, prod):
    import aws_cdk as cdk

    key = cdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY
    seen = 0
    for synth in (dev, prod):
        for stack in synth.stage_app.stacks:
            for construct in stack.node.find_all():
                for entry in construct.node.metadata:
                    if entry.type != key:
                        continue
                    for rule, reason in entry.data.items():
                        seen += 1
                        assert "AwsSolutions-" in rule
                        assert len(reason) >= 30, (construct.node.path, rule, reason)
    assert seen >= 10


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_every_acknowledgement_suppresses_a_finding(stage, request, tmp_path: Path, deployed_dirs):
    """Synthesize with acknowledgements off: each one must match a finding it silences.

    The deployed state (base model staged, adapter deployed): every construct exists."""
    from infra.app_builder import build_stage_app, new_app
    from infra.nag import (
        UNACKNOWLEDGED_CONTEXT,
        acknowledgments,
        findings_in_report,
        unused_acknowledgments,
    )

    acknowledged = acknowledgments(request.getfixturevalue(stage).stage_app.app)
    assert acknowledged
    config, state = deployed_dirs
    bare = build_stage_app(
        new_app(tmp_path, {UNACKNOWLEDGED_CONTEXT: True}),
        stage,
        config_dir=config,
        state_root=state,
    )
    with pytest.raises(RuntimeError, match="ValidationFailed"):
        bare.app.synth()
    findings = findings_in_report(tmp_path / "validation-report.json")
    assert unused_acknowledgments(acknowledged, findings) == []


def test_unused_acknowledgement_is_reported():
    from infra.nag import unused_acknowledgments

    findings = [("S/Role/DefaultPolicy/Resource", "AwsSolutions-IAM5[Resource::*]")]
    used = ("S/Role", "AwsSolutions-IAM5[Resource::*]")
    stale = [("S/Role", "AwsSolutions-IAM4"), ("S/Other", "AwsSolutions-IAM5[Resource::*]")]
    assert unused_acknowledgments([used, *stale], findings) == stale


def _lint(paths: list[Path]) -> tuple[int, list[dict]]:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("cfn-lint")), "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout or "[]")


def test_cfn_lint_clean_except_cdk_generated_depends_on(dev, prod, fresh_dev, fresh_prod):
    templates = [
        path
        for synth in (dev, prod, fresh_dev, fresh_prod)
        for path in sorted(synth.outdir.glob("*.template.json"))
    ]
    assert len(templates) == 12
    code, findings = _lint(templates)
    # W3005 (DependsOn already implied by GetAtt) comes from CDK's own state machine,
    # auto-delete and AwsCustomResource provider code; anything else must be fixed.
    unexplained = [
        f
        for f in findings
        if not (
            f["Rule"]["Id"] == "W3005"
            and any(
                name in f["Message"]
                for name in (
                    "JobStateMachineRole",
                    "AutoDeleteObjectsCustomResourceProviderRole",
                    "AWS679f53fac002430cb0da5b7982bd2287ServiceRole",
                )
            )
        )
    ]
    assert unexplained == []
    assert code in (0, 4), code  # 4: warnings only


def test_cfn_lint_catches_a_broken_template(tmp_path: Path, dev):
    broken = json.loads(json.dumps(dev.templates["Endpoint"]))
    config = next(
        r for r in broken["Resources"].values() if r["Type"] == "AWS::SageMaker::EndpointConfig"
    )
    config["Properties"]["ProductionVariants"][0]["InitialInstanceCount"] = "many"
    path = tmp_path / "broken.template.json"
    path.write_text(json.dumps(broken))
    code, findings = _lint([path])
    assert code & 2  # errors
    assert any(f["Rule"]["Id"].startswith("E") for f in findings)


@pytest.mark.parametrize(
    ("snapshot_set", "fixture"),
    [
        ("dev", "fresh_dev"),
        ("prod", "fresh_prod"),
        ("dev-deployed", "dev"),
        ("prod-deployed", "prod"),
    ],
)
def test_templates_match_committed_snapshots(snapshot_set, fixture, request):
    synth = request.getfixturevalue(fixture)
    templates = {
        s.stack_name: synth.templates[s.stack_name.rsplit("-", 1)[1]]
        for s in synth.stage_app.stacks
    }
    problems = snapshot_differences(snapshot_set, templates)
    assert not problems, (
        "templates differ from infra/snapshots; review, then refresh with "
        "`quantreason infra snapshot`:\n" + "\n".join(problems)
    )


def test_refreshing_a_stage_refreshes_its_deployed_snapshots_too():
    # `quantreason infra snapshot --stage dev` passes "dev": an endpoint setting shows only in
    # dev-deployed, so a refresh of dev alone would leave that snapshot stale.
    assert snapshot_sets(["dev"]) == ["dev", "dev-deployed"]
    assert snapshot_sets(["prod-deployed"]) == ["prod-deployed"]
    assert snapshot_sets([]) == list(SNAPSHOT_SETS)
    assert sorted(snapshot_sets(["dev", "prod"])) == sorted(SNAPSHOT_SETS)


def test_two_synths_are_byte_identical(tmp_path: Path):
    from infra.app_builder import build_stage_app, new_app

    # Two synths back to back (not the session fixture: on a shared work tree the training
    # code may change between them, and the asset hash follows the code). Deployed state, so
    # that the training code asset is part of it.
    config, state = deployed_config(tmp_path / "dirs", "dev")
    first, second = tmp_path / "first", tmp_path / "second"
    for outdir in (first, second):
        build_stage_app(new_app(outdir), "dev", config_dir=config, state_root=state).app.synth()
    templates = sorted(first.glob("*.template.json"))
    assert len(templates) == 3
    for path in templates:
        assert (second / path.name).read_bytes() == path.read_bytes(), path.name
    tarballs = sorted(p.name for p in first.glob("asset.*.gz"))
    assert len(tarballs) == 1 and tarballs == sorted(p.name for p in second.glob("asset.*.gz"))


def test_snapshot_comparison_ignores_only_asset_hashes():
    text = render({"Key": "s3://b/" + "a" * 64 + ".gz", "Max": 4})
    assert mask_hashes(text) == mask_hashes(text.replace("a" * 64, "b" * 64))
    assert mask_hashes(text) != mask_hashes(text.replace('"Max": 4', '"Max": 10'))


def test_committed_snapshots_store_masked_asset_hashes():
    """One rule for reviewers and tests: no snapshot holds a raw asset hash."""
    from infra.snapshots import SNAPSHOT_DIR

    files = sorted(SNAPSHOT_DIR.glob("*/*.template.json"))
    assert len(files) == 12  # {dev, prod} x {fresh, deployed} x 3 stacks
    for path in files:
        text = path.read_text()
        assert mask_hashes(text) == text, path
    assert any("<asset-hash>" in p.read_text() for p in files)


def test_mask_command_masks_a_cloud_assembly(tmp_path: Path):
    from infra.snapshots import main

    raw = render({"Key": "a" * 64 + ".gz"})
    (tmp_path / "S.template.json").write_text(raw)
    assert main(["mask", str(tmp_path)]) == 0
    assert (tmp_path / "S.template.json").read_text() == mask_hashes(raw) != raw
