"""Small-area maps (place profile, metro maps) frame whole counties, not their middle points."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from ui.maps import area_map
from ui.pagedata.catalogue import Measure

SHARE = Measure(
    metric_id="some_college_share",
    label="Share of adults with some college, no degree",
    theme="talent",
    unit="percent",
    value_format=".1%",
    source="Census ACS 5-year",
    vintage="2020–2024",
    years_text="2024",
    default_year=2024,
    definition="",
    formula="",
    higher_is_better=False,
    kind="rate",
    numerator_id=None,
    denominator_id=None,
    multiplier=None,
    diverging_midpoint=None,
    years=(2024,),
)


def counties(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    """The table a small map gets: fips, state, point, a value for each county."""
    frame = pd.DataFrame(rows, columns=["fips", "state_abbr", "lon", "lat"])
    return frame.assign(
        full_name=frame["fips"], value=0.25, status="ok", note="", name=frame["fips"]
    )


def frame_of(fig: go.Figure) -> tuple[float, float, float, float]:
    """The map's lon/lat frame as (west, south, east, north)."""
    lon0, lon1 = fig.layout.geo.lonaxis.range
    lat0, lat1 = fig.layout.geo.lataxis.range
    return lon0, lat0, lon1, lat1


def contains(outer: tuple, inner: tuple) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and outer[2] >= inner[2]
        and outer[3] >= inner[3]
    )


def test_without_boxes_the_frame_holds_every_point():
    area = counties([("20209", "KS", -94.75, 39.11), ("29095", "MO", -94.35, 39.01)])
    frame = frame_of(area_map(area, SHARE, area, height=300))
    assert contains(frame, (-94.75, 39.01, -94.35, 39.11))


def test_a_county_box_widens_the_frame_beyond_its_point():
    area = counties([("32023", "NV", -116.47, 38.04)])
    boxes = {"32023": (-118.2, 35.96, -115.0, 39.16)}
    frame = frame_of(area_map(area, SHARE, area, height=300, boxes=boxes))
    assert contains(frame, boxes["32023"])


def area_from(boxes: dict, places: list[tuple[str, str]]) -> pd.DataFrame:
    """An area of real counties; each point in the middle of its box, far from its edges."""
    rows = []
    for fips, state in places:
        west, south, east, north = boxes[fips]
        rows.append((fips, state, (west + east) / 2, (south + north) / 2))
    return counties(rows)


@pytest.mark.parametrize(
    "places",
    [
        # Nye County, NV (47,000 km2) with the counties whose point is within 120 km of its own.
        [("32023", "NV"), ("32009", "NV"), ("06027", "CA")],
        # Yukon-Koyukuk Census Area, AK alone: a single point said nothing about its size.
        [("02290", "AK")],
        # Las Vegas metro: Clark County alone.
        [("32003", "NV")],
    ],
)
def test_the_frame_of_a_big_county_holds_its_whole_box(real_boxes, places):
    area = area_from(real_boxes, places)
    frame = frame_of(area_map(area, SHARE, area, height=460, boxes=real_boxes))
    for fips, _ in places:
        assert contains(frame, real_boxes[fips]), f"{fips} is cut by the frame {frame}"


def test_aleutians_west_is_framed_as_one_chain_west_of_alaska(real_boxes):
    area = area_from(real_boxes, [("02016", "AK")])
    fig = area_map(area, SHARE, area, height=460, boxes=real_boxes)
    west, _, east, _ = frame = frame_of(fig)
    assert contains(frame, real_boxes["02016"])
    # One chain of islands about 20 deg long, not a frame around the whole globe.
    assert east - west < 30
    assert west < fig.layout.geo.projection.rotation.lon < east


def test_a_small_county_keeps_a_close_frame(real_boxes):
    # Wyandotte County, KS: about 0.3 deg across, its frame stays within 0.1 deg of it.
    area = area_from(real_boxes, [("20209", "KS")])
    frame = frame_of(area_map(area, SHARE, area, height=460, boxes=real_boxes))
    box = real_boxes["20209"]
    assert contains(frame, box)
    assert all(abs(f - b) <= 0.1 for f, b in zip(frame, box, strict=True))
