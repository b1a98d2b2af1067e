"""Everything serving reads from the environment, in one place, read once at model load.

=====================================  =========  =============================================
environment variable                   default    meaning
=====================================  =========  =============================================
``QUANTREASON_BASE_MODEL``             embedded   hub id in the cloud, model spec locally
``QUANTREASON_MERGE_ADAPTER``          1          merge the LoRA into the weights at load
``QUANTREASON_PRECISION``              fp32       weights in fp32, bf16, or auto (bf16 where
                                                  the CPU/GPU computes it natively)
``QUANTREASON_WARMUP``                 1          one short generation before ``/ping`` is 200
``QUANTREASON_BATCHING``               1          concurrent requests share generation steps
``QUANTREASON_BATCH_MAX_SEQUENCES``    16         at most this many questions per step
``QUANTREASON_REQUEST_TIMEOUT_S``      300        a request waits at most this long (then 503)
``QUANTREASON_SC_SAMPLES``             0          sampled replies that vote (0: greedy only)
``QUANTREASON_SC_TEMPERATURE``         0.7        their sampling temperature
``QUANTREASON_SC_RETRY``               4          more samples where no reply passed the checks
                                                  (0: greedy only, still checked)
``QUANTREASON_ABSTAIN_BELOW``          0          abstain below this vote share (0: never)
``QUANTREASON_TASK_CHECK``             0.5        the task check (0: off): a reply naming no
                                                  task is rewritten for a task the classifier
                                                  is this sure of, and only replies for such a
                                                  task vote; one naming another task than the
                                                  classifier's likeliest is weighed
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
``max_new_tokens`` default  224      ``QUANTREASON_DEFAULT_NEW_TOKENS``          n/a
==========================  =======  ==========================================  ======

This is the only module of ``quantreason.serving`` that reads the environment: pydantic-settings
models on :class:`quantreason.settings.EnvSettings` (prefix ``QUANTREASON_``), built once with
``ServingSettings.from_env()``; a value that does not parse fails at model load, naming its
variable, before any weight is read.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field, model_validator

from quantreason import naming
from quantreason.consensus import CHECKED_RETRY, MAX_SAMPLES, SelfConsistency
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS
from quantreason.precision import DEFAULT_PRECISION, Precision
from quantreason.settings import EnvSettings
from quantreason.task_check import MIN_PROBABILITY

DEFAULT_BASE_MODEL = "embedded"


class Limits(EnvSettings):
    """Documented request limits (see the module docstring): ``QUANTREASON_<LIMIT NAME>``."""

    max_body_bytes: int = Field(65536, ge=1)
    max_question_chars: int = Field(2000, ge=1)
    max_batch: int = Field(16, ge=1)
    max_new_tokens_limit: int = Field(256, ge=1)
    default_new_tokens: int = Field(DEFAULT_MAX_NEW_TOKENS, ge=1)

    @model_validator(mode="after")
    def _default_within_limit(self) -> Limits:
        if self.default_new_tokens > self.max_new_tokens_limit:
            raise ValueError("default_new_tokens must not exceed max_new_tokens_limit")
        return self


class BatchSettings(EnvSettings):
    """How concurrent requests share the model (see :mod:`quantreason.serving.batching`)."""

    # off: one request at a time, each as its own padded batch
    enabled: bool = Field(True, validation_alias=AliasChoices("QUANTREASON_BATCHING", "enabled"))
    # questions generated together in one step, across requests
    max_sequences: int = Field(
        16, ge=1, validation_alias=AliasChoices("QUANTREASON_BATCH_MAX_SEQUENCES", "max_sequences")
    )
    # a request waiting longer is cancelled and answered 503
    request_timeout_s: float = Field(300.0, gt=0)


class VoteSettings(EnvSettings):
    """Sampled votes and abstention (:mod:`quantreason.consensus`)."""

    sc_samples: int = Field(0, ge=0, le=MAX_SAMPLES)
    sc_temperature: float = Field(0.7, gt=0, le=2)
    sc_retry: int = Field(CHECKED_RETRY, ge=0, le=MAX_SAMPLES)
    abstain_below: float = Field(0.0, ge=0, le=1)

    def rule(self) -> SelfConsistency:
        """The consensus rule these settings describe (it checks the ranges)."""
        return SelfConsistency(
            samples=self.sc_samples,
            temperature=self.sc_temperature,
            threshold=self.abstain_below,
            retry_samples=self.sc_retry,
        )


class ServingSettings(EnvSettings):
    """Everything the predictor reads from the environment, read once at model load."""

    # Never HF_MODEL_ID: with that set the toolkit serves a hub download (quantreason.naming).
    base_model: str = Field(
        DEFAULT_BASE_MODEL, validation_alias=AliasChoices(naming.BASE_MODEL_ENV, "base_model")
    )
    merge_adapter: bool = True
    # the weights' format: fp32 | bf16 | auto (bf16 where the CPU/GPU computes it natively);
    # the cloud endpoint's comes from its stage (``endpoint.precision``, default auto)
    precision: Precision = Field(
        DEFAULT_PRECISION, validation_alias=AliasChoices(naming.PRECISION_ENV, "precision")
    )
    warmup: bool = True
    limits: Limits = Field(default_factory=Limits)
    batching: BatchSettings = Field(default_factory=BatchSettings)
    self_consistency: SelfConsistency = Field(default_factory=lambda: VoteSettings().rule())
    # the task check (quantreason.task_check), when the model has a task classifier; 0: off
    task_check: float = Field(MIN_PROBABILITY, ge=0, le=1)
