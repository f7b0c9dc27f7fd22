"""The measure catalogue: which measures exist, their labels, formats, sources and years."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from queries.runner import run_query

THEME_LABELS: dict[str, str] = {
    "tech_jobs": "Tech jobs",
    "jobs": "Jobs",
    "talent": "Talent",
    "training": "Training",
    "context": "Context",
}


@dataclass(frozen=True)
class Measure:
    """One measure users can pick, as the metrics table describes it."""

    metric_id: str
    label: str
    theme: str
    unit: str
    value_format: str
    source: str
    vintage: str
    years_text: str
    default_year: int
    definition: str
    formula: str
    higher_is_better: bool
    kind: str
    numerator_id: str | None
    denominator_id: str | None
    multiplier: float | None
    diverging_midpoint: float | None
    years: tuple[int, ...]

    @property
    def theme_label(self) -> str:
        """The theme as users read it."""
        return THEME_LABELS.get(self.theme, self.theme.replace("_", " ").capitalize())

    @property
    def has_series(self) -> bool:
        """True when the measure has more than one year."""
        return len(self.years) > 1

    @property
    def is_ratio(self) -> bool:
        """True when the measure aggregates as sum(numerator) / sum(denominator)."""
        return bool(self.numerator_id and self.denominator_id)

    def help_text(self) -> str:
        """Definition, formula, source and vintage in one tooltip."""
        parts = [self.definition or self.label]
        if self.formula:
            parts.append(f"Formula: {self.formula}")
        parts.append(f"Source: {self.source}, {self.vintage}")
        return "\n\n".join(parts)


def _none(value: object) -> object:
    """pandas missing -> None, so the dataclass holds plain values."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def load_catalogue(con: duckdb.DuckDBPyConnection) -> dict[str, Measure]:
    """Every measure, keyed by metric_id, in catalogue order."""
    frame = run_query(con, "atlas_metrics")
    catalogue: dict[str, Measure] = {}
    for row in frame.to_dict("records"):
        years = tuple(int(y) for y in (row["year_list"] if row["year_list"] is not None else []))
        default_year = _none(row["default_year"])
        catalogue[row["metric_id"]] = Measure(
            metric_id=row["metric_id"],
            label=row["label"],
            theme=row["theme"],
            unit=row["unit"] or "",
            value_format=row["value_format"] or ",.2f",
            source=row["source"] or "",
            vintage=str(row["vintage"] or ""),
            years_text=str(row["years"] or ""),
            default_year=int(default_year) if default_year is not None else max(years or (0,)),
            definition=row["definition"] or "",
            formula=row["formula"] or "",
            higher_is_better=bool(_none(row["higher_is_better"])),
            kind=row["kind"] or "amount",
            numerator_id=_none(row["numerator_id"]),
            denominator_id=_none(row["denominator_id"]),
            multiplier=_none(row["multiplier"]),
            diverging_midpoint=_none(row["diverging_midpoint"]),
            years=years,
        )
    return catalogue


def pick_default(catalogue: dict[str, Measure], preferences: list[str]) -> str | None:
    """The first preferred measure present in the catalogue, else the first one, else None."""
    for metric_id in preferences:
        if metric_id in catalogue:
            return metric_id
    return next(iter(catalogue), None)


def grouped_ids(catalogue: dict[str, Measure]) -> list[str]:
    """Measure ids ordered by theme (tech jobs, jobs, talent, training, context), then catalogue."""
    order = {theme: i for i, theme in enumerate(THEME_LABELS)}
    items = list(catalogue.values())
    items.sort(key=lambda m: order.get(m.theme, len(order)))
    return [m.metric_id for m in items]


def option_label(measure: Measure) -> str:
    """How a measure appears in a picker: 'Talent · Share of adults with some college'."""
    return f"{measure.theme_label} · {measure.label}"
