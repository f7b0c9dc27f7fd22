"""Format figures the way the metric catalogue says (d3 format strings), without streamlit."""

from __future__ import annotations

import math
import re

_D3 = re.compile(r"^(?P<dollar>\$)?(?P<comma>,)?(?:\.(?P<precision>\d+))?(?P<type>[fd%s])?$")

STATUS_TEXT = {
    "suppressed": "Suppressed",
    "not_available": "Not available",
}


def is_missing(value: object) -> bool:
    """True for None and NaN (pandas NA included)."""
    if value is None:
        return True
    try:
        return bool(math.isnan(value))  # type: ignore[arg-type]
    except TypeError:
        return str(value) in {"<NA>", "nan", "NaT"}


def format_value(value: object, d3_format: str | None, status: str | None = "ok") -> str:
    """A figure as text: '12,345', '12.3%', '$56,000'; suppressed and missing say so."""
    if status in STATUS_TEXT:
        return STATUS_TEXT[status]
    if is_missing(value):
        return "No data"
    number = float(value)  # type: ignore[arg-type]
    match = _D3.match(d3_format or "")
    if not match:
        return f"{number:,.2f}"
    precision = int(match["precision"]) if match["precision"] is not None else 0
    comma = "," if match["comma"] else ""
    kind = match["type"] or "f"
    if kind == "%":
        return f"{number * 100:{comma}.{precision}f}%"
    if kind == "d":
        precision = 0
    text = f"{abs(number):{comma}.{precision}f}"
    sign = "-" if number < 0 and float(text.replace(",", "")) != 0 else ""
    return f"{sign}${text}" if match["dollar"] else f"{sign}{text}"


def ordinal(n: float | int | None) -> str:
    """1 -> '1st', 22 -> '22nd', 73 -> '73rd'; missing -> '—'."""
    if n is None or is_missing(n):
        return "—"
    k = int(round(float(n)))
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"
