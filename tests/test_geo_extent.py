"""County boxes for framing small-area maps: tiny hand-made GeoJSON, then the real prepared file."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from geo.extent import area_box, county_boxes, feature_boxes, geometry_box, padded, union_box


def square(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    """A closed clockwise ring."""
    return [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]


def collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def feature(fips: str, geometry: dict | None) -> dict:
    return {"type": "Feature", "id": fips, "properties": {}, "geometry": geometry}


def test_a_polygon_box_is_its_outer_ring_not_its_hole():
    poly = {
        "type": "Polygon",
        "coordinates": [square(-100, 38, -98, 40), square(-99.5, 38.5, -99, 39)],
    }
    assert geometry_box(poly) == (-100, 38, -98, 40)


def test_a_multipolygon_box_covers_every_part():
    # A county of two islands: the box spans both, not just the first.
    multi = {
        "type": "MultiPolygon",
        "coordinates": [[square(-76, 35, -75.5, 35.5)], [square(-75.2, 34.6, -75.0, 34.8)]],
    }
    assert geometry_box(multi) == (-76, 34.6, -75.0, 35.5)


def test_islands_beyond_180_degrees_join_the_west_side_instead_of_spanning_the_globe():
    # Aleutians West: islands at 173-178 E and at 179-177 W.
    aleutians = {
        "type": "MultiPolygon",
        "coordinates": [[square(173.0, 52.5, 178.0, 53.0)], [square(-179.0, 51.5, -177.0, 52.0)]],
    }
    west, south, east, north = geometry_box(aleutians)
    assert (west, east) == (-187.0, -177.0)
    assert (south, north) == (51.5, 53.0)


def test_feature_boxes_are_keyed_by_fips_and_skip_features_without_geometry():
    boxes = feature_boxes(
        collection(
            feature(
                "20209", {"type": "Polygon", "coordinates": [square(-94.9, 39.0, -94.6, 39.2)]}
            ),
            feature("51610", None),
        )
    )
    assert boxes == {"20209": (-94.9, 39.0, -94.6, 39.2)}


def test_a_line_is_not_a_county():
    with pytest.raises(ValueError, match="LineString"):
        geometry_box({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})


def test_county_boxes_of_a_missing_file_is_empty(tmp_path):
    assert county_boxes(tmp_path / "nowhere.json") == {}


def test_county_boxes_reads_a_prepared_file(tmp_path):
    path = tmp_path / "counties_detail.json"
    poly = {"type": "Polygon", "coordinates": [square(-118.2, 36.0, -115.0, 39.2)]}
    path.write_text(json.dumps(collection(feature("32023", poly))))
    assert county_boxes(path) == {"32023": (-118.2, 36.0, -115.0, 39.2)}


def test_an_area_box_uses_county_boxes_and_the_point_of_a_county_without_one():
    boxes = {"20209": (-94.9, 39.0, -94.6, 39.2), "29095": (-94.6, 38.8, -94.1, 39.3)}
    points = pd.DataFrame(
        {
            "fips": ["20209", "29095", "51610"],
            "lon": [-94.75, -94.35, -93.0],
            "lat": [39.1, 39.0, 38.5],
        }
    )
    box = area_box(points["fips"], points["lon"], points["lat"], boxes)
    assert box == (-94.9, 38.5, -93.0, 39.3)


def test_an_area_with_neither_box_nor_point_has_no_box():
    assert area_box(["51610"], [float("nan")], [float("nan")], {}) is None


def test_padding_is_relative_to_the_area_with_a_floor_for_tiny_ones():
    assert padded((-100, 30, -90, 40), margin=0.1) == pytest.approx((-101, 29, -89, 41))
    assert padded((-77.0, 38.9, -76.99, 38.91), min_pad=0.05) == pytest.approx(
        (-77.05, 38.85, -76.94, 38.96)
    )


def test_union_of_no_boxes_says_so():
    with pytest.raises(ValueError, match="at least one box"):
        union_box([])


def test_real_boxes_cover_every_drawn_county_and_none_spans_the_globe(real_boxes):
    assert len(real_boxes) == 3221  # 50 states, DC and Puerto Rico, without Falls Church
    assert all(e - w < 30 and n - s < 15 for w, s, e, n in real_boxes.values())
    west, _, east, _ = real_boxes["02016"]  # Aleutians West, across 180 deg
    assert west < -180 < east < -160
    assert real_boxes["72127"][0] > -67  # San Juan, Puerto Rico
