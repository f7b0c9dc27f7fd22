"""Training: institutions in view, TechHire communities and training deserts."""

from __future__ import annotations

import duckdb
import pandas as pd

from queries.runner import run_query

DEFAULT_DESERT_KM = 50
# The value of the Sector filter that selects community colleges (they span two IPEDS sectors).
COMMUNITY = "community"
COMMUNITY_LABEL = "Community colleges (public, mainly sub-baccalaureate)"
# How "community college" is decided (institutions.is_community_college), said wherever it is used.
COMMUNITY_RULE = (
    "community college (public, mainly sub-baccalaureate: IPEDS sector 4, or public with "
    "INSTCAT 3/4)"
)
# What the rule takes in and leaves out, said next to the deserts so nobody misreads them.
COLLEGE_NOTE = (
    "“Community college” means a public college that mainly awards associate degrees and "
    "certificates: IPEDS sector 4 (public 2-year), or a public college in IPEDS institutional "
    "category 3 or 4 (degree-granting, not primarily baccalaureate). The second part counts "
    "colleges that award a few bachelor's degrees and are filed by IPEDS as 4-year, such as "
    "Dallas College, Miami Dade College and most of Washington's and Florida's colleges. It also "
    "takes in a few universities that award mostly associate degrees (e.g. Utah Valley, Weber "
    "State), and leaves out public technical centres that grant no degree and private colleges."
)
# What the representative point is, said wherever a distance is shown.
POINT_NOTE = (
    "A county with a community college inside its borders is no desert (0 km). For the others, "
    "distances are great-circle (haversine) kilometres from the county's representative point "
    "(a point guaranteed to lie inside the county, from the 2023 boundaries), not its centroid "
    "or population centre."
)


def institutions(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> pd.DataFrame:
    """Active institutions in view with location, sector and level."""
    return run_query(con, "training_institutions", states=list(states))


def filter_institutions(frame: pd.DataFrame, sectors: list[str], levels: list[str]) -> pd.DataFrame:
    """Institutions of the chosen sectors and levels (an empty choice keeps all).

    A sector may be COMMUNITY: community colleges, whichever IPEDS sector they are in.
    """
    keep = pd.Series(True, index=frame.index)
    if sectors:
        # Community colleges are a choice of their own beside the IPEDS sectors (either matches).
        chosen = frame["sector_label"].isin([s for s in sectors if s != COMMUNITY])
        if COMMUNITY in sectors:
            chosen |= frame["is_community_college"].fillna(False).astype(bool)
        keep &= chosen
    if levels:
        keep &= frame["level_label"].isin(levels)
    return frame[keep]


def techhire(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> pd.DataFrame:
    """TechHire communities in view, each with the county it is matched to."""
    return run_query(con, "training_techhire", states=list(states))


def nearest_colleges(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> pd.DataFrame:
    """Every county in view with its nearest community college and the distance in km."""
    return run_query(con, "training_nearest_community_college", states=list(states))


def deserts(nearest: pd.DataFrame, max_km: float, population: pd.DataFrame) -> pd.DataFrame:
    """Counties farther than max_km from any community college, most populous first.

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
    """A handful of institution types for the map legend (community colleges apart)."""
    control = frame["control_label"].fillna("").str.lower()
    community = frame["is_community_college"].fillna(False).astype(bool)
    kind = pd.Series("Other", index=frame.index)
    kind[control.str.startswith("public")] = "Other public institution"
    kind[control.str.contains("nonprofit")] = "Private nonprofit"
    kind[control.str.contains("for-profit")] = "Private for-profit"
    kind[community] = "Community college"
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
        rule=f"no active {COMMUNITY_RULE} inside the county, and none within {max_km:g} km",
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
    """The deserts as users read them: county, state, people, distance, nearest college.

    Compact because it is sent on every rerun: repeated words (states, a college many counties
    share) are categories, sent once; the population count is float32 (whole numbers are exact
    below 16 million); the distance stays float64 so 161.3 does not read as 161.300003.
    """
    return pd.DataFrame(
        {
            "County": deserts["full_name"].astype(object),
            "State": deserts["state_abbr"].astype("category"),
            population_label: deserts["population"].astype("float32"),
            "Distance (km)": deserts["distance_km"],
            "Nearest community college": deserts["nearest_college"].astype("category"),
            "Where": deserts["nearest_college_place"].astype("category"),
        }
    )
