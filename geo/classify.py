"""Put county values into map classes: quantiles, equal intervals, natural breaks, or continuous.

``classify(values, method, n_classes)`` returns a ``Classes``: the class edges (lowest value first,
highest value last), the class index of every value (-1 where the value is missing) and how many
values fall in each class. Edge cases are handled, not hidden:

- ties: quantile edges that coincide are merged, so there may be fewer classes than asked
  (a class is never empty because two edges are equal);
- all values missing: zero classes, every index -1;
- a single distinct value: one class;
- fewer distinct values than classes: at most one class per distinct value.

"continuous" is drawn with ``n_classes`` equal steps of a continuous scale (``CONTINUOUS_STEPS``
when ``n_classes`` is large), so the legend still reads as a set of ranges.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np

METHODS: dict[str, str] = {
    "quantiles": "Quantiles (equal counts)",
    "equal_interval": "Equal intervals",
    "natural_breaks": "Natural breaks (Fisher-Jenks)",
    "continuous": "Continuous",
}
CONTINUOUS_STEPS = 9
MAX_CLASSES = 9


@dataclass(frozen=True)
class Classes:
    """Result of a classification: edges[k] .. edges[k+1] is class k."""

    method: str
    edges: tuple[float, ...]
    index: np.ndarray  # class per input value, -1 where missing
    counts: tuple[int, ...]

    @property
    def k(self) -> int:
        """Number of classes actually used."""
        return len(self.counts)


def _assign(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Class per value: class k holds edges[k] < v <= edges[k+1]; class 0 includes edges[0]."""
    index = np.full(values.shape, -1, dtype=np.int16)
    ok = ~np.isnan(values)
    if len(edges) < 2:
        index[ok] = 0
        return index
    inner = edges[1:-1]
    index[ok] = np.searchsorted(inner, values[ok], side="left")
    return index


def fisher_jenks_bins(data: np.ndarray, k: int, chunk: int = 64) -> np.ndarray:
    """Upper bounds of the k classes that minimise the within-class sum of squares (exact).

    The same optimum as mapclassify.FisherJenks, computed with numpy on the distinct values
    weighted by their counts: mapclassify's version needs numba to be fast, and without it
    takes seconds for 3,000 counties.
    """
    x, w = np.unique(np.asarray(data, dtype=float), return_counts=True)
    n = x.size
    k = min(k, n)
    # Standardised copies keep the running sums of squares precise for values in the millions.
    z = (x - x.mean()) / (x.std() or 1.0)
    c0 = np.concatenate([[0.0], np.cumsum(w)])
    c1 = np.concatenate([[0.0], np.cumsum(w * z)])
    c2 = np.concatenate([[0.0], np.cumsum(w * z * z)])

    def ssd(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Weighted sum of squared deviations of x[a:b]."""
        return (c2[b] - c2[a]) - (c1[b] - c1[a]) ** 2 / (c0[b] - c0[a])

    with np.errstate(divide="ignore", invalid="ignore"):
        cost = ssd(np.zeros(n + 1, dtype=int), np.arange(n + 1))  # one class ending before i
    cost[0] = np.inf
    back = np.zeros((k + 1, n + 1), dtype=np.int64)
    for j in range(2, k + 1):
        new = np.full(n + 1, np.inf)
        first = j - 1
        for lo in range(j, n + 1, chunk):
            hi = min(lo + chunk, n + 1)
            # Rows: end i of class j (exclusive); columns: its start m. Only m < i is valid, and
            # the best start never moves left as i grows (the cost is Monge), so the block spans
            # columns first .. hi - 1.
            i = np.arange(lo, hi)[:, None]
            m = np.arange(first, hi - 1)[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                size = c0[i] - c0[m]
                within = (c2[i] - c2[m]) - (c1[i] - c1[m]) ** 2 / size
                total = cost[m] + within
            total[(m < j - 1) | (m >= i)] = np.inf
            best = np.argmin(total, axis=1)
            new[lo:hi] = total[np.arange(hi - lo), best]
            back[j, lo:hi] = best + first
            first = int(best.min()) + first
        cost = new
    uppers, end = [], n
    for j in range(k, 1, -1):
        start = int(back[j, end])
        uppers.append(x[end - 1])
        end = start
    uppers.append(x[end - 1])
    return np.asarray(uppers[::-1], dtype=float)


def _upper_edges(method: str, data: np.ndarray, k: int) -> np.ndarray:
    """Upper class bounds (the last equals the maximum)."""
    if method == "quantiles":
        with warnings.catch_warnings():
            # mapclassify warns when ties leave fewer classes; classify() merges them itself.
            warnings.simplefilter("ignore", UserWarning)
            return np.asarray(mapclassify.Quantiles(data, k=k).bins, dtype=float)
    if method == "natural_breaks":
        return fisher_jenks_bins(data, k)
    lo, hi = float(data.min()), float(data.max())
    return np.linspace(lo, hi, k + 1)[1:]


def classify(values: np.ndarray | list, method: str = "quantiles", n_classes: int = 5) -> Classes:
    """Classify values (NaN/None = missing) into at most n_classes classes by method."""
    if method not in METHODS:
        raise ValueError(f"unknown classification {method!r}; choose one of {sorted(METHODS)}")
    if not 1 <= n_classes <= MAX_CLASSES:
        raise ValueError(f"n_classes must be between 1 and {MAX_CLASSES}, got {n_classes}")
    arr = np.asarray(
        [np.nan if v is None else v for v in np.asarray(values, dtype=object)], dtype=float
    )
    data = arr[~np.isnan(arr)]
    if data.size == 0:
        return Classes(method, (), np.full(arr.shape, -1, dtype=np.int16), ())
    lo, hi = float(data.min()), float(data.max())
    distinct = np.unique(data)
    if distinct.size == 1:
        index = _assign(arr, np.array([lo]))
        return Classes(method, (lo, hi), index, (int(data.size),))

    if method == "continuous":
        # Steps of a continuous scale, however many distinct values there are.
        upper = np.linspace(lo, hi, n_classes + 1)[1:]
        edges = np.concatenate([[lo], upper])
        index = _assign(arr, edges)
        counts = tuple(int(c) for c in np.bincount(index[index >= 0], minlength=n_classes))
        return Classes(method, tuple(float(e) for e in edges), index, counts)
    k = min(n_classes, int(distinct.size))
    upper = _upper_edges(method, data, k)
    # Ties make quantile bounds coincide; merging them avoids empty classes. A first bound equal
    # to the minimum is kept: it is the class "exactly the minimum" (often all the zeros).
    upper = np.unique(np.concatenate([np.clip(upper, lo, hi), [hi]]))
    edges = np.concatenate([[lo], upper])
    index = _assign(arr, edges)
    counts = tuple(int(c) for c in np.bincount(index[index >= 0], minlength=len(edges) - 1))
    return Classes(method, tuple(float(e) for e in edges), index, counts)
