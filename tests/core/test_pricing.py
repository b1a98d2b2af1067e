from pathlib import Path

import pytest

from quantreason.pricing import PriceError, load_prices


def test_committed_price_table_loads_and_prices_the_default_instances() -> None:
    table = load_prices()
    assert table.hourly_price("ml.g5.12xlarge") > table.hourly_price("ml.g5.xlarge") > 0
    assert table.monthly(1.0) == table.hours_per_month


def test_unknown_instance_names_the_known_ones() -> None:
    with pytest.raises(PriceError, match=r"ml\.g5\.xlarge"):
        load_prices().hourly_price("ml.nonexistent.large")


def test_bad_tables_are_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "prices.yaml"
    bad.write_text("instances:\n  ml.m5.xlarge: -1\n")
    with pytest.raises(PriceError, match="positive"):
        load_prices(bad)
    bad.write_text("instances: {}\ntypo: 1\n")
    with pytest.raises(PriceError, match="unknown keys"):
        load_prices(bad)
