"""Colour-bar ticks for a stepped map scale: one distinct, readable label per class or edge.

Each class is one flat step of the colour bar (class k spans k - 0.5 .. k + 0.5). Two ways to
label the steps, chosen by ``colorbar_ticks``:

- whole numbers (counts) get a range per step, at its centre: "0", "1", "2–3", "4–18". An edge
  of 3 between "2–3" and "4–18" would leave the reader guessing which side 3 falls on, and a
  class that is exactly zero would show as "0, 0";
- other values (rates, amounts, and counts whose ranges would not fit beside the bar) get their
  edges at the step boundaries: "0.7%, 1.1%, 1.6%". A class of one value (edges equal, e.g. all
  the zeros) gets that value once, at its centre. Edges that the metric's format would print
  alike get more digits, so no two ticks read the same.
"""

from __future__ import annotations

import numpy as np

from geo.numfmt import format_number, with_precision

MAX_RANGE_CHARS = 13  # "1,075–256,045": longer range labels would squeeze the map
MAX_EXTRA_DIGITS = 3
DASH = "\u2013"


def is_whole(values: np.ndarray) -> bool:
    """True when every (non-missing) value is a whole number, as for counts."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    return bool(values.size) and bool(np.all(values == np.floor(values)))


def range_labels(edges: tuple[float, ...], value_format: str) -> list[str]:
    """One label per class of whole numbers: class k holds edges[k] + 1 .. edges[k + 1]."""
    labels = []
    for k in range(len(edges) - 1):
        lo = edges[0] if k == 0 else edges[k] + 1
        hi = edges[k + 1]
        low, high = format_number(lo, value_format), format_number(hi, value_format)
        if lo >= hi or low == high:
            labels.append(high)
        else:
            # "−5 to −2" reads better than "−5–−2"; a dash otherwise.
            labels.append(f"{low} to {high}" if lo < 0 or hi < 0 else f"{low}{DASH}{high}")
    return labels


def distinct_labels(values: list[float], value_format: str) -> list[str]:
    """Format values so that different values never print alike (adding digits if needed)."""
    for extra in range(MAX_EXTRA_DIGITS + 1):
        spec = value_format if extra == 0 else with_precision(value_format, extra)
        labels = [format_number(v, spec) for v in values]
        clash = any(
            a == b and x != y
            for a, b, x, y in zip(labels, labels[1:], values, values[1:], strict=False)
        )
        if not clash:
            break
    return labels


def edge_ticks(edges: tuple[float, ...], value_format: str) -> tuple[list[float], list[str]]:
    """Ticks at class boundaries; a one-value class gets one tick at its centre instead."""
    k = len(edges) - 1
    positions: list[float] = []
    values: list[float] = []
    for i in range(k + 1):
        single_below = i > 0 and edges[i - 1] == edges[i]
        single_above = i < k and edges[i] == edges[i + 1]
        if single_below or single_above:
            continue  # the one-value class carries this number at its centre
        positions.append(i - 0.5)
        values.append(edges[i])
    for c in range(k):
        if edges[c] == edges[c + 1]:
            positions.append(float(c))
            values.append(edges[c])
    order = np.argsort(positions, kind="stable")
    positions = [positions[i] for i in order]
    values = [values[i] for i in order]
    return positions, distinct_labels(values, value_format)


def colorbar_ticks(
    edges: tuple[float, ...], value_format: str, whole: bool
) -> tuple[list[float], list[str]]:
    """Tick positions (class numbers) and texts for a stepped colour bar of these class edges."""
    if len(edges) < 2:
        return [], []
    if whole and all(float(e).is_integer() for e in edges):
        labels = range_labels(edges, value_format)
        if max(len(label) for label in labels) <= MAX_RANGE_CHARS and len(set(labels)) == len(
            labels
        ):
            return [float(k) for k in range(len(labels))], labels
    return edge_ticks(edges, value_format)
