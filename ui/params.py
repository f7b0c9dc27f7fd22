"""Plain checks for values that arrive in the URL (no streamlit, so they are unit-tested).

Every parser takes the raw strings of one query parameter and returns the value to use plus,
when the input was unusable, a short message for the user. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_RAW_LEN = 80  # longer than any id, code or name the Atlas uses
MAX_LIST_LEN = 60  # more states than exist, so a longer list is not a real view
_SAFE = re.compile(r"[^A-Za-z0-9 _.,'()&-]")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A parsed parameter: the value to use and, if the input was rejected, why."""

    value: T
    problem: str | None = None


def echo(raw: str, limit: int = 24) -> str:
    """A short, harmless rendering of user input for messages (no markup, no long strings)."""
    text = _SAFE.sub("", str(raw))[:limit]
    return text + ("…" if len(str(raw)) > limit else "")


def _first(raw: Sequence[str] | str | None) -> str | None:
    """The first non-empty value of a parameter, stripped."""
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = [raw]
    for item in raw:
        if item is not None and str(item).strip():
            return str(item).strip()
    return None


def _tokens(raw: Sequence[str] | str) -> list[str]:
    """The non-empty values of a list parameter, stripped; a comma also separates values."""
    items = [raw] if isinstance(raw, str) else list(raw)
    return [t.strip() for item in items for t in str(item).split(",") if t.strip()]


def parse_choice(
    raw: Sequence[str] | str | None, allowed: Sequence[str], default: str, what: str
) -> Parsed[str]:
    """One value from an allow-list (a measure id, a palette); anything else -> the default."""
    value = _first(raw)
    if value is None:
        return Parsed(default)
    if len(value) <= MAX_RAW_LEN and value in allowed:
        return Parsed(value)
    return Parsed(default, f"Unknown {what} “{echo(value)}”; showing the default instead.")


def parse_states(raw: Sequence[str] | str | None, known: Sequence[str]) -> Parsed[list[str]]:
    """State abbreviations (repeated or comma-separated); unknown ones are dropped and named."""
    if raw is None:
        return Parsed([])
    tokens = [t.upper() for t in _tokens(raw)]
    if len(tokens) > MAX_LIST_LEN:
        return Parsed([], "Too many states in the link; showing the whole country.")
    known_set = set(known)
    good: list[str] = []
    bad: list[str] = []
    for token in tokens:
        if token in known_set:
            if token not in good:
                good.append(token)
        else:
            bad.append(echo(token, 8))
    if bad:
        return Parsed(good, f"Unknown state code {', '.join(bad[:5])} ignored.")
    return Parsed(good)


def parse_fips(
    raw: Sequence[str] | str | None, known: Sequence[str] | None = None
) -> Parsed[str | None]:
    """A county FIPS code: exactly five digits, and in the atlas when a list is given."""
    return _parse_five_digits(raw, known, "county", "20209", "No county with code {} in the atlas.")


def parse_cbsa(
    raw: Sequence[str] | str | None, known: Sequence[str] | None = None
) -> Parsed[str | None]:
    """A CBSA (metro or micro area) code: five digits, and known when a list is given."""
    return _parse_five_digits(raw, known, "metro", "28140", "No metro or micro area with code {}.")


def _parse_five_digits(
    raw: Sequence[str] | str | None,
    known: Sequence[str] | None,
    what: str,
    example: str,
    unknown: str,
) -> Parsed[str | None]:
    """A five-digit code, checked against `known` when given; `unknown` names a missing one."""
    value = _first(raw)
    if value is None:
        return Parsed(None)
    if not re.fullmatch(r"\d{5}", value):
        return Parsed(None, f"“{echo(value)}” is not a {what} code (five digits, e.g. {example}).")
    if known is not None and value not in set(known):
        return Parsed(None, unknown.format(value))
    return Parsed(value)


def parse_code_list(
    raw: Sequence[str] | str | None, known: Sequence[str], default: Sequence[str], what: str
) -> Parsed[list[str]]:
    """Several codes from an allow-list (metros to compare); unknown ones dropped and named."""
    if raw is None:
        return Parsed(list(default))
    tokens = _tokens(raw)
    if len(tokens) > MAX_LIST_LEN:
        return Parsed(list(default), f"Too many {what}s in the link; showing the defaults.")
    known_set = set(known)
    good = list(dict.fromkeys(t for t in tokens if t in known_set))
    bad = [echo(t, 12) for t in tokens if t not in known_set]
    if bad:
        return Parsed(good, f"Unknown {what} {', '.join(bad[:5])} ignored.")
    return Parsed(good)


def parse_year(raw: Sequence[str] | str | None, years: Sequence[int], default: int) -> Parsed[int]:
    """A year the measure has; out of range -> the nearest year it has."""
    value = _first(raw)
    if value is None or not years:
        return Parsed(default)
    if not re.fullmatch(r"\d{4}", value):
        return Parsed(default, f"“{echo(value)}” is not a year; showing {default}.")
    year = int(value)
    if year in years:
        return Parsed(year)
    nearest = min(years, key=lambda y: (abs(y - year), -y))
    return Parsed(nearest, f"No data for {year}; showing {nearest}, the nearest year available.")


def parse_int(
    raw: Sequence[str] | str | None, low: int, high: int, default: int, what: str
) -> Parsed[int]:
    """A whole number within [low, high]; outside -> clamped, not a number -> the default."""
    value = _first(raw)
    if value is None:
        return Parsed(default)
    if not re.fullmatch(r"-?\d{1,6}", value):
        return Parsed(default, f"“{echo(value)}” is not a valid {what}; using {default}.")
    number = int(value)
    if number < low or number > high:
        clamped = min(max(number, low), high)
        return Parsed(clamped, f"{what.capitalize()} must be {low}–{high}; using {clamped}.")
    return Parsed(number)


def parse_bool(raw: Sequence[str] | str | None, default: bool) -> Parsed[bool]:
    """A yes/no switch written as 1/0, true/false, yes/no or on/off."""
    value = _first(raw)
    if value is None:
        return Parsed(default)
    low = value.lower()
    if low in {"1", "true", "yes", "on"}:
        return Parsed(True)
    if low in {"0", "false", "no", "off"}:
        return Parsed(False)
    return Parsed(default, f"“{echo(value)}” is not on or off; using the default.")
