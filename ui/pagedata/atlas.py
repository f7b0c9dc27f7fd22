"""The Atlas page: county values for one measure, ranked, and headline figures for the view."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from queries.runner import run_query
from ui.pagedata.catalogue import Measure

STATUS_WORDS = {"ok": "Published", "suppressed": "Suppressed", "not_available": "Not available"}


@dataclass(frozen=True)
class Headline:
    """Headline figures for the counties in view."""

    counties_in_view: int
    counties_with_value: int
    counties_suppressed: int
    counties_no_data: int
    total: float | None  # only for summable measures
    aggregate_rate: float | None  # only for measures with a numerator and denominator
    median: float | None


def _opt(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def county_values(
    con: duckdb.DuckDBPyConnection, metric_id: str, year: int, states: tuple[str, ...]
) -> pd.DataFrame:
    """One row per county in view: value, status, note, rank (1 = highest) and percentile."""
    frame = run_query(
        con, "atlas_county_values", metric_id=metric_id, year=year, states=list(states)
    )
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def headline(
    con: duckdb.DuckDBPyConnection, measure: Measure, year: int, states: tuple[str, ...]
) -> Headline:
    """Total or aggregated rate, median, and counts of suppressed and missing counties."""
    row = run_query(
        con, "atlas_headline", metric_id=measure.metric_id, year=year, states=list(states)
    ).iloc[0]
    return Headline(
        counties_in_view=int(row["counties_in_view"]),
        counties_with_value=int(row["counties_with_value"]),
        counties_suppressed=int(row["counties_suppressed"]),
        counties_no_data=int(row["counties_no_data"]),
        total=_opt(row["total"]) if measure.kind == "count" else None,
        aggregate_rate=_opt(row["aggregate_rate"]) if measure.is_ratio else None,
        median=_opt(row["median"]),
    )


def ranking_view(values: pd.DataFrame, measure: Measure) -> pd.DataFrame:
    """The ranked table on screen: what a user reads, compact enough to send on every rerun.

    Source, vintage and FIPS go to the CSV (the page names the source once above the table);
    status words show only where a figure is not published. Repeated words are categories
    (sent once, not per row) and names plain strings (32-bit offsets). Numbers stay float64:
    the grid's accessible table reads raw values, and float32 turns 99.9 into 99.9000015.
    """
    status = values["status"].map(STATUS_WORDS).fillna(values["status"])
    view = pd.DataFrame(
        {
            "Rank": values["rank"].astype("Int16"),  # at most ~3,200 counties
            "County": values["full_name"].astype(object),
            "State": values["state_abbr"].astype("category"),
            measure.label: values["value"],
            "Percentile": values["percentile"].round(1),
            # Blank, not "None", where the agency published a figure or wrote no note.
            "Status": status.where(values["status"] != "ok", "").astype("category"),
            "Note": values["note"].fillna("").astype("category"),
        }
    ).reset_index(drop=True)
    # A column blank in every row says nothing (and the grid shows one whose only value is
    # blank as "None" in every row).
    empty = [name for name in ("Status", "Note") if (view[name] == "").all()]
    return view.drop(columns=empty)


def ranking_table(values: pd.DataFrame, measure: Measure, year: int) -> pd.DataFrame:
    """The ranked table users download: value, rank, percentile, status, note, source, vintage."""
    table = pd.DataFrame(
        {
            "Rank": values["rank"],
            "County": values["full_name"],
            "State": values["state_abbr"],
            "FIPS": values["fips"],
            measure.label: values["value"],
            "Percentile": values["percentile"].round(1),
            "Status": values["status"].map(STATUS_WORDS).fillna(values["status"]),
            "Note": values["note"].fillna(""),
            "Source": measure.source,
            "Vintage": measure.vintage,
            "Year": year,
        }
    )
    return table.reset_index(drop=True)


def ranking_csv(table: pd.DataFrame) -> bytes:
    """The ranked table as UTF-8 CSV; suppressed values stay empty with their status, never 0."""
    return table.to_csv(index=False).encode("utf-8")
