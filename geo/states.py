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

DRAWN_STATE_FIPS: frozenset[str] = frozenset(STATE_ABBR)

# Albers USA (the national map) has insets for Alaska and Hawaii only; Puerto Rico is drawn
# when it is chosen as a state view, on a conic projection.
NOT_ON_ALBERS_USA: frozenset[str] = frozenset({"72"})
