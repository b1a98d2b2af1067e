"""Helpers shared by the infra tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infra.snapshots import EXAMPLE_BASE_MODEL, EXAMPLE_MODEL_DATA, example_deployed_dirs

BASE_MODEL = EXAMPLE_BASE_MODEL
MODEL_DATA = EXAMPLE_MODEL_DATA


def copy_config(tmp_path: Path) -> tuple[Path, Path]:
    """Writable copies of config/ (stages) and state/ (capacity plans): ``(config, state)``."""
    return example_deployed_dirs(tmp_path, stages=())


def set_base_model(config: Path, stage: str, prefix: str = BASE_MODEL) -> None:
    """Name a staged base model in the copy's stage file (as a user does after staging)."""
    stage_file = config / "stages" / f"{stage}.yaml"
    text = stage_file.read_text()
    assert "base_model: null" in text
    stage_file.write_text(text.replace("base_model: null", f"base_model: {prefix}"))


def write_deploy_state(
    state: Path, stage: str, model_data: str = MODEL_DATA, base_model: str = BASE_MODEL
) -> Path:
    """``state/<stage>/deploy.json`` as `quantreason aws deploy` writes it."""
    path = state / stage / "deploy.json"
    path.write_text(
        json.dumps(
            {
                "stage": stage,
                "model_data": model_data,
                "base_model": base_model,
                "archive_sha256": "a" * 64,
            }
        )
    )
    return path


def deployed_config(tmp_path: Path, *stages: str) -> tuple[Path, Path]:
    """Config and state of stages after staging a base model and `aws deploy`."""
    return example_deployed_dirs(tmp_path, stages)


def resources(template: dict[str, Any], type_: str) -> dict[str, dict[str, Any]]:
    """``{logical id: resource}`` of one type."""
    return {k: v for k, v in template["Resources"].items() if v["Type"] == type_}


def only(template: dict[str, Any], type_: str) -> dict[str, Any]:
    """The one resource of ``type_`` (fails if there are none or several)."""
    found = resources(template, type_)
    assert len(found) == 1, f"expected one {type_}, found {sorted(found)}"
    return next(iter(found.values()))


def flatten(value: Any) -> str:
    """Render a CloudFormation string expression as readable text.

    ``{"Ref": "X"}`` -> ``${X}``, ``{"Fn::GetAtt": [A, B]}`` -> ``${A.B}``,
    ``{"Fn::ImportValue": N}`` -> ``${import:N}``, ``Fn::FindInMap`` -> ``${map:M.K.V}``;
    ``Fn::Join`` is joined, a plain ``Fn::Sub`` kept as is. Lets tests assert on ARNs, URIs
    and state machine definitions.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((key, arg),) = value.items()
        if key == "Ref":
            return "${" + arg + "}"
        if key == "Fn::GetAtt":
            return "${" + ".".join(arg) + "}"
        if key == "Fn::ImportValue":
            return "${import:" + flatten(arg) + "}"
        if key == "Fn::FindInMap":
            return "${map:" + ".".join(flatten(a) for a in arg) + "}"
        if key == "Fn::Sub" and isinstance(arg, str):
            return arg
        if key == "Fn::Join":
            separator, parts = arg
            return separator.join(flatten(p) for p in parts)
    raise AssertionError(f"cannot flatten {value!r}")


def state_machine_definition(template: dict[str, Any]) -> dict[str, Any]:
    """The (flattened, parsed) definition of the one state machine in ``template``."""
    import json

    machine = only(template, "AWS::StepFunctions::StateMachine")
    return json.loads(flatten(machine["Properties"]["DefinitionString"]))


def policy_statements(template: dict[str, Any], logical_prefix: str) -> list[dict[str, Any]]:
    """Statements of the IAM policies whose logical id starts with ``logical_prefix``."""
    statements = []
    for logical_id, policy in resources(template, "AWS::IAM::Policy").items():
        if logical_id.startswith(logical_prefix):
            statements += policy["Properties"]["PolicyDocument"]["Statement"]
    return statements


def as_list(value: Any) -> list[Any]:
    """IAM allows a single value or a list."""
    return value if isinstance(value, list) else [value]


@dataclass
class Synth:
    """One synthesized stage: its app, its templates (dicts) and its cloud assembly dir."""

    stage_app: Any
    templates: dict[str, Any]
    outdir: Path

    def template(self, part: str) -> Any:
        """``aws_cdk.assertions.Template`` of the ``Storage``/``Training``/``Endpoint`` stack."""
        from aws_cdk.assertions import Template

        return Template.from_json(self.templates[part])


def synth_stage(stage: str, outdir: Path, **kwargs: Any) -> Synth:
    from infra.app_builder import build_stage_app, new_app

    stage_app = build_stage_app(new_app(outdir), stage, **kwargs)
    assembly = stage_app.app.synth()  # cdk-nag runs here: a finding raises ValidationFailed
    templates = {
        s.stack_name.rsplit("-", 1)[1]: assembly.get_stack_by_name(s.stack_name).template
        for s in stage_app.stacks
    }
    return Synth(stage_app, templates, outdir)
