"""Legend labels use the metric's d3 format exactly as the browser's hover labels do."""

from __future__ import annotations

import math

import pytest

from geo.numfmt import format_number, shows_unit


@pytest.mark.parametrize(
    ("value", "spec", "expected"),
    [
        (1234567.8, ",.0f", "1,234,568"),
        (0.1234, ".1%", "12.3%"),
        (52000, "$,.0f", "$52,000"),
        (-0.05, ".1%", "-5.0%"),
        (1.5, ".2f", "1.50"),
        (7, "d", "7"),
        (1234567, ".3s", "1.23M"),
    ],
)
def test_d3_formats(value, spec, expected):
    assert format_number(value, spec) == expected


def test_missing_value_is_blank_not_zero():
    assert format_number(None, ",.0f") == ""
    assert format_number(math.nan, ".1%") == ""


def test_unsupported_format_is_refused():
    with pytest.raises(ValueError, match="unsupported"):
        format_number(1, "%Y-%m")


def test_a_format_with_dollars_or_percent_shows_its_unit():
    assert shows_unit(".1%") and shows_unit("$,.0f")
    assert not any(shows_unit(spec) for spec in (",.0f", ",.1f", "d", ".2f", ""))
