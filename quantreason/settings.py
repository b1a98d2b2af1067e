"""Typed settings from YAML: build frozen dataclasses, rejecting unknown keys and bad types.

Shared by the training profiles (``config/train``) and the pipeline profiles
(``config/pipeline``), so that a typo fails at load with one message naming the key, never
silently falling back to a default (trl drops unknown keys; torchtune's ``cfg.get`` hides typos).
"""

from __future__ import annotations

import contextlib
import dataclasses
import types
from typing import Any, Union, get_args, get_origin, get_type_hints


def build_settings(cls: type, raw: Any, where: str, error: type[ValueError]) -> Any:
    """Build dataclass ``cls`` (nested dataclasses allowed) from ``raw``; raise ``error``."""
    if not isinstance(raw, dict):
        raise error(f"{where}: expected a mapping, got {type(raw).__name__}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise error(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(fields)}")
    hints = get_type_hints(cls)
    values = {}
    for name, value in raw.items():
        hint = hints[name]
        if dataclasses.is_dataclass(hint):
            values[name] = build_settings(hint, value, f"{where}: {name}", error)
        else:
            values[name] = coerce_value(value, hint, f"{where}: {name}", error)
    return cls(**values)


def coerce_value(value: Any, hint: Any, where: str, error: type[ValueError]) -> Any:
    """Check ``value`` against the type ``hint`` (int, float, bool, str, list, tuple, optional)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return coerce_value(value, args[0], where, error)
    if origin in (list, tuple):
        item_type = get_args(hint)[0]
        if not isinstance(value, list):
            raise error(f"{where}: expected a list, got {value!r}")
        items = [coerce_value(v, item_type, where, error) for v in value]
        return items if origin is list else tuple(items)
    if hint is bool:
        if not isinstance(value, bool):
            raise error(f"{where}: expected true/false, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise error(f"{where}: expected an integer, got {value!r}")
        return value
    if hint is float:
        if isinstance(value, str):  # YAML 1.1 reads "1e-4" (no dot) as a string
            with contextlib.suppress(ValueError):
                value = float(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise error(f"{where}: expected a number, got {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise error(f"{where}: expected a string, got {value!r}")
        return value
    raise error(f"{where}: unsupported type {hint}")  # pragma: no cover
