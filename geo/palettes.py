"""Stepped, colour-blind-safe palettes for the maps, and the colours of "no number" states.

Sequential palettes (amounts: more is darker) come from ColorBrewer's single/multi-hue schemes,
diverging ones (around a meaningful midpoint such as the US value or zero growth) from ColorBrewer's
PuOr and BrBG, both readable with the common colour-vision deficiencies and in greyscale. Every
palette is listed for 3 to 9 classes so each step is a ColorBrewer-tested set, not an interpolation.

The three "no number" states are kept apart on the map and in the legend:

- suppressed by the agency: a mid grey (``SUPPRESSED``), darker than any light class colour;
- not available (no data for this place): near white (``NO_DATA``), with the county outline;
- zero: a real value, drawn in the colour of the class it falls in (the lowest on a sequential
  map; on a diverging map around 0, the class just below the midpoint), and its legend line
  shows that same colour.
"""

from __future__ import annotations

SUPPRESSED = "#8c8c8c"
NO_DATA = "#f2f2f2"
OUTLINE = "#ffffff"

# ColorBrewer 2.0 (Cynthia Brewer, Penn State), Apache-2.0-style licence: colour-blind safe schemes.
_SEQUENTIAL: dict[str, dict[int, list[str]]] = {
    "blues": {
        3: ["#deebf7", "#9ecae1", "#3182bd"],
        4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
        5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
        6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
        7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
        8: ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
        9: [
            "#f7fbff",
            "#deebf7",
            "#c6dbef",
            "#9ecae1",
            "#6baed6",
            "#4292c6",
            "#2171b5",
            "#08519c",
            "#08306b",
        ],
    },
    "ylgnbu": {
        3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
        4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
        5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
        6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
        7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
        8: ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
        9: [
            "#ffffd9",
            "#edf8b1",
            "#c7e9b4",
            "#7fcdbb",
            "#41b6c4",
            "#1d91c0",
            "#225ea8",
            "#253494",
            "#081d58",
        ],
    },
    "purples": {
        3: ["#efedf5", "#bcbddc", "#756bb1"],
        4: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3"],
        5: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],
        6: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"],
        7: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"],
        8: ["#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"],
        9: [
            "#fcfbfd",
            "#efedf5",
            "#dadaeb",
            "#bcbddc",
            "#9e9ac8",
            "#807dba",
            "#6a51a3",
            "#54278f",
            "#3f007d",
        ],
    },
}
_DIVERGING: dict[str, dict[int, list[str]]] = {
    "puor": {
        3: ["#f1a340", "#f7f7f7", "#998ec3"],
        4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
        5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
        6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
        7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
        8: ["#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac",
            "#542788"],
        9: ["#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2",
            "#8073ac", "#542788"],
    },
    "brbg": {
        3: ["#d8b365", "#f5f5f5", "#5ab4ac"],
        4: ["#a6611a", "#dfc27d", "#80cdc1", "#018571"],
        5: ["#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571"],
        6: ["#8c510a", "#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac", "#01665e"],
        7: ["#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"],
        8: ["#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#c7eae5", "#80cdc1", "#35978f",
            "#01665e"],
        9: ["#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5", "#c7eae5", "#80cdc1",
            "#35978f", "#01665e"],
    },
}  # fmt: skip

DEFAULT_SEQUENTIAL = "ylgnbu"
DEFAULT_DIVERGING = "puor"
PALETTES: tuple[str, ...] = (*_SEQUENTIAL, *_DIVERGING)


def is_diverging(name: str) -> bool:
    """True for palettes centred on a midpoint."""
    return name in _DIVERGING


def class_colors(name: str | None, k: int, *, diverging: bool = False) -> list[str]:
    """k colours, lightest (or the low side of a diverging scheme) first; k from 1 to 9."""
    if name is None:
        name = DEFAULT_DIVERGING if diverging else DEFAULT_SEQUENTIAL
    table = _SEQUENTIAL.get(name) or _DIVERGING.get(name)
    if table is None:
        raise ValueError(f"unknown palette {name!r}; choose one of {PALETTES}")
    if not 1 <= k <= 9:
        raise ValueError(f"a palette has 1 to 9 classes, got {k}")
    if k < 3:
        # ColorBrewer starts at 3; take the ends of the 3-class set so one or two classes still
        # read as low/high.
        three = table[3]
        return [three[-1]] if k == 1 else [three[0], three[-1]]
    return list(table[k])


def _mix(a: str, b: str, t: float) -> str:
    """The colour a fraction t of the way from hex colour a to hex colour b (linear RGB)."""
    ra, rb = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (a, b))
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ra, rb, strict=True))


def _sample(colors: list[str], position: float) -> str:
    """The colour at position 0..1 along colours spaced evenly (a continuous version)."""
    x = position * (len(colors) - 1)
    i = min(int(x), len(colors) - 2)
    return _mix(colors[i], colors[i + 1], x - i)


def diverging_colors(name: str | None, n_low: int, n_high: int) -> list[str]:
    """Colours for n_low classes below a midpoint and n_high above, each side from the same scheme.

    Uses the symmetric scheme for max(n_low, n_high) a side, so a class the same distance from
    the midpoint has the same strength on either side. ColorBrewer stops at four a side; more
    (a continuous scale's steps) are sampled evenly along the 9-class scheme, so every class
    still gets its own colour.
    """
    name = name or DEFAULT_DIVERGING
    if name not in _DIVERGING:
        raise ValueError(f"{name!r} is not a diverging palette; choose one of {tuple(_DIVERGING)}")
    side = max(n_low, n_high, 1)
    if side > 4:
        full = _DIVERGING[name][9]
        # Step i from the midpoint sits i / side of the way to the end, as in the listed sets.
        lows = [_sample(full, 0.5 - (i + 1) / (2 * side)) for i in range(n_low)][::-1]
        highs = [_sample(full, 0.5 + (i + 1) / (2 * side)) for i in range(n_high)]
        return lows + highs
    full = _DIVERGING[name][max(2 * side, 3)]
    half = len(full) // 2
    lows = full[:half][::-1][:n_low][::-1]  # nearest the midpoint last
    highs = full[len(full) - half :][:n_high]
    return lows + highs
