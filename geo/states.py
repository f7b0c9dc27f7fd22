"""State FIPS codes, USPS abbreviations and which areas the Atlas draws.

The Atlas draws the 50 states, DC and Puerto Rico. Guam (66), the Northern Mariana Islands (69),
American Samoa (60) and the US Virgin Islands (78) are in the boundary file but are left off: none
of the jobs sources (BEA, QCEW county rows for the states) covers them, and Albers USA has no inset
for them.
"""

from __future__ import annotations

STATE_ABBR: dict[str, str] = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "72": "PR",
}  # fmt: skip

ABBR_STATE: dict[str, str] = {abbr: fips for fips, abbr in STATE_ABBR.items()}

STATE_NAME: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "PR": "Puerto Rico",
}  # fmt: skip

DRAWN_STATE_FIPS: frozenset[str] = frozenset(STATE_ABBR)

# Albers USA (the national map) has insets for Alaska and Hawaii only; Puerto Rico is drawn
# when it is chosen as a state view, on a conic projection.
NOT_ON_ALBERS_USA: frozenset[str] = frozenset({"72"})

# (min lon, min lat, max lon, max lat) of each state's drawn counties, read from the prepared
# 2023 boundaries (tests/test_geo_prepare.py checks them against the source file). Alaska's
# Aleutian islands west of 180 deg are counted as lon - 360 so its box stays one piece.
STATE_BBOX: dict[str, tuple[float, float, float, float]] = {
    "AL": (-88.47, 30.22, -84.89, 35.01), "AK": (-187.54, 51.23, -129.97, 71.35),
    "AZ": (-114.81, 31.33, -109.05, 37.0), "AR": (-94.62, 33.0, -89.64, 36.5),
    "CA": (-124.41, 32.53, -114.13, 42.01), "CO": (-109.06, 36.99, -102.04, 41.0),
    "CT": (-73.73, 40.98, -71.79, 42.05), "DE": (-75.79, 38.45, -75.05, 39.84),
    "DC": (-77.12, 38.79, -76.91, 38.97), "FL": (-87.64, 24.52, -80.03, 31.0),
    "GA": (-85.61, 30.36, -80.86, 35.0), "HI": (-160.23, 18.91, -154.82, 22.23),
    "ID": (-117.22, 41.99, -111.04, 49.0), "IL": (-91.5, 36.98, -87.5, 42.51),
    "IN": (-88.09, 37.8, -84.8, 41.76), "IA": (-96.63, 40.38, -90.15, 43.5),
    "KS": (-102.05, 36.99, -94.6, 40.0), "KY": (-89.57, 36.5, -81.97, 39.15),
    "LA": (-94.04, 28.96, -88.82, 33.02), "ME": (-71.08, 43.06, -66.98, 47.46),
    "MD": (-79.49, 37.92, -75.05, 39.72), "MA": (-73.51, 41.24, -69.93, 42.87),
    "MI": (-90.42, 41.7, -82.42, 48.19), "MN": (-97.23, 43.5, -89.58, 49.38),
    "MS": (-91.64, 30.18, -88.1, 34.99), "MO": (-95.76, 35.99, -89.1, 40.61),
    "MT": (-116.05, 44.38, -104.04, 49.0), "NE": (-104.05, 40.0, -95.31, 43.0),
    "NV": (-120.01, 35.0, -114.04, 42.0), "NH": (-72.54, 42.7, -70.7, 45.31),
    "NJ": (-75.53, 38.94, -73.89, 41.36), "NM": (-109.05, 31.33, -103.0, 37.0),
    "NY": (-79.76, 40.5, -71.87, 45.02), "NC": (-84.32, 33.85, -75.52, 36.59),
    "ND": (-104.05, 45.94, -96.56, 49.0), "OH": (-84.82, 38.41, -80.52, 41.98),
    "OK": (-103.0, 33.64, -94.43, 37.0), "OR": (-124.55, 41.99, -116.46, 46.27),
    "PA": (-80.52, 39.72, -74.69, 42.27), "RI": (-71.86, 41.16, -71.12, 42.02),
    "SC": (-83.35, 32.03, -78.54, 35.22), "SD": (-104.06, 42.49, -96.45, 45.95),
    "TN": (-90.31, 34.98, -81.65, 36.68), "TX": (-106.65, 25.84, -93.52, 36.5),
    "UT": (-114.05, 37.0, -109.04, 42.0), "VT": (-73.44, 42.73, -71.49, 45.01),
    "VA": (-83.68, 36.54, -75.24, 39.47), "WA": (-124.73, 45.55, -116.92, 49.0),
    "WV": (-82.64, 37.21, -77.72, 40.64), "WI": (-92.89, 42.49, -86.82, 47.07),
    "WY": (-111.06, 41.0, -104.05, 45.01), "PR": (-67.93, 17.92, -65.22, 18.51),
}  # fmt: skip


def metro_piece_id(cbsa_code: str, state_abbr: str) -> str:
    """The id of one state's part of a multi-state metro in metros.json ("28140:KS")."""
    return f"{cbsa_code}:{state_abbr}"


def views_bbox(abbrs: list[str]) -> tuple[float, float, float, float]:
    """Bounding box (min lon, min lat, max lon, max lat) around the given states."""
    unknown = [a for a in abbrs if a not in STATE_BBOX]
    if unknown:
        raise ValueError(f"unknown state abbreviation(s): {unknown}")
    boxes = [STATE_BBOX[a] for a in abbrs]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
