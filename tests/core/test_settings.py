"""The configuration layer: every problem in one message, each naming its dotted key."""

from __future__ import annotations

import re
from typing import Literal

import pytest

from quantreason.settings import (
    Bool,
    EnvSettings,
    Int,
    Number,
    Settings,
    Text,
    build_settings,
    parse_flag,
)


class SettingsError(ValueError):
    pass


class Inner(Settings):
    rate: Number = 0.1
    mode: Literal["fast", "safe"] = "safe"


class Outer(Settings):
    name: Text
    steps: Int = 10
    tags: tuple[Text, ...] = ()
    shape: tuple[Int, ...] = (1, 2)
    note: Text | None = None
    switch: Bool = False
    inner: Inner = Inner()
    optional_inner: Inner | None = None


def build(raw: object) -> Outer:
    return build_settings(Outer, raw, "demo.yaml", SettingsError)


def test_a_valid_mapping_builds_typed_values() -> None:
    built = build({"name": "x", "shape": [3, 4], "inner": {"rate": "1e-4", "mode": "fast"}})
    assert built == Outer(name="x", shape=(3, 4), inner=Inner(rate=1e-4, mode="fast"))


def test_a_null_section_takes_its_defaults_but_an_optional_one_stays_off() -> None:
    built = build({"name": "x", "inner": None, "optional_inner": None})
    assert built.inner == Inner() and built.optional_inner is None
    assert build({"name": "x", "optional_inner": {}}).optional_inner == Inner()


def test_every_problem_is_reported_at_once_with_its_key() -> None:
    with pytest.raises(SettingsError) as info:
        build({"stepz": 1, "steps": "ten", "tags": "a", "inner": {"mode": "turbo", "rat": 1}})
    message = str(info.value)
    assert message.startswith("demo.yaml: ")
    for part in (
        "stepz: unknown key (allowed: name, steps, tags",
        "name: missing",
        "steps: Input should be a valid integer, got 'ten'",
        "tags: Input should be a valid tuple, got 'a'",
        "inner.rat: unknown key (allowed: rate, mode",
        "inner.mode: Input should be 'fast' or 'safe', got 'turbo'",
    ):
        assert part in message
    assert message.count("; ") == 5  # six problems, one message


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"name": ""}, "name: String should have at least 1 character"),
        ({"name": "x", "steps": True}, "steps: Input should be a valid integer, got True"),
        ({"name": "x", "steps": 2.5}, "steps: Input should be a valid integer, got 2.5"),
        ({"name": "x", "switch": 1}, "switch: Input should be a valid boolean, got 1"),
        ({"name": "x", "inner": {"rate": "fast"}}, "inner.rate: Input should be a valid number"),
        ({"name": "x", "inner": {"rate": True}}, "inner.rate: expected a number, got true/false"),
        ({"name": "x", "tags": ["a", 2]}, "tags[1]: Input should be a valid string, got 2"),
        ({"name": "x", True: 1, 3: 2}, "True: unknown key (keys are names); 3: unknown key"),
        (["name"], "Input should be a valid dictionary or instance of Outer"),
    ],
)
def test_wrong_types_are_rejected(raw: object, problem: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(problem)):
        build(raw)


def test_settings_are_frozen() -> None:
    built = build({"name": "x"})
    with pytest.raises(ValueError, match="frozen"):
        built.steps = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "value"), [("1", True), ("true", True), (" on ", True), ("0", False), ("no", False)]
)
def test_flags_read_the_usual_spellings(text: str, value: bool) -> None:
    assert parse_flag(text, "X") is value


def test_a_flag_that_is_neither_fails_naming_its_key() -> None:
    with pytest.raises(ValueError, match=r"QUANTREASON_WARMUP must be true/false.*'maybe'"):
        parse_flag("maybe", "QUANTREASON_WARMUP")


class DemoEnv(EnvSettings):
    max_batch: int = 16
    warmup: bool = True


def test_env_settings_read_the_prefixed_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUANTREASON_MAX_BATCH", "4")
    monkeypatch.setenv("QUANTREASON_WARMUP", "off")
    monkeypatch.setenv("MAX_BATCH", "99")  # no prefix: not ours
    assert DemoEnv() == DemoEnv(max_batch=4, warmup=False)
