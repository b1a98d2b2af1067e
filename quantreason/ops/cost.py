"""``quantreason aws cost``: what the stage's running instances cost, and what teardown saves.

Counts come from AWS (the endpoint's current instance count, in-progress training jobs),
prices from the one price table (``config/prices.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quantreason import naming
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import describe_stack
from quantreason.ops.status import EndpointStatus, endpoint_status
from quantreason.pricing import PriceError, PriceTable, load_prices


@dataclass(frozen=True)
class CostLine:
    """One running thing: instances of a type and their hourly cost."""

    resource: str
    kind: str  # "endpoint" or "training"
    instance_type: str
    count: int
    hourly: float


@dataclass
class CostReport:
    """Hourly and monthly cost now, the teardown saving, and the autoscaling ceiling."""

    currency: str
    hours_per_month: float
    lines: list[CostLine] = field(default_factory=list)
    max_hourly_endpoint: float | None = None

    @property
    def hourly(self) -> float:
        """Total per hour of everything running now."""
        return sum(line.hourly for line in self.lines)

    @property
    def monthly(self) -> float:
        """Total per month if it kept running as now."""
        return self.hourly * self.hours_per_month

    @property
    def teardown_saving_hourly(self) -> float:
        """Per-hour saving of ``teardown`` (the endpoint stack; training jobs end by themselves)."""
        return sum(line.hourly for line in self.lines if line.kind == "endpoint")


def _price(prices: PriceTable, instance_type: str) -> float:
    try:
        return prices.hourly_price(instance_type)
    except PriceError as err:
        raise OpsError(f"{err} (add it to config/prices.yaml)") from None


def endpoint_lines(status: EndpointStatus, prices: PriceTable) -> list[CostLine]:
    """Cost of the endpoint's current instances, variant by variant."""
    return [
        CostLine(
            resource=f"{status.name}/{v.name}",
            kind="endpoint",
            instance_type=v.instance_type,
            count=v.current,
            hourly=v.current * _price(prices, v.instance_type),
        )
        for v in status.variants
        if v.current > 0
    ]


def training_lines(ctx: OpsContext, prices: PriceTable) -> list[CostLine]:
    """Cost of the stage's training jobs in progress (named ``quantreason-<stage>-...``)."""
    sm = ctx.client("sagemaker")
    jobs = sm.list_training_jobs(
        StatusEquals="InProgress", NameContains=f"{naming.PROJECT}-{ctx.stage}-", MaxResults=100
    ).get("TrainingJobSummaries", [])
    lines = []
    for summary in jobs:
        job = sm.describe_training_job(TrainingJobName=summary["TrainingJobName"])
        resources = job["ResourceConfig"]
        count = int(resources.get("InstanceCount", 1))
        lines.append(
            CostLine(
                resource=job["TrainingJobName"],
                kind="training",
                instance_type=resources["InstanceType"],
                count=count,
                hourly=count * _price(prices, resources["InstanceType"]),
            )
        )
    return lines


def current_cost(ctx: OpsContext, prices: PriceTable | None = None) -> CostReport:
    """Price what runs now for the stage: endpoint instances plus training jobs in progress."""
    from botocore.exceptions import ClientError

    prices = prices or load_prices()
    report = CostReport(currency=prices.currency, hours_per_month=prices.hours_per_month)
    stack = describe_stack(ctx, naming.ENDPOINT, required=False)
    name = stack.outputs.get(naming.OUTPUT_ENDPOINT_NAME) if stack else None
    if name:  # no output: the stage parks its endpoint (model and config only, no instances)
        try:
            status = endpoint_status(ctx, name, metrics=False)
        except ClientError as err:
            if "Could not find endpoint" not in str(err):
                raise
            status = None
        if status is not None:
            report.lines.extend(endpoint_lines(status, prices))
            if status.max_capacity is not None and status.variants:
                unit = _price(prices, status.variants[0].instance_type)
                report.max_hourly_endpoint = status.max_capacity * unit
    report.lines.extend(training_lines(ctx, prices))
    return report
