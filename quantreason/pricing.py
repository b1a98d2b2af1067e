"""The price table (``config/prices.yaml``): one place for what an instance-hour costs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from quantreason.paths import CONFIG_DIR

PRICES_FILE = CONFIG_DIR / "prices.yaml"


class PriceError(ValueError):
    """An instance type missing from the price table, or a malformed table."""


@dataclass(frozen=True)
class PriceTable:
    """USD (or ``currency``) per instance-hour by SageMaker instance type."""

    currency: str
    region: str
    hours_per_month: float
    hourly: dict[str, float]

    def hourly_price(self, instance_type: str) -> float:
        """Price of one ``instance_type`` for one hour."""
        try:
            return self.hourly[instance_type]
        except KeyError:
            known = ", ".join(sorted(self.hourly))
            raise PriceError(
                f"no price for {instance_type!r} in the price table; known: {known}"
            ) from None

    def monthly(self, hourly_cost: float) -> float:
        """Monthly cost of something that costs ``hourly_cost`` per hour, running all month."""
        return hourly_cost * self.hours_per_month


def load_prices(path: Path = PRICES_FILE) -> PriceTable:
    """Load and validate the price table."""
    raw = yaml.safe_load(path.read_text())
    if not isinstance(raw, dict) or not isinstance(raw.get("instances"), dict):
        raise PriceError(f"{path}: expected a mapping with an 'instances' mapping")
    unknown = set(raw) - {"currency", "region", "hours_per_month", "instances"}
    if unknown:
        raise PriceError(f"{path}: unknown keys {sorted(unknown)}")
    hourly: dict[str, float] = {}
    for name, price in raw["instances"].items():
        if not isinstance(price, int | float) or price <= 0:
            raise PriceError(f"{path}: price of {name} must be a positive number, got {price!r}")
        hourly[str(name)] = float(price)
    return PriceTable(
        currency=str(raw.get("currency", "USD")),
        region=str(raw.get("region", "us-east-1")),
        hours_per_month=float(raw.get("hours_per_month", 730)),
        hourly=hourly,
    )
