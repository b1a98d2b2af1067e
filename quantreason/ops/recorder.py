"""``--dry-run``: record the AWS calls a command would make, and make none.

A :class:`DryRunClient` stands in for a boto3 client. Each call is checked against the
service's API model (operation name and parameters, exactly as botocore would validate
them before sending), recorded, and answered with a placeholder so that the command's logic
can go on: the printed plan is the same sequence of calls a real run would start with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quantreason import naming

#: Values longer than this are shown by size, not content (file bodies, JSON inputs).
MAX_SHOWN = 120


@dataclass(frozen=True)
class RecordedCall:
    """One API call a dry run would make."""

    service: str
    operation: str
    params: dict[str, Any]

    def render(self) -> str:
        """``service.operation(Key=value, ...)`` with large values summarised."""
        args = ", ".join(f"{k}={_short(v)}" for k, v in self.params.items())
        return f"{self.service}.{self.operation}({args})"


def _short(value: Any) -> str:
    if isinstance(value, bytes | bytearray):
        return f"<{len(value)} bytes>"
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


@dataclass
class DryRunRecorder:
    """The calls recorded so far, in order."""

    calls: list[RecordedCall] = field(default_factory=list)

    def operations(self) -> list[str]:
        """``["cloudformation.describe_stacks", ...]``: handy for tests and summaries."""
        return [f"{c.service}.{c.operation}" for c in self.calls]


def _placeholder(service: str, operation: str, params: dict[str, Any]) -> dict[str, Any]:
    """A response shaped enough for the commands to continue planning."""
    if service == "cloudformation" and operation == "describe_stacks":
        name = params.get("StackName", "stack")
        keys = [v for k, v in vars(naming).items() if k.startswith("OUTPUT_")]
        outputs = [{"OutputKey": key, "OutputValue": f"<{key} of {name}>"} for key in keys]
        return {"Stacks": [{"StackName": name, "StackStatus": "<dry-run>", "Outputs": outputs}]}
    return {}


class DryRunClient:
    """Proxy for a boto3 client: validates, records and answers with placeholders."""

    def __init__(self, real: Any, service: str, recorder: DryRunRecorder) -> None:
        self._real = real
        self._service = service
        self._recorder = recorder

    @property
    def meta(self) -> Any:
        """The real client's metadata (region, service model)."""
        return self._real.meta

    @property
    def exceptions(self) -> Any:
        """The real client's modelled exceptions, so ``except client.exceptions.X`` works."""
        return self._real.exceptions

    def __getattr__(self, name: str) -> Any:
        from botocore.validate import validate_parameters

        api_name = self._real.meta.method_to_api_mapping.get(name)
        if api_name is None:
            raise AttributeError(f"{self._service} has no operation {name!r}")
        model = self._real.meta.service_model.operation_model(api_name)

        def call(**params: Any) -> dict[str, Any]:
            if model.input_shape is not None:
                validate_parameters(params, model.input_shape)
            self._recorder.calls.append(RecordedCall(self._service, name, params))
            return _placeholder(self._service, name, params)

        return call
