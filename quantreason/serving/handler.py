"""The handler core shared by the SageMaker entry point and the local server.

``load_predictor`` loads the base model (+ the adapter found in the model directory) once and
warms it up; ``Predictor.predict`` answers a validated request as one batch; ``answer_record``
turns a reply into the response JSON, whose ``answer`` is the evaluated formula
(``quantreason.reply.interpret_response``). Responses are encoded with sorted keys and no
timings, so the same request always gives byte-identical bytes (decoding is greedy).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quantreason import naming
from quantreason.consensus import SelfConsistency, decide_batch, response_fields
from quantreason.reply import interpret_response, split_response, unit_of
from quantreason.serving.requests import InferenceRequest, InternalError, Limits, ServingError

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel

log = logging.getLogger(__name__)

BASE_MODEL_ENV = naming.BASE_MODEL_ENV  # never HF_MODEL_ID (see quantreason.naming)
DEFAULT_BASE_MODEL = "embedded"
WARMUP_QUESTION = "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?"


@dataclass(frozen=True)
class ServingSettings:
    """Everything the handler reads from the environment, read once at model load."""

    base_model: str = DEFAULT_BASE_MODEL
    merge_adapter: bool = True
    warmup: bool = True
    limits: Limits = field(default_factory=Limits)
    # Sampled votes and abstention (quantreason.consensus): QUANTREASON_SC_SAMPLES (default 0:
    # greedy only), QUANTREASON_SC_TEMPERATURE (0.7), QUANTREASON_ABSTAIN_BELOW (0: never).
    self_consistency: SelfConsistency = field(default_factory=SelfConsistency)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServingSettings:
        """``QUANTREASON_BASE_MODEL`` (in SageMaker the local copy of the staged weights,
        ``/opt/ml/model/base``; a model spec locally),
        ``QUANTREASON_MERGE_ADAPTER`` (default 1), ``QUANTREASON_WARMUP`` (default 1) and the
        request limits of :class:`Limits`."""
        environ = os.environ if environ is None else environ
        base = environ.get(BASE_MODEL_ENV)
        return cls(
            base_model=base or DEFAULT_BASE_MODEL,
            merge_adapter=_flag(environ, "QUANTREASON_MERGE_ADAPTER", True),
            warmup=_flag(environ, "QUANTREASON_WARMUP", True),
            limits=Limits.from_env(environ),
            self_consistency=SelfConsistency(
                samples=int(environ.get("QUANTREASON_SC_SAMPLES", "0")),
                temperature=float(environ.get("QUANTREASON_SC_TEMPERATURE", "0.7")),
                threshold=float(environ.get("QUANTREASON_ABSTAIN_BELOW", "0")),
            ),
        )


def _flag(environ: Mapping[str, str], key: str, default: bool) -> bool:
    value = environ.get(key)
    if value is None:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{key} must be 1/0/true/false, got {value!r}")


def _finite(value: float | None) -> float | None:
    # JSON has no inf/nan: a formula like 1/0 gives no answer rather than invalid JSON.
    return value if value is not None and math.isfinite(value) else None


def answer_record(text: str, *, model: str, adapter: str | None, output_tokens: int) -> dict:
    """Response object for one reply; valid JSON whatever the model wrote."""
    interpreted = interpret_response(text)
    answer = _finite(interpreted.answer)
    return {
        "answer": answer,
        "unit": unit_of(split_response(text).answer_text),
        "formula": interpreted.formula,
        "formula_error": interpreted.formula_error,
        "stated_answer": _finite(interpreted.stated_value),
        "parse_failed": answer is None,
        "completion": text,
        "output_tokens": output_tokens,
        "model": model,
        "adapter": adapter,
    }


def encode_json(document: object) -> bytes:
    """Deterministic compact JSON bytes (sorted keys; NaN/inf rejected)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def error_body(error: ServingError) -> bytes:
    """JSON bytes of an error response."""
    return encode_json(error.to_json())


@dataclass
class Predictor:
    """A loaded model answering validated requests."""

    loaded: LoadedModel
    settings: ServingSettings
    model_name: str
    adapter_name: str | None

    def predict(self, request: InferenceRequest) -> dict | list[dict]:
        """Answer all questions of ``request`` as one batch (one object if it sent one string)."""
        from quantreason.generation import generate

        texts = generate(
            self.loaded,
            request.questions,
            max_new_tokens=request.max_new_tokens,
            batch_size=len(request.questions),
        )
        tokenizer = self.loaded.tokenizer
        decisions = decide_batch(
            self.loaded,
            request.questions,
            texts,
            self.settings.self_consistency,
            max_new_tokens=request.max_new_tokens,
        )
        records = [
            answer_record(
                text,
                model=self.model_name,
                adapter=self.adapter_name,
                output_tokens=len(tokenizer(text, add_special_tokens=False)["input_ids"]),
            )
            | response_fields(decision)
            for text, decision in zip(texts, decisions, strict=True)
        ]
        return records[0] if request.single else records

    def predict_bytes(self, request: InferenceRequest) -> bytes:
        """:meth:`predict` encoded; any failure becomes an :class:`InternalError` (500)."""
        try:
            return encode_json(self.predict(request))
        except Exception as err:  # a fault of ours, never a client mistake
            log.exception("prediction failed")
            raise InternalError(f"prediction failed: {type(err).__name__}") from err


def find_adapter(model_dir: str | Path | None) -> Path | None:
    """The PEFT adapter directory inside ``model_dir`` (its root), or None for the base model."""
    if model_dir is None:
        return None
    path = Path(model_dir)
    return path if naming.is_adapter_dir(path) else None


def load_predictor(
    model_dir: str | Path | None, settings: ServingSettings | None = None
) -> Predictor:
    """Load base model + adapter (merged unless disabled), warm up once, return a predictor."""
    from quantreason.generation import generate, load_model
    from quantreason.models import resolve_model

    settings = settings or ServingSettings.from_env()
    adapter = find_adapter(model_dir)
    base_path = resolve_model(settings.base_model)
    log.info("loading base %s with adapter %s", settings.base_model, adapter)
    loaded = load_model(base_path, adapter, merge=settings.merge_adapter)
    if settings.warmup:
        # First call pays one-off costs (allocator, kernels); pay them before /ping says ready.
        generate(loaded, [WARMUP_QUESTION], max_new_tokens=4, batch_size=1)
    return Predictor(
        loaded=loaded,
        settings=settings,
        model_name=settings.base_model,
        adapter_name=adapter_identity(adapter),
    )


def adapter_identity(adapter: Path | None) -> str | None:
    """``<dir name>@<sha256 prefix of the weights>``: says exactly which adapter answered."""
    if adapter is None:
        return None
    digest = hashlib.sha256()
    for weights in sorted(adapter.glob("adapter_model.*")):
        digest.update(weights.read_bytes())
    return f"{adapter.name}@{digest.hexdigest()[:12]}"
