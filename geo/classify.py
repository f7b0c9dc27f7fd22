"""Put county values into map classes: quantiles, equal intervals, natural breaks, or continuous.

``classify(values, method, n_classes)`` returns a ``Classes``: the class edges (lowest value first,
highest value last), the class index of every value (-1 where the value is missing) and how many
values fall in each class. Edge cases are handled, not hidden:

- ties: a tied value never spans two classes. Quantiles fill classes one after another, each
  taking its share of the values still unclassed and every value tied with its last one, so a
  block of ties (often the zeros of a count) is one class and the remaining classes still split
  the rest equally; edges never repeat, except that a first class may be exactly the minimum;
- whole numbers (counts): edges are whole numbers too, so every class holds at least one
  possible value and a legend can say "2–3" instead of "1.2–3.6";
- all values missing: zero classes, every index -1;
- a single distinct value: one class;
- fewer distinct values than classes: at most one class per distinct value.

"continuous" is drawn with ``n_classes`` equal steps of a continuous scale (``CONTINUOUS_STEPS``
when ``n_classes`` is large), so the legend still reads as a set of ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def quantile_bins(data: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of at most k classes of (nearly) equal counts, ties kept in one class.

    Percentile cut points put a block of tied values in several classes at once (78% zeros
    give the bounds 0, 0, 0, 1): merged, that leaves two classes where five were asked. Here
    each class in turn takes its share of what is left, so the classes after a tie still share
    the remaining values equally.
    """
    x = np.sort(np.asarray(data, dtype=float))
    uppers: list[float] = []
    start = 0
    for left in range(k, 0, -1):
        if start >= x.size:
            break
        share = max(1, int(np.floor((x.size - start) / left + 0.5)))
        upper = x[min(start + share, x.size) - 1]
        uppers.append(float(upper))
        start = int(np.searchsorted(x, upper, side="right"))
    return np.asarray(uppers, dtype=float)


def _upper_edges(method: str, data: np.ndarray, k: int) -> np.ndarray:
    """Upper class bounds (the last equals the maximum)."""
    if method == "quantiles":
        return quantile_bins(data, k)
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

    whole = bool(np.all(data == np.floor(data)))
    if method == "continuous":
        # Steps of a continuous scale, however many distinct values there are.
        upper = np.linspace(lo, hi, n_classes + 1)[1:]
    else:
        upper = _upper_edges(method, data, min(n_classes, int(distinct.size)))
    if whole:
        # Over whole numbers the class (a, b] holds the same values as (floor a, floor b].
        upper = np.floor(upper)
    # Bounds that coincide are merged so no class is empty or repeated. A first bound equal to
    # the minimum is kept: it is the class "exactly the minimum" (often all the zeros).
    upper = np.unique(np.concatenate([np.clip(upper, lo, hi), [hi]]))
    edges = np.concatenate([[lo], upper])
    index = _assign(arr, edges)
    counts = tuple(int(c) for c in np.bincount(index[index >= 0], minlength=len(edges) - 1))
    return Classes(method, tuple(float(e) for e in edges), index, counts)
