"""Committed snapshot templates per stage, compared in tests and refreshed by one command.

``quantreason infra snapshot`` rewrites ``infra/snapshots/<set>/<stack>.template.json``;
``quantreason infra diff`` runs ``cdk diff --template`` against them (offline, no credentials).
Templates are written with sorted keys and a trailing newline so the files are stable.

Two sets per stage: ``<stage>`` is what a fresh clone synthesizes (nothing staged or deployed:
no state machine, no endpoint), ``<stage>-deployed`` the same stage after
``quantreason aws stage-base-model`` and ``quantreason aws deploy`` with the example values
below, so that a reviewer sees every resource change.

Asset hashes (64 hex digits) are masked everywhere a reviewer or a test compares templates:
the snapshot files store ``<asset-hash>``, the test compares masked text, and the pull request's
``cdk diff`` (and ``quantreason infra diff``) masks the synthesized templates first
(``python -m infra.snapshots mask DIR``). The training code asset's hash changes with every edit
of ``training/`` or ``quantreason/``; that change is reviewed as code, not as infrastructure,
so a code-only commit needs no snapshot refresh and shows no ``cdk diff``.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from quantreason.paths import CONFIG_DIR, REPO_ROOT, STATE_DIR

SNAPSHOT_DIR = REPO_ROOT / "infra" / "snapshots"
STAGES = ("dev", "prod")
DEPLOYED_SUFFIX = "-deployed"
#: Snapshot sets: each stage fresh, and each stage deployed with the example state below.
SNAPSHOT_SETS = (*STAGES, *(f"{stage}{DEPLOYED_SUFFIX}" for stage in STAGES))
#: A staged base model and the serving data `quantreason aws deploy` builds on it.
EXAMPLE_BASE_MODEL = "base-models/smollm2-135m-instruct/0123456789ab/"
EXAMPLE_MODEL_DATA = (
    "s3://quantreason-example-artifacts/artifacts/serving/aaaabbbbcccc-0123456789ab/"
)
_HASH_RE = re.compile(r"\b[0-9a-f]{64}\b")


def example_deployed_dirs(root: Path, stages: tuple[str, ...] = STAGES) -> tuple[Path, Path]:
    """Copies of ``config/`` and ``state/`` under ``root`` in which ``stages`` name the example
    base model and deploy state; returns ``(config_dir, state_root)``."""
    config, state = root / "config", root / "state"
    shutil.copytree(CONFIG_DIR / "stages", config / "stages")
    shutil.copytree(STATE_DIR, state)
    for leftover in state.glob("*/deploy.json"):
        leftover.unlink()  # a developer's own deploy state never reaches a snapshot
    for stage in stages:
        stage_file = config / "stages" / f"{stage}.yaml"
        text = stage_file.read_text()
        if "base_model: null" not in text:
            raise ValueError(f"{stage_file}: expected 'base_model: null' to replace")
        stage_file.write_text(text.replace("base_model: null", f"base_model: {EXAMPLE_BASE_MODEL}"))
        deploy = {
            "stage": stage,
            "model_data": EXAMPLE_MODEL_DATA,
            "base_model": EXAMPLE_BASE_MODEL,
            "archive_sha256": "a" * 64,
        }
        (state / stage / "deploy.json").write_text(json.dumps(deploy, indent=2) + "\n")
    return config, state


def synth_templates(snapshot_set: str, outdir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Synthesize a snapshot set (cdk-nag included); return ``{stack name: template}``."""
    from infra.app_builder import build_stage_app, new_app

    stage = snapshot_set.removesuffix(DEPLOYED_SUFFIX)
    with tempfile.TemporaryDirectory(prefix="quantreason-synth-") as tmp:
        dirs: dict[str, Path] = {}
        if snapshot_set.endswith(DEPLOYED_SUFFIX):
            config, state = example_deployed_dirs(Path(tmp) / "example", (stage,))
            dirs = {"config_dir": config, "state_root": state}
        stage_app = build_stage_app(new_app(outdir or Path(tmp) / "out"), stage, **dirs)
        assembly = stage_app.app.synth()
        return {
            s.stack_name: assembly.get_stack_by_name(s.stack_name).template
            for s in stage_app.stacks
        }


def render(template: dict[str, Any]) -> str:
    """The canonical text of a template (what the snapshot files hold)."""
    return json.dumps(template, indent=1, sort_keys=True) + "\n"


def snapshot_path(stage: str, stack_name: str) -> Path:
    """Where the snapshot of ``stack_name`` lives."""
    return SNAPSHOT_DIR / stage / f"{stack_name}.template.json"


def write_snapshots(stage: str, templates: dict[str, dict[str, Any]]) -> list[Path]:
    """Replace the stage's snapshot files with ``templates``; returns the paths written."""
    folder = SNAPSHOT_DIR / stage
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.template.json"):
        old.unlink()
    written = []
    for name, template in templates.items():
        path = snapshot_path(stage, name)
        path.write_text(mask_hashes(render(template)))
        written.append(path)
    return written


def mask_hashes(text: str) -> str:
    """Replace asset hashes by a placeholder."""
    return _HASH_RE.sub("<asset-hash>", text)


def mask_templates(folder: Path) -> list[Path]:
    """Mask the asset hashes of every ``*.template.json`` in ``folder`` (a cloud assembly)."""
    paths = sorted(folder.glob("*.template.json"))
    for path in paths:
        path.write_text(mask_hashes(path.read_text()))
    return paths


def snapshot_differences(stage: str, templates: dict[str, dict[str, Any]]) -> list[str]:
    """Unified diffs (hashes masked) between ``templates`` and the committed snapshots."""
    problems = []
    expected_files = {snapshot_path(stage, name) for name in templates}
    for extra in sorted(set((SNAPSHOT_DIR / stage).glob("*.template.json")) - expected_files):
        problems.append(f"{extra}: snapshot of a stack the app no longer has")
    for name, template in templates.items():
        path = snapshot_path(stage, name)
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        want = mask_hashes(path.read_text()).splitlines(keepends=True)
        got = mask_hashes(render(template)).splitlines(keepends=True)
        if want != got:
            diff = difflib.unified_diff(want, got, str(path), f"synth {name}", n=2)
            problems.append("".join(diff))
    return problems


def snapshot_sets(names: list[str]) -> list[str]:
    """The snapshot sets ``names`` stand for: a stage's name stands for both its sets (fresh
    and deployed), so that refreshing a stage refreshes every template its settings reach; a
    set's own name (``dev-deployed``) for itself; none for every set."""
    if not names:
        return list(SNAPSHOT_SETS)
    sets = []
    for name in names:
        sets += [name, f"{name}{DEPLOYED_SUFFIX}"] if name in STAGES else [name]
    return sets


def main(argv: list[str]) -> int:
    """``python -m infra.snapshots write|check [STAGE|SET ...]`` (a stage: both its sets; a set:
    ``dev-deployed``, ...) or ``mask DIR ...`` (from the repository root)."""
    if not argv or argv[0] not in ("write", "check", "mask"):
        print("usage: python -m infra.snapshots write|check [STAGE|SET ...] | mask DIR ...")
        return 2
    if argv[0] == "mask":
        for folder in argv[1:]:
            for path in mask_templates(Path(folder)):
                print(f"masked {path}")
        return 0
    stages = snapshot_sets(argv[1:])
    failed = False
    for stage in stages:
        templates = synth_templates(stage)
        if argv[0] == "write":
            for path in write_snapshots(stage, templates):
                print(f"wrote {path.relative_to(REPO_ROOT)}")
            continue
        problems = snapshot_differences(stage, templates)
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
        print(f"{stage}: {'differs from' if problems else 'matches'} the snapshots")
    return 1 if failed else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
