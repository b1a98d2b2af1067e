"""Typed settings from YAML: build frozen dataclasses, reporting every bad key and value at once.

Shared by the training profiles (``config/train``), the pipeline profiles (``config/pipeline``)
and the deployment stages (``config/stages``), so that a typo fails at load with a message
naming the key, never silently falling back to a default (trl drops unknown keys; torchtune's
``cfg.get`` hides typos). Problems are collected, not raised one by one: a file with three
mistakes is fixed in one round trip.

Supported field types: ``bool``, ``int``, ``float``, non-empty ``str``, ``Literal[...]``,
``list[T]``, ``tuple[T, ...]``, optional (``T | None``) and nested dataclasses (a missing or
``null`` section takes its defaults).
"""

from __future__ import annotations

import contextlib
import dataclasses
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints


def build_settings(cls: type, raw: Any, where: str, error: type[ValueError]) -> Any:
    """Build dataclass ``cls`` from ``raw``; raise ``error("where: problem; problem")``."""
    problems: list[str] = []
    settings = _collect(cls, raw, problems)
    if problems:
        raise error(f"{where}: " + "; ".join(problems))
    return settings


def _collect(cls: type, raw: Any, problems: list[str], path: str = "") -> Any:
    """Build ``cls`` from ``raw``, appending ``"dotted.key: problem"`` for every problem.

    Returns None when anything at or below ``path`` was wrong.
    """
    prefix = f"{path}: " if path else ""
    if not isinstance(raw, dict):
        problems.append(f"{prefix}expected a mapping, got {type(raw).__name__}")
        return None
    fields = {f.name: f for f in dataclasses.fields(cls)}
    found = len(problems)
    unknown = sorted(map(str, set(raw) - set(fields)))  # YAML keys may be ints or booleans
    if unknown:
        problems.append(
            f"{prefix}unknown key(s) {', '.join(unknown)}; allowed: {', '.join(fields)}"
        )
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        key = f"{path}.{name}" if path else name
        if name in raw:
            values[name] = _coerce(hints[name], raw[name], key, problems)
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            problems.append(f"{key}: missing")
    return None if len(problems) > found else cls(**values)


def _coerce(hint: Any, value: Any, key: str, problems: list[str]) -> Any:
    """``value`` checked against ``hint``; a problem is appended and ``value`` returned as is."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if len(options) != 1 or len(get_args(hint)) != 2:
            raise TypeError(f"unsupported settings type {hint!r}: only 'T | None' unions")
        return None if value is None else _coerce(options[0], value, key, problems)
    if dataclasses.is_dataclass(hint):
        return _collect(hint, {} if value is None else value, problems, key)
    if origin is Literal:
        allowed = get_args(hint)
        if value not in allowed:
            problems.append(f"{key}: expected one of {list(allowed)}, got {value!r}")
        return value
    if origin in (list, tuple):
        if not isinstance(value, list):
            problems.append(f"{key}: expected a list, got {value!r}")
            return value
        item_hint = get_args(hint)[0]
        items = [_coerce(item_hint, item, f"{key}[{i}]", problems) for i, item in enumerate(value)]
        return items if origin is list else tuple(items)
    checked = _scalar(hint, value)
    if checked is _INVALID:
        problems.append(f"{key}: expected {_EXPECTED[hint]}, got {value!r}")
        return value
    return checked


_INVALID = object()
_EXPECTED = {bool: "true/false", int: "an integer", float: "a number", str: "a non-empty string"}


def _scalar(hint: Any, value: Any) -> Any:
    """``value`` as ``hint`` (bool, int, float, str), or ``_INVALID``."""
    if hint not in _EXPECTED:
        raise TypeError(f"unsupported settings type {hint!r}")  # a bug in a settings class
    if hint is bool:
        return value if isinstance(value, bool) else _INVALID
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _INVALID
    if hint is float:
        if isinstance(value, str):  # YAML 1.1 reads "1e-4" (no dot) as a string
            with contextlib.suppress(ValueError):
                value = float(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return _INVALID
        return float(value)
    return value if isinstance(value, str) and value else _INVALID
