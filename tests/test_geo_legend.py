"""Colour-bar labels: distinct, readable ticks for skewed counts, negative values and rates."""

from __future__ import annotations

import numpy as np
import pytest

from geo.classify import METHODS, classify
from geo.legend import colorbar_ticks, is_whole
from geo.numfmt import format_number

# Like public two-year colleges per county: 78% of counties have none, a long tail of a few.
SKEWED_COUNTS = np.array([0] * 78 + [1] * 9 + [2] * 4 + [3] * 3 + [4, 5, 6, 7, 9, 12, 18])
# Like jobs added 2010-2022: declines and gains, whole numbers, one huge county.
SIGNED_COUNTS = np.array([-11064, -2100, -300, -40, -3, 0, 5, 120, 700, 4000, 90000, 1443303])
# Like job growth: rates either side of zero.
SIGNED_RATES = np.array([-0.445, -0.2, -0.048, -0.01, 0.0, 0.012, 0.081, 0.186, 0.9, 5.245])


def _ticks(values: np.ndarray, method: str, n: int, fmt: str) -> tuple[list, list[str]]:
    edges = classify(values, method, n).edges
    return colorbar_ticks(edges, fmt, is_whole(values))


def test_skewed_counts_read_as_zero_then_ranges_of_whole_numbers():
    # Percentile cuts gave "0, 0, 1, 18"; each class now says which counts it holds.
    positions, labels = _ticks(SKEWED_COUNTS, "quantiles", 5, ",.0f")
    assert labels == ["0", "1", "2–3", "4–7", "8–18"]
    assert positions == [0, 1, 2, 3, 4]  # centred on each colour step


def test_natural_breaks_on_skewed_counts_label_ranges_of_whole_numbers():
    _, labels = _ticks(SKEWED_COUNTS, "natural_breaks", 4, ",.0f")
    assert labels == ["0–1", "2–5", "6–12", "13–18"]


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("n", [3, 5, 7, 9])
def test_every_classification_of_a_skewed_count_has_distinct_non_overlapping_ranges(method, n):
    result = classify(SKEWED_COUNTS, method, n)
    positions, labels = colorbar_ticks(result.edges, ",.0f", True)
    assert len(labels) == result.k == len(positions)
    assert len(set(labels)) == len(labels), labels
    # Read back each label as the whole numbers it promises: together they cover 0..18 once.
    covered = []
    for label in labels:
        lo, _, hi = label.partition("–")
        covered.extend(range(int(lo), int(hi or lo) + 1))
    assert covered == list(range(0, 19))
    # And every county sits in the class whose label holds its value.
    for value, k in zip(SKEWED_COUNTS, result.index, strict=True):
        lo, _, hi = labels[k].partition("–")
        assert int(lo) <= value <= int(hi or lo)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_classification_of_signed_counts_labels_each_class_once(method):
    result = classify(SIGNED_COUNTS, method, 5)
    _, labels = colorbar_ticks(result.edges, ",.0f", True)
    assert len(set(labels)) == len(labels), labels
    assert labels[0].startswith("-11,064") and labels[-1].endswith("1,443,303")
    assert not any("–-" in label for label in labels)  # "-5 to -2", never "-5–-2"


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_classification_of_signed_rates_has_increasing_distinct_edge_labels(method):
    result = classify(SIGNED_RATES, method, 5)
    positions, labels = colorbar_ticks(result.edges, ".1%", False)
    assert positions == sorted(positions)
    assert len(set(labels)) == len(labels), labels
    assert labels[0] == "-44.5%" and labels[-1] == "524.5%"


def test_edges_that_print_alike_get_more_digits():
    positions, labels = colorbar_ticks((0.0, 0.0101, 0.0104, 0.2), ".1%", False)
    assert labels == ["0.00%", "1.01%", "1.04%", "20.00%"]
    assert positions == [-0.5, 0.5, 1.5, 2.5]


def test_a_class_of_exactly_zero_is_labelled_once_at_its_centre():
    positions, labels = colorbar_ticks((0.0, 0.0, 0.05, 0.2), ".1%", False)
    assert labels == ["0.0%", "5.0%", "20.0%"]
    assert positions == [0.0, 1.5, 2.5]


def test_counts_whose_ranges_would_crowd_the_bar_fall_back_to_edges():
    edges = (22188.0, 54335.0, 62139.0, 181765.0)
    _, labels = colorbar_ticks(edges, "$,.0f", True)
    assert labels == ["$22,188", "$54,335", "$62,139", "$181,765"]


def test_a_value_that_rounds_to_zero_has_no_minus_sign():
    assert format_number(-0.00001, ".1%") == "0.0%"
    assert format_number(-0.4, ",.0f") == "0"
    assert format_number(-0.05, ".1%") == "-5.0%"
