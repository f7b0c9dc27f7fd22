"""Training: institutions in view, TechHire communities and training deserts."""

from __future__ import annotations

import duckdb
import pandas as pd

from queries.runner import run_query

DEFAULT_DESERT_KM = 50
# Why big metros can show up as "deserts": said next to the list so nobody misreads it.
SECTOR_CAVEAT = (
    "“Public 2-year college” is IPEDS sector 4. Community colleges that now award a few "
    "bachelor's degrees (for example Dallas College, Miami Dade College, Seattle's and most of "
    "Washington's and Florida's colleges) are classed by IPEDS as public 4-year and are not "
    "counted here, so some large metros appear as deserts although they have community "
    "colleges."
)
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
    """Counties farther than max_km from any public 2-year college, most populous first.

    `population` has fips and value columns (adults 25+ or total population); counties with no
    college at all in the data (distance missing) count as deserts.
    """
    far = nearest[(nearest["distance_km"] > max_km) | nearest["distance_km"].isna()].copy()
    far = far.merge(population.rename(columns={"value": "population"}), on="fips", how="left")
    far["distance_km"] = far["distance_km"].round(1)
    # Most people first: where a missing college affects the most adults.
    return far.sort_values(
        ["population", "distance_km"], ascending=False, na_position="last"
    ).reset_index(drop=True)


def point_type(frame: pd.DataFrame) -> pd.Series:
    """A handful of institution types for the map legend (public 2-year colleges apart)."""
    control = frame["control_label"].fillna("").str.lower()
    two_year = frame["is_public_two_year"].fillna(False).astype(bool)
    kind = pd.Series("Other", index=frame.index)
    kind[control.str.startswith("public")] = "Public 4-year or less-than-2-year"
    kind[control.str.contains("nonprofit")] = "Private nonprofit"
    kind[control.str.contains("for-profit")] = "Private for-profit"
    kind[two_year] = "Public 2-year college"
    return kind


def map_points(frame: pd.DataFrame) -> pd.DataFrame:
    """Institutions as the map engine wants them: lon, lat, name, type, state_abbr."""
    return pd.DataFrame(
        {
            "lon": frame["lon"],
            "lat": frame["lat"],
            "name": frame["name"] + " (" + frame["city"].fillna("") + ")",
            "type": point_type(frame),
            "state_abbr": frame["state_abbr"],
        }
    )


def institutions_csv(frame: pd.DataFrame) -> bytes:
    """Institutions on screen as CSV, with their source."""
    out = frame.drop(columns=["sector", "level"], errors="ignore").assign(
        source="IPEDS HD2024 (NCES)", vintage="2024–25"
    )
    return out.to_csv(index=False).encode("utf-8")


def deserts_csv(frame: pd.DataFrame, population_source: str, max_km: float) -> bytes:
    """Training deserts as CSV, with the rule and sources."""
    out = frame.assign(
        rule=f"more than {max_km:g} km from any active public 2-year college",
        distance_from="county representative point (inside the county)",
        college_source="IPEDS HD2024 (NCES)",
        population_source=population_source,
    )
    return out.to_csv(index=False).encode("utf-8")


def techhire_markers(communities: pd.DataFrame) -> pd.DataFrame:
    """One marker per TechHire community (not per matched county): the mean of its counties'
    points, labelled with its name, wave and how many counties it is matched to."""
    placed = communities.dropna(subset=["lon", "lat"])
    grouped = placed.groupby(["community_name", "state_abbr"], as_index=False).agg(
        lon=("lon", "mean"),
        lat=("lat", "mean"),
        counties=("fips", "nunique"),
        wave=("announcement_wave", "first"),
        geography_type=("geography_type", "first"),
    )
    grouped["label"] = (
        grouped["community_name"]
        + ", "
        + grouped["state_abbr"]
        + " ("
        + grouped["wave"].fillna("")
        + "; "
        + grouped["geography_type"].fillna("")
        + ", "
        + grouped["counties"].astype(str)
        + " counties)"
    )
    return grouped


def population_measure(catalogue: dict) -> str:
    """The measure counting who lives in a desert: total population, else adults 25+."""
    return "population" if "population" in catalogue else "adults_25_plus"


def deserts_table(deserts: pd.DataFrame, population_label: str) -> pd.DataFrame:
    """The deserts as users read them: county, state, people, distance, nearest college."""
    return deserts[
        [
            "full_name",
            "state_abbr",
            "population",
            "distance_km",
            "nearest_college",
            "nearest_college_place",
        ]
    ].rename(
        columns={
            "full_name": "County",
            "state_abbr": "State",
            "population": population_label,
            "distance_km": "Distance (km)",
            "nearest_college": "Nearest public 2-year college",
            "nearest_college_place": "Where",
        }
    )
