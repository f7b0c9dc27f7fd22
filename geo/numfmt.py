"""Format numbers in Python the way a d3 format string formats them in the browser.

Legend labels are built on the server, hover labels in plotly.js; both read the metric's one
``value_format`` so a class edge and a hovered value never disagree. Supported: an optional ``$``,
``,`` (thousands), ``.N`` precision, ``~`` (trim zeros) and the types ``f``, ``%``, ``d``, ``s``
(SI prefix) and ``r``/``g`` (significant digits).
"""

from __future__ import annotations

import math
import re

_SPEC = re.compile(
    r"^(?P<currency>\$)?(?P<comma>,)?(?:\.(?P<precision>\d+))?(?P<trim>~)?(?P<type>[fdgrs%])?$"
)
_SI = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]


def format_number(value: float | None, spec: str) -> str:
    """Format value with a d3-style spec such as ',.0f', '.1%' or '$,.0f'; '' for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    match = _SPEC.match(spec or "")
    if match is None:
        raise ValueError(f"unsupported number format {spec!r}")
    kind = match["type"] or "g"
    precision = match["precision"]
    comma = "," if match["comma"] else ""
    sign = "-" if value < 0 else ""
    number = abs(float(value))
    suffix = ""
    if kind == "%":
        number *= 100
        text = f"{number:{comma}.{int(precision or 6)}f}"
        suffix = "%"
    elif kind == "d":
        text = f"{round(number):{comma}d}"
    elif kind == "f":
        text = f"{number:{comma}.{int(precision or 6)}f}"
    elif kind == "s":
        for scale, prefix in _SI:
            if number >= scale:
                number, suffix = number / scale, prefix
                break
        digits = int(precision or 6)
        text = f"{number:.{digits}g}"
    else:
        text = f"{number:{comma}.{int(precision or 6)}g}"
    if match["trim"] and "." in text:
        text = text.rstrip("0").rstrip(".")
    if not any(ch in "123456789" for ch in text):
        sign = ""  # a value that rounds to zero is "0.0%", not "-0.0%"
    return f"{sign}{match['currency'] or ''}{text}{suffix}"


def shows_unit(spec: str) -> bool:
    """True when values formatted with `spec` carry their unit: '$' or the '%' type."""
    match = _SPEC.match(spec or "")
    return match is not None and bool(match["currency"] or match["type"] == "%")


def with_precision(spec: str, extra: int) -> str:
    """The same d3-style spec showing `extra` more digits (',.1%' -> ',.3%' for extra=2)."""
    match = _SPEC.match(spec or "")
    if match is None:
        raise ValueError(f"unsupported number format {spec!r}")
    kind = match["type"] or "g"
    if kind == "d":
        kind, precision = "f", 0
    else:
        precision = int(match["precision"] or 6)
    return (
        f"{match['currency'] or ''}{match['comma'] or ''}.{precision + extra}"
        f"{match['trim'] or ''}{kind}"
    )
