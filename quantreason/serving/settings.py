"""Everything serving reads from the environment, in one place, read once at model load.

=====================================  =========  =============================================
environment variable                   default    meaning
=====================================  =========  =============================================
``QUANTREASON_BASE_MODEL``             embedded   hub id in the cloud, model spec locally
``QUANTREASON_MERGE_ADAPTER``          1          merge the LoRA into the weights at load
``QUANTREASON_WARMUP``                 1          one short generation before ``/ping`` is 200
``QUANTREASON_BATCHING``               1          concurrent requests share generation steps
``QUANTREASON_BATCH_MAX_SEQUENCES``    16         at most this many questions per step
``QUANTREASON_REQUEST_TIMEOUT_S``      300        a request waits at most this long (then 503)
``QUANTREASON_SC_SAMPLES``             0          sampled replies that vote (0: greedy only)
``QUANTREASON_SC_TEMPERATURE``         0.7        their sampling temperature
``QUANTREASON_ABSTAIN_BELOW``          0          abstain below this vote share (0: never)
``QUANTREASON_MAX_BODY_BYTES`` ...     see below  request limits (:class:`Limits`)
=====================================  =========  =============================================

Request limits (a request over one is answered with the status in the last column):

==========================  =======  ==========================================  ======
limit                       default  environment variable                        status
==========================  =======  ==========================================  ======
request body size (bytes)   65536    ``QUANTREASON_MAX_BODY_BYTES``              413
characters per question     2000     ``QUANTREASON_MAX_QUESTION_CHARS``          413
questions per request       16       ``QUANTREASON_MAX_BATCH``                   413
``max_new_tokens`` range    1..256   ``QUANTREASON_MAX_NEW_TOKENS_LIMIT``        400
``max_new_tokens`` default  128      ``QUANTREASON_DEFAULT_NEW_TOKENS``          n/a
==========================  =======  ==========================================  ======

This is the only module of ``quantreason.serving`` that reads ``os.environ`` (one small module,
so that moving it to pydantic-settings with the ``QUANTREASON_`` prefix touches nothing else).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from quantreason import naming
from quantreason.consensus import SelfConsistency
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS

PREFIX = "QUANTREASON_"
BASE_MODEL_ENV = naming.BASE_MODEL_ENV  # never HF_MODEL_ID (see quantreason.naming)
DEFAULT_BASE_MODEL = "embedded"


@dataclass(frozen=True)
class Limits:
    """Documented request limits (see the module docstring)."""

    max_body_bytes: int = 65536
    max_question_chars: int = 2000
    max_batch: int = 16
    max_new_tokens_limit: int = 256
    default_new_tokens: int = DEFAULT_MAX_NEW_TOKENS

    def __post_init__(self) -> None:
        _check_positive(self)
        if self.default_new_tokens > self.max_new_tokens_limit:
            raise ValueError("default_new_tokens must not exceed max_new_tokens_limit")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Defaults overridden by ``QUANTREASON_<LIMIT NAME>`` environment variables."""
        environ = os.environ if environ is None else environ
        return cls(**_numbers(cls, environ, int))


@dataclass(frozen=True)
class BatchSettings:
    """How concurrent requests share the model (see :mod:`quantreason.serving.batching`)."""

    enabled: bool = True  # off: one request at a time, each as its own padded batch
    max_sequences: int = 16  # questions generated together in one step, across requests
    request_timeout_s: float = 300.0  # a request waiting longer is cancelled and answered 503

    def __post_init__(self) -> None:
        if self.max_sequences < 1 or self.request_timeout_s <= 0:
            raise ValueError("batch max_sequences must be >= 1 and request_timeout_s > 0")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BatchSettings:
        """``QUANTREASON_BATCHING``, ``QUANTREASON_BATCH_MAX_SEQUENCES``,
        ``QUANTREASON_REQUEST_TIMEOUT_S``."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {"enabled": _flag(environ, f"{PREFIX}BATCHING", True)}
        if f"{PREFIX}BATCH_MAX_SEQUENCES" in environ:
            values["max_sequences"] = _number(environ, f"{PREFIX}BATCH_MAX_SEQUENCES", int)
        if f"{PREFIX}REQUEST_TIMEOUT_S" in environ:
            values["request_timeout_s"] = _number(environ, f"{PREFIX}REQUEST_TIMEOUT_S", float)
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ServingSettings:
    """Everything the predictor reads from the environment, read once at model load."""

    base_model: str = DEFAULT_BASE_MODEL
    merge_adapter: bool = True
    warmup: bool = True
    limits: Limits = field(default_factory=Limits)
    batching: BatchSettings = field(default_factory=BatchSettings)
    # Sampled votes and abstention (quantreason.consensus).
    self_consistency: SelfConsistency = field(default_factory=SelfConsistency)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServingSettings:
        """All serving settings from ``environ`` (default ``os.environ``); see the module doc."""
        environ = os.environ if environ is None else environ
        return cls(
            base_model=environ.get(BASE_MODEL_ENV) or DEFAULT_BASE_MODEL,
            merge_adapter=_flag(environ, f"{PREFIX}MERGE_ADAPTER", True),
            warmup=_flag(environ, f"{PREFIX}WARMUP", True),
            limits=Limits.from_env(environ),
            batching=BatchSettings.from_env(environ),
            self_consistency=SelfConsistency(
                samples=int(environ.get(f"{PREFIX}SC_SAMPLES", "0")),
                temperature=float(environ.get(f"{PREFIX}SC_TEMPERATURE", "0.7")),
                threshold=float(environ.get(f"{PREFIX}ABSTAIN_BELOW", "0")),
            ),
        )


def _check_positive(settings: object) -> None:
    for name, value in vars(settings).items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"limit {name} must be a positive integer, got {value!r}")


def _number(environ: Mapping[str, str], key: str, kind: type) -> int | float:
    try:
        return kind(environ[key])
    except ValueError:
        raise ValueError(f"{key} must be a {kind.__name__}, got {environ[key]!r}") from None


def _numbers(cls: type, environ: Mapping[str, str], kind: type) -> dict[str, int | float]:
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    keys = {name: f"{PREFIX}{name.upper()}" for name in fields}
    return {name: _number(environ, key, kind) for name, key in keys.items() if key in environ}


def _flag(environ: Mapping[str, str], key: str, default: bool) -> bool:
    value = environ.get(key)
    if value is None:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{key} must be 1/0/true/false, got {value!r}")
