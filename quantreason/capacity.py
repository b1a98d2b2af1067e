"""Capacity planning: from measured latency/throughput to the endpoint's autoscaling settings.

The maths, in order (one place for each number):

1. capacity per instance (req/s): measured throughput at the best concurrency whose p95 meets
   the latency SLO, or ``workers / latency`` for given figures (one request at a time per
   worker: 0.73 s -> 1.37 req/s);
2. sustainable rate = capacity x safety factor (0.7: headroom for bursts and slower requests);
3. ``SageMakerVariantInvocationsPerInstance`` target = sustainable rate x 60, rounded *down*
   (SageMaker counts invocations per minute): 1.37 x 0.7 x 60 = 57.5 -> 57;
4. max instances = ceil(peak invocations per minute / target), at least min instances;
5. cost per hour at min and at max from ``config/prices.yaml``.

Cooldowns: scaling out waits ``scale_out_cooldown_s`` (an LLM instance takes minutes to start, so
a shorter value would add instances before the last ones help); scaling in waits longer
(``scale_in_cooldown_s``) so that a dip between bursts does not remove capacity.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from quantreason.pricing import PriceTable, load_prices
from quantreason.stages import STAGE_NAME_RE, capacity_state_file

DEFAULT_SAFETY_FACTOR = 0.7
DEFAULT_SCALE_IN_COOLDOWN_S = 600
DEFAULT_SCALE_OUT_COOLDOWN_S = 120
SECONDS_PER_MINUTE = 60


class CapacityError(ValueError):
    """Inputs that cannot give a plan (bad numbers, or an SLO no instance can meet)."""


@dataclass(frozen=True)
class CapacityPlan:
    """Autoscaling settings and what they cost; ``to_json`` is ``state/<stage>/capacity.json``."""

    target_invocations_per_instance: int  # per minute, as SageMaker counts them
    min_instances: int
    max_instances: int
    scale_in_cooldown_s: int
    scale_out_cooldown_s: int
    cost_per_hour_min: float
    cost_per_hour_max: float
    cost_per_month_min: float
    cost_per_month_max: float
    currency: str
    instance_type: str
    capacity_rps_per_instance: float
    sustainable_rps_per_instance: float
    peak_rps: float
    latency_s: float
    latency_slo_s: float | None
    safety_factor: float
    source: str
    # Concurrent requests per model copy (ConcurrentRequestsPerModel/PerCopy scaling target);
    # only a measured concurrency curve gives it (see concurrency_target).
    concurrency_target_per_copy: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The plan as one JSON object (the stage file schema plus the inputs, for people)."""
        plan = asdict(self)
        if plan["concurrency_target_per_copy"] is None:
            del plan["concurrency_target_per_copy"]
        return plan


def _positive(name: str, value: float) -> None:
    if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise CapacityError(f"{name} must be a positive number, got {value!r}")


def plan(
    *,
    latency_s: float,
    peak_rps: float,
    instance_type: str,
    capacity_rps: float | None = None,
    workers_per_instance: int = 1,
    safety_factor: float = DEFAULT_SAFETY_FACTOR,
    latency_slo_s: float | None = None,
    min_instances: int = 1,
    scale_in_cooldown_s: int = DEFAULT_SCALE_IN_COOLDOWN_S,
    scale_out_cooldown_s: int = DEFAULT_SCALE_OUT_COOLDOWN_S,
    prices: PriceTable | None = None,
    source: str = "given figures",
) -> CapacityPlan:
    """Plan from a per-request latency (or a measured ``capacity_rps``) and a peak rate."""
    _positive("latency_s", latency_s)
    _positive("peak_rps", peak_rps)
    _positive("workers_per_instance", workers_per_instance)
    if not 0 < safety_factor <= 1:
        raise CapacityError(f"safety_factor must be in (0, 1], got {safety_factor!r}")
    if min_instances < 1:
        raise CapacityError("min_instances must be at least 1 (a real-time endpoint)")
    if scale_in_cooldown_s < 0 or scale_out_cooldown_s < 0:
        raise CapacityError("cooldowns must not be negative")
    if latency_slo_s is not None:
        _positive("latency_slo_s", latency_slo_s)
        if latency_s > latency_slo_s:
            raise CapacityError(
                f"latency {latency_s:.3f} s is over the SLO {latency_slo_s:.3f} s even on an "
                "idle instance: more instances cannot fix that (faster model or instance)"
            )
    if capacity_rps is None:
        capacity_rps = workers_per_instance / latency_s
    _positive("capacity_rps", capacity_rps)
    sustainable = capacity_rps * safety_factor
    target = math.floor(sustainable * SECONDS_PER_MINUTE)
    if target < 1:
        raise CapacityError(
            f"sustainable rate {sustainable:.4f} req/s is under one invocation per minute"
        )
    max_instances = max(min_instances, math.ceil(peak_rps * SECONDS_PER_MINUTE / target))
    prices = prices or load_prices()
    hourly = prices.hourly_price(instance_type)
    return CapacityPlan(
        target_invocations_per_instance=target,
        min_instances=min_instances,
        max_instances=max_instances,
        scale_in_cooldown_s=int(scale_in_cooldown_s),
        scale_out_cooldown_s=int(scale_out_cooldown_s),
        cost_per_hour_min=round(min_instances * hourly, 4),
        cost_per_hour_max=round(max_instances * hourly, 4),
        cost_per_month_min=round(prices.monthly(min_instances * hourly), 2),
        cost_per_month_max=round(prices.monthly(max_instances * hourly), 2),
        currency=prices.currency,
        instance_type=instance_type,
        capacity_rps_per_instance=capacity_rps,
        sustainable_rps_per_instance=sustainable,
        peak_rps=peak_rps,
        latency_s=latency_s,
        latency_slo_s=latency_slo_s,
        safety_factor=safety_factor,
        source=source,
    )


def capacity_from_benchmark(
    bench: dict[str, Any], latency_slo_s: float | None
) -> tuple[float, float, str]:
    """(p95 latency s, capacity req/s, description) of the best level that meets the SLO.

    ``bench`` is ``bench.json`` from ``quantreason bench``: ``levels`` with ``concurrency``,
    ``throughput_rps``, ``errors`` and ``latency_s.p95``.
    """
    levels = bench.get("levels")
    if not isinstance(levels, list) or not levels:
        raise CapacityError("benchmark result has no 'levels'")
    usable = [
        level
        for level in levels
        if level.get("errors", 0) == 0
        and level.get("throughput_rps", 0) > 0
        and (latency_slo_s is None or level["latency_s"]["p95"] <= latency_slo_s)
    ]
    if not usable:
        raise CapacityError(
            f"no benchmark level meets the latency SLO of {latency_slo_s} s without errors"
        )
    best = max(usable, key=lambda level: level["throughput_rps"])
    description = (
        f"benchmark: concurrency {best['concurrency']}, p95 {best['latency_s']['p95']:.3f} s, "
        f"{best['throughput_rps']:.3f} req/s"
    )
    return best["latency_s"]["p95"], best["throughput_rps"], description


def concurrency_target(
    bench: dict[str, Any], latency_slo_s: float | None, safety_factor: float = DEFAULT_SAFETY_FACTOR
) -> int:
    """Concurrent requests per model copy to scale at (``ConcurrentRequestsPerCopy`` target).

    The concurrency of the benchmark level that :func:`capacity_from_benchmark` picks (the most
    throughput within the SLO, no errors) times the safety factor, rounded down, at least 1: an
    engine that batches requests keeps its latency only up to that many in flight per copy.
    """
    _positive("safety_factor", safety_factor)
    _, capacity_rps, _ = capacity_from_benchmark(bench, latency_slo_s)
    best = next(
        level
        for level in bench["levels"]
        if level.get("throughput_rps") == capacity_rps and level.get("errors", 0) == 0
    )
    return max(1, math.floor(best["concurrency"] * safety_factor))


def write_stage(capacity_plan: CapacityPlan, stage: str, state_root: Path | None = None) -> Path:
    """Write ``state/<stage>/capacity.json`` (read by the CDK stage settings)."""
    if not STAGE_NAME_RE.match(stage):
        raise CapacityError(f"stage name {stage!r} must be 1-16 lowercase letters, digits and '-'")
    path = capacity_state_file(stage, state_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(capacity_plan.to_json(), indent=2) + "\n")
    return path
