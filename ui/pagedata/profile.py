"""Place profile: every measure of a county, its neighbours, nearby training, look-alikes."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import numpy as np
import pandas as pd

from queries.runner import run_query
from ui.fmt import format_value, ordinal
from ui.pagedata.catalogue import Measure

# Measures "places like this one" compares on, when the catalogue has them: talent, tech jobs,
# training, income, unemployment and size, so a look-alike is alike on what the Atlas is about.
SIMILARITY_MEASURES = [
    "some_college_share",
    "tech_share",
    "institutions_per_100k_adults",
    "median_household_income",
    "unemployment_rate",
    "population",
    "adults_25_plus",
]
LOG_SCALED = {"population", "adults_25_plus"}  # sizes span 5 orders of magnitude
NEAR_KM = 80


def county(con: duckdb.DuckDBPyConnection, fips: str) -> dict | None:
    """The county row (names, state, metro, rural-urban code, point), or None if unknown."""
    frame = run_query(con, "profile_county", fips=fips)
    return None if frame.empty else frame.iloc[0].to_dict()


def county_measures(con: duckdb.DuckDBPyConnection, fips: str) -> pd.DataFrame:
    """Every measure for one county with national and state percentiles."""
    return run_query(con, "profile_values", fips=fips)


def measures_table(values: pd.DataFrame) -> pd.DataFrame:
    """The profile table users read: formatted value, percentiles, status note, source."""
    return pd.DataFrame(
        {
            "Measure": values["label"],
            "Value": [
                format_value(v, f, s)
                for v, f, s in zip(
                    values["value"], values["value_format"], values["status"], strict=True
                )
            ],
            "National percentile": values["national_percentile"].map(ordinal),
            "State percentile": values["state_percentile"].map(ordinal),
            "Year": values["year"].astype("Int64"),
            "Note": values["note"].fillna(""),
            "Source": values["source"] + ", " + values["vintage"].astype(str),
        }
    )


def neighbours(
    con: duckdb.DuckDBPyConnection, fips: str, metric_id: str, year: int, radius_km: float = 120
) -> pd.DataFrame:
    """Counties whose point is within radius_km of this county's point, with one measure."""
    return run_query(
        con,
        "profile_neighbours",
        fips=fips,
        radius_km=float(radius_km),
        metric_id=metric_id,
        year=year,
    )


def institutions_near(
    con: duckdb.DuckDBPyConnection, lon: float, lat: float, radius_km: float = NEAR_KM
) -> pd.DataFrame:
    """Active institutions within radius_km of a point, nearest first, with distance in km."""
    return run_query(
        con,
        "training_institutions_near",
        lon=float(lon),
        lat=float(lat),
        radius_km=float(radius_km),
    )


def nearest_community_college(
    con: duckdb.DuckDBPyConnection, fips: str, lon: float, lat: float
) -> dict | None:
    """A county's nearest active community college, or None if there is none at all.

    A college inside the county comes first (`in_county` True, `distance_km` 0), as in the
    training deserts; otherwise the nearest to the county's point (lon, lat), at any distance.
    """
    frame = institutions_near(con, lon, lat, radius_km=20000)
    frame = frame[frame["is_community_college"].astype(bool)]
    if frame.empty:
        return None
    inside = frame[frame["fips"] == fips]
    if not inside.empty:
        return {**inside.iloc[0].to_dict(), "in_county": True, "distance_km": 0.0}
    return {**frame.iloc[0].to_dict(), "in_county": False}


def similarity_inputs(con: duckdb.DuckDBPyConnection, metric_ids: Sequence[str]) -> pd.DataFrame:
    """Wide table: one row per county, one column per comparison measure (default years)."""
    long = run_query(con, "profile_similarity_inputs", metric_ids=list(metric_ids))
    wide = long.pivot_table(
        index=["fips", "full_name", "state_abbr"],
        columns="metric_id",
        values="value",
        aggfunc="first",
    )
    return wide.reset_index()


def most_similar(
    wide: pd.DataFrame, fips: str, measures: Sequence[str], n: int = 8
) -> pd.DataFrame:
    """The n counties nearest to fips in z-scores of the measures (sizes on a log scale).

    Only counties with every measure published are compared; the distance is Euclidean over
    the standardised measures, so each measure weighs the same.
    """
    cols = [m for m in measures if m in wide.columns]
    if not cols or fips not in set(wide["fips"]):
        return wide.iloc[0:0].assign(distance=pd.Series(dtype=float))
    data = wide.dropna(subset=cols).copy()
    if fips not in set(data["fips"]):
        return wide.iloc[0:0].assign(distance=pd.Series(dtype=float))
    matrix = data[cols].astype(float)
    for col in cols:
        if col in LOG_SCALED:
            matrix[col] = np.log10(matrix[col].clip(lower=1))
    std = matrix.std(ddof=0).replace(0, 1)
    z = (matrix - matrix.mean()) / std
    target = z[data["fips"] == fips].iloc[0]
    data["distance"] = np.sqrt(((z - target) ** 2).sum(axis=1))
    others = data[data["fips"] != fips].sort_values(["distance", "fips"])
    return others.head(n).reset_index(drop=True)


def formatted_similar(similar: pd.DataFrame, measures: dict[str, Measure]) -> pd.DataFrame:
    """Look-alike counties as users read them: formatted values and the distance."""
    out = pd.DataFrame({"County": similar["full_name"], "FIPS": similar["fips"]})
    for metric_id, measure in measures.items():
        out[measure.label] = [format_value(v, measure.value_format) for v in similar[metric_id]]
    out["Distance (z)"] = similar["distance"].round(2)
    return out
