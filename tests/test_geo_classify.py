"""Map classes on small known arrays: counts, edges, ties, missing values, a single value."""

from __future__ import annotations

import math

import mapclassify
import numpy as np
import pytest

from geo.classify import classify, fisher_jenks_bins


def test_quantiles_split_ten_values_into_five_equal_classes():
    result = classify(list(range(1, 11)), "quantiles", 5)
    assert result.counts == (2, 2, 2, 2, 2)
    assert result.edges[0] == 1 and result.edges[-1] == 10
    assert list(result.index) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_equal_intervals_have_equal_widths():
    result = classify([0, 1, 3, 5, 10], "equal_interval", 5)
    assert result.edges == (0, 2, 4, 6, 8, 10)
    # 3 -> (2, 4], 5 -> (4, 6], 10 -> (8, 10]; class (6, 8] is empty and says so.
    assert result.counts == (2, 1, 1, 0, 1)


def test_natural_breaks_find_the_obvious_groups():
    result = classify([1, 1, 1, 5, 5, 9], "natural_breaks", 3)
    assert result.edges == (1, 1, 5, 9)
    assert result.counts == (3, 2, 1)


@pytest.mark.filterwarnings("ignore:Numba not installed")  # mapclassify's slow path is fine here
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("k", [2, 4, 6])
def test_fisher_jenks_matches_mapclassify(seed, k):
    values = np.random.default_rng(seed).integers(0, 500, size=120).astype(float)
    expected = mapclassify.FisherJenks(values, k=k).bins
    assert np.allclose(fisher_jenks_bins(values, k), expected)


def test_ties_never_leave_an_empty_quantile_class():
    values = [0, 0, 0, 0, 0, 0, 1, 2, 5, 7, 9, 10]
    result = classify(values, "quantiles", 5)
    assert all(count > 0 for count in result.counts)
    assert sum(result.counts) == len(values)
    # All the zeros share one class, and nothing else is in it.
    zero_class = {result.index[i] for i, v in enumerate(values) if v == 0}
    assert len(zero_class) == 1
    assert result.counts[zero_class.pop()] == 6


def test_missing_values_get_no_class():
    result = classify([3.0, None, math.nan, 7.0], "quantiles", 2)
    assert list(result.index) == [0, -1, -1, 1]
    assert sum(result.counts) == 2


def test_all_missing_gives_no_classes():
    result = classify([None, math.nan], "natural_breaks", 5)
    assert result.k == 0
    assert result.edges == ()
    assert list(result.index) == [-1, -1]


def test_single_value_is_one_class():
    result = classify([4, 4, 4], "equal_interval", 5)
    assert result.k == 1
    assert result.edges == (4, 4)
    assert list(result.index) == [0, 0, 0]


def test_fewer_values_than_classes():
    result = classify([1, 2], "quantiles", 5)
    assert result.k == 2
    assert result.counts == (1, 1)


def test_continuous_uses_equal_steps_between_min_and_max():
    result = classify([0.5, 10.5], "continuous", 4)
    assert result.edges == (0.5, 3, 5.5, 8, 10.5)


def test_continuous_steps_over_counts_end_on_whole_numbers():
    # (0, 2.5] and (0, 2] hold the same counts; "0-2.5 institutions" would read as nonsense.
    result = classify([0, 10], "continuous", 4)
    assert result.edges == (0, 2, 5, 7, 10)


def test_unknown_method_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="quantiles"):
        classify([1, 2, 3], "jenks-ish", 3)


SKEWED_COUNTS = np.array([0] * 78 + [1] * 9 + [2] * 4 + [3] * 3 + [4, 5, 6, 7, 9, 12, 18])


def test_quantiles_of_a_mostly_zero_count_still_give_the_classes_asked_for():
    # Percentile cuts put 78% zeros in four of five classes, leaving two after merging.
    result = classify(SKEWED_COUNTS, "quantiles", 5)
    assert result.k == 5
    assert result.edges == (0, 0, 1, 3, 7, 18)
    assert result.counts[0] == 78  # the zeros, and only them
    assert result.counts[1:] == (9, 7, 4, 3)  # the rest shared as evenly as ties allow


@pytest.mark.parametrize("method", ["quantiles", "equal_interval", "natural_breaks", "continuous"])
@pytest.mark.parametrize(
    "values",
    [SKEWED_COUNTS, np.array([-11064, -300, -3, 0, 0, 5, 120, 700, 4000, 1443303])],
    ids=["skewed", "signed"],
)
def test_edges_never_repeat_and_stay_whole_for_counts(method, values):
    edges = np.asarray(classify(values, method, 7).edges)
    # Only a first class of exactly the minimum may have equal edges.
    assert np.all(np.diff(edges[1:]) > 0), edges
    assert np.all(edges == np.floor(edges)), edges
    assert edges[0] == values.min() and edges[-1] == values.max()


def test_quantiles_of_distinct_values_match_percentile_classes():
    values = np.random.default_rng(1).normal(size=500)
    ours = classify(values, "quantiles", 5)
    assert ours.counts == (100, 100, 100, 100, 100)
    expected = mapclassify.Quantiles(values, k=5)
    assert np.array_equal(ours.index, expected.yb)
