"""Training: institutions in view, TechHire communities and training deserts."""

from __future__ import annotations

import duckdb
import pandas as pd

from queries.runner import run_query

DEFAULT_DESERT_KM = 50
# What the representative point is, said wherever a distance is shown.
POINT_NOTE = (
    "Distances are great-circle (haversine) kilometres from each county's representative point "
    "(a point guaranteed to lie inside the county, from the 2023 boundaries), not its centroid "
    "or population centre."
)


def institutions(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> pd.DataFrame:
    """Active institutions in view with location, sector and level."""
    return run_query(con, "training_institutions", states=list(states))


def filter_institutions(frame: pd.DataFrame, sectors: list[str], levels: list[str]) -> pd.DataFrame:
    """Institutions of the chosen sectors and levels (an empty choice keeps all)."""
    keep = pd.Series(True, index=frame.index)
    if sectors:
        keep &= frame["sector_label"].isin(sectors)
    if levels:
        keep &= frame["level_label"].isin(levels)
    return frame[keep]


def techhire(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> pd.DataFrame:
    """TechHire communities in view, each with the county it is matched to."""
    return run_query(con, "training_techhire", states=list(states))


def nearest_colleges(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> pd.DataFrame:
    """Every county in view with its nearest public 2-year college and the distance in km."""
    return run_query(con, "training_nearest_public_two_year", states=list(states))


def deserts(nearest: pd.DataFrame, max_km: float, population: pd.DataFrame) -> pd.DataFrame:
    """Counties farther than max_km from any public 2-year college, farthest first.

    `population` has fips and value columns (adults 25+ or total population); counties with no
    college at all in the data (distance missing) count as deserts.
    """
    far = nearest[(nearest["distance_km"] > max_km) | nearest["distance_km"].isna()].copy()
    far = far.merge(population.rename(columns={"value": "population"}), on="fips", how="left")
    far["distance_km"] = far["distance_km"].round(1)
    return far.sort_values("distance_km", ascending=False, na_position="first").reset_index(
        drop=True
    )
