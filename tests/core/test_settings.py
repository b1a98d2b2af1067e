"""The shared settings builder: every problem in one message, each naming its dotted key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import pytest

from quantreason.settings import build_settings


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Inner:
    rate: float = 0.1
    mode: Literal["fast", "safe"] = "safe"


@dataclass(frozen=True)
class Outer:
    name: str
    steps: int = 10
    tags: list[str] = field(default_factory=list)
    shape: tuple[int, ...] = (1, 2)
    note: str | None = None
    inner: Inner = field(default_factory=Inner)


def build(raw: object) -> Outer:
    return build_settings(Outer, raw, "demo.yaml", SettingsError)


def test_a_valid_mapping_builds_typed_values() -> None:
    built = build({"name": "x", "shape": [3, 4], "inner": {"rate": "1e-4", "mode": "fast"}})
    assert built == Outer(name="x", shape=(3, 4), inner=Inner(rate=1e-4, mode="fast"))


def test_a_null_section_takes_its_defaults() -> None:
    assert build({"name": "x", "inner": None}).inner == Inner()


def test_every_problem_is_reported_at_once_with_its_key() -> None:
    with pytest.raises(SettingsError) as info:
        build({"stepz": 1, "steps": "ten", "tags": "a", "inner": {"mode": "turbo", "rat": 1}})
    message = str(info.value)
    assert message.startswith("demo.yaml: ")
    for part in (
        "unknown key(s) stepz; allowed: name, steps",
        "name: missing",
        "steps: expected an integer, got 'ten'",
        "tags: expected a list, got 'a'",
        "inner: unknown key(s) rat",
        "inner.mode: expected one of ['fast', 'safe'], got 'turbo'",
    ):
        assert part in message


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"name": ""}, "name: expected a non-empty string"),
        ({"name": "x", "steps": True}, "steps: expected an integer, got True"),
        ({"name": "x", "inner": {"rate": "fast"}}, "inner.rate: expected a number"),
        ({"name": "x", "tags": ["a", 2]}, "tags[1]: expected a non-empty string, got 2"),
        ({"name": "x", True: 1, 3: 2}, "unknown key(s) 3, True"),
        (["name"], "expected a mapping, got list"),
    ],
)
def test_wrong_types_are_rejected(raw: object, problem: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(problem)):
        build(raw)
