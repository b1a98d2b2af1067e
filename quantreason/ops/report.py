"""Rich rendering of ``status`` and ``cost`` results (kept out of the thin CLI module)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from quantreason.ops.cost import CostReport
from quantreason.ops.status import EndpointStatus


def print_status(console: Console, result: EndpointStatus) -> None:
    """Endpoint state, variants, scaling and last hour's traffic."""
    colour = {"InService": "green", "Failed": "red"}.get(result.status, "yellow")
    console.print(f"endpoint [bold]{result.name}[/bold]: [{colour}]{result.status}[/{colour}]")
    if result.failure_reason:
        console.print(f"  failure: {result.failure_reason}", markup=False)
    table = Table("variant", "instance type", "current", "desired")
    for v in result.variants:
        table.add_row(v.name, v.instance_type, str(v.current), str(v.desired))
    console.print(table)
    unit = "copies of the base component" if result.components else "instances"
    if result.max_capacity is not None:
        console.print(f"autoscaling: {result.min_capacity}..{result.max_capacity} {unit}")
    for p in result.policies:
        if "Invocations" in p.metric:
            per = "/min per instance"
        else:  # the concurrency metrics
            per = " concurrent requests per " + ("copy" if result.components else "model")
        console.print(
            f"  policy {p.name}: {p.metric} target {p.target:g}{per}, "
            f"cooldown in {p.scale_in_cooldown_s}s / out {p.scale_out_cooldown_s}s"
        )
    m = result.metrics

    def fmt(value: float | None, scale: float = 1.0, unit: str = "") -> str:
        return "no data" if value is None else f"{value / scale:,.0f}{unit}"

    avg, p95 = fmt(m.get("latency_avg_us"), 1000, " ms"), fmt(m.get("latency_p95_us"), 1000, " ms")
    console.print(
        f"last hour: {fmt(m.get('invocations'))} invocations, latency avg {avg} / p95 {p95}, "
        f"errors 4xx {fmt(m.get('errors_4xx'))} / 5xx {fmt(m.get('errors_5xx'))}"
    )


def print_cost(console: Console, report: CostReport) -> None:
    """Running cost table, totals, the teardown saving and the autoscaling ceiling."""
    cur = report.currency
    table = Table("kind", "instances", f"{cur}/hour")
    table.add_column("resource", overflow="fold")
    for line in report.lines:
        instances = f"{line.count} x {line.instance_type}"
        table.add_row(line.kind, instances, f"{line.hourly:.2f}", line.resource)
    console.print(table)
    console.print(f"now: {report.hourly:.2f} {cur}/hour = {report.monthly:,.0f} {cur}/month")
    saving = report.teardown_saving_hourly
    console.print(
        f"teardown saves {saving:.2f} {cur}/hour = "
        f"{saving * report.hours_per_month:,.0f} {cur}/month"
    )
    if report.max_hourly_endpoint is not None:
        console.print(f"at autoscaling max: {report.max_hourly_endpoint:.2f} {cur}/hour")
