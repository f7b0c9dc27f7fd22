"""Fill a story's `{placeholders}` with figures computed from the database.

Each placeholder is one named query in queries/ (`story_<name>.sql` unless the story's `[facts]`
says otherwise). The query returns one row with a `value` column and, optionally, a
`value_format` column (d3 style, like the metrics table). Story parameters are bound only where
the query declares them, so one `[params]` table can serve every fact.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from queries import runner
from queries.stories import Fact, Slide, Story

MISSING_TEXT = "[not available]"

# d3-format subset used by the metrics table: [$][,][.precision][type], type in f % d s.
_FORMAT = re.compile(r"^(?P<currency>\$)?(?P<comma>,)?(?:\.(?P<precision>\d+))?(?P<kind>[f%ds])?$")


@dataclass(frozen=True)
class FactValue:
    """A placeholder's figure: the raw value, its text as shown, or the problem that stopped it."""

    name: str
    value: float | int | str | None
    text: str
    problem: str | None = None


def fact_params(story: Story, fact: Fact) -> dict[str, object]:
    """Story params overlaid with the fact's own, restricted to what the query declares."""
    merged = {**story.params, **fact.params}
    wanted = runner.query_params(fact.query)
    missing = sorted(wanted - set(merged))
    if missing:
        raise LookupError(f"the query needs parameter(s) {', '.join('$' + m for m in missing)}")
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in merged.items() if k in wanted}


def resolve_fact(con: duckdb.DuckDBPyConnection, story: Story, name: str) -> FactValue:
    """Run the query behind one placeholder and format its value; never raises for a bad fact."""
    fact = story.fact(name)
    if fact.query not in runner.query_names():
        return _failed(name, f"no query file queries/{fact.query}.sql")
    try:
        frame = runner.run_query(con, fact.query, **fact_params(story, fact))
    except (LookupError, ValueError, duckdb.Error) as err:
        return _failed(name, f"query {fact.query} failed: {err}")
    if "value" not in frame.columns:
        return _failed(name, f"query {fact.query} returns no 'value' column")
    if len(frame) != 1:
        return _failed(name, f"query {fact.query} returned {len(frame)} rows, not one")
    row = frame.iloc[0]
    value = _plain(row["value"])
    if value is None:
        return _failed(name, f"query {fact.query} returned no value (NULL)")
    spec = fact.format or (_plain(row["value_format"]) if "value_format" in frame.columns else None)
    try:
        text = format_value(value, spec)
    except ValueError as err:
        return _failed(name, str(err))
    return FactValue(name=name, value=value, text=text)


def resolve_facts(
    con: duckdb.DuckDBPyConnection, story: Story, names: Iterable[str] | None = None
) -> dict[str, FactValue]:
    """Resolve the given placeholders (default: every one the story uses)."""
    wanted = story.fact_names() if names is None else list(names)
    return {name: resolve_fact(con, story, name) for name in wanted}


def fill(template: str, facts: Mapping[str, FactValue]) -> str:
    """The takeaway with each placeholder replaced by its text, or a visible gap if it failed."""
    texts = {name: fact.text for name, fact in facts.items()}
    return template.format_map(_Gaps(texts))


def slide_problems(slide: Slide, facts: Mapping[str, FactValue]) -> list[str]:
    """Plain-language problems for the placeholders of one slide."""
    problems = []
    for name in slide.placeholders():
        fact = facts.get(name)
        if fact is None:
            problems.append(f"placeholder {{{name}}} was not resolved")
        elif fact.problem:
            problems.append(f"placeholder {{{name}}}: {fact.problem}")
    return problems


def story_problems(story: Story, facts: Mapping[str, FactValue]) -> list[str]:
    """Every placeholder problem of a story, each naming the file and the slide."""
    problems = []
    for number, slide in enumerate(story.slides, start=1):
        for problem in slide_problems(slide, facts):
            problems.append(f"{story.path.name}: slide {number}: {problem}")
    return problems


def format_value(value: float | int | str, spec: str | None) -> str:
    """Format a number with a d3-style spec (`,.0f`, `.1%`, `$,.0f`, `d`); text passes through.

    `s` is not d3's SI prefix but the short scale in words (`44.1 million`), which reads aloud.
    """
    if isinstance(value, str):
        return value
    if not spec:
        spec = ",d" if float(value).is_integer() else ",.1f"
    match = _FORMAT.match(spec)
    if not match:
        raise ValueError(
            f"format {spec!r} is not one of the supported d3 forms like ',.0f' or '.1%'"
        )
    kind = match["kind"] or "f"
    comma = "," if match["comma"] else ""
    precision = int(match["precision"]) if match["precision"] is not None else None
    number = float(value)
    if kind == "%":
        text = f"{number * 100:{comma}.{0 if precision is None else precision}f}%"
    elif kind == "d":
        text = f"{round(number):{comma}d}"
    elif kind == "s":
        text = _si(number)
    else:
        text = f"{number:{comma}.{2 if precision is None else precision}f}"
    if match["currency"]:
        text = f"-${text[1:]}" if text.startswith("-") else f"${text}"
    return text


def _si(number: float) -> str:
    """Short scale in words a room can read: 44.1 million, 350 thousand."""
    for size, word, digits in ((1e9, "billion", 1), (1e6, "million", 1), (1e3, "thousand", 0)):
        if abs(number) >= size:
            return f"{number / size:,.{digits}f} {word}".replace(".0 ", " ")
    return f"{number:,.0f}"


def _plain(value: object) -> float | int | str | None:
    """A pandas/numpy cell as a plain Python value, with NULL and NaN as None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def _failed(name: str, problem: str) -> FactValue:
    return FactValue(name=name, value=None, text=MISSING_TEXT, problem=problem)


class _Gaps(dict):
    """format_map mapping that shows a gap instead of raising for an unknown placeholder."""

    def __missing__(self, key: str) -> str:
        return MISSING_TEXT
