"""Boundary preparation: coverage-preserving simplification, repair, winding, the files written,
and one run on the real 2023 TopoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box, shape

from geo.prepare import check_antimeridian, prepare_geometry, repair, simplify_coverage
from geo.states import STATE_ABBR, STATE_BBOX


def _zigzag_pair(points: int = 41) -> list[Polygon]:
    """Two counties sharing a finely wiggling border, covering the box (0,0)-(2,1) exactly."""
    rng = np.random.default_rng(3)
    border = [(1 + rng.normal(0, 0.01), y) for y in np.linspace(0, 1, points)]
    border[0], border[-1] = (1, 0), (1, 1)
    left = Polygon([(0, 0), *border, (0, 1)])
    right = Polygon([(2, 0), (2, 1), *border[::-1]])
    return [left, right]


def test_simplified_neighbours_leave_no_gap_and_no_overlap():
    counties = np.array(_zigzag_pair(), dtype=object)
    simplified = simplify_coverage(counties, tolerance=0.05, decimals=4)
    assert (
        shapely.get_num_coordinates(simplified).sum() < shapely.get_num_coordinates(counties).sum()
    )
    union = shapely.union_all(simplified)
    # Same covered area as before (no gap), and the parts add up to it (no overlap).
    assert union.area == pytest.approx(2.0, rel=1e-6)
    assert sum(g.area for g in simplified) == pytest.approx(union.area, rel=1e-6)
    assert union.geom_type == "Polygon" and len(union.interiors) == 0


def test_simplified_neighbours_still_share_their_edge():
    left, right = simplify_coverage(np.array(_zigzag_pair(), dtype=object), 0.05, 4)
    shared = left.intersection(right)
    assert shared.length == pytest.approx(1.0, rel=0.05)
    assert shared.area == 0


def test_independent_simplification_would_open_gaps():
    # Why coverage simplification: simplifying each county alone leaves slivers on this border,
    # so the two tests above can tell the difference.
    parts = [shapely.simplify(p, 0.02) for p in _zigzag_pair()]
    assert shapely.union_all(parts).area != pytest.approx(2.0, rel=1e-6)


def test_exterior_rings_are_clockwise_for_plotly():
    (out,) = simplify_coverage(np.array([box(0, 0, 1, 1)], dtype=object), 0, 3)
    assert not out.exterior.is_ccw


def test_repair_keeps_polygons_and_drops_collapsed_parts():
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    (fixed, empty) = repair([bowtie, Polygon()])
    assert fixed.is_valid and fixed.geom_type in ("Polygon", "MultiPolygon")
    assert fixed.area == pytest.approx(0.5)
    assert empty.is_empty


def test_a_polygon_spanning_the_antimeridian_is_refused():
    with pytest.raises(ValueError, match="antimeridian"):
        check_antimeridian(np.array([box(-179.5, 51, 179.5, 52)], dtype=object))
    check_antimeridian(np.array([box(172, 51, 179.9, 52), box(-179.9, 51, -170, 52)], dtype=object))


def _tiny_sources(tmp_path: Path) -> Path:
    """A source folder with a 4-county cartographic boundary shapefile (one empty, one on Guam)."""
    geometry = tmp_path / "sources" / "geometry"
    geometry.mkdir(parents=True)
    gdf = gpd.GeoDataFrame(
        {
            "GEOID": ["20001", "20003", "51610", "66010"],
            "NAMELSAD": ["Allen County", "Anderson County", "Falls Church city", "Guam"],
        },
        geometry=[
            box(-95, 37, -94.5, 38),
            box(-94.5, 37, -94, 38),
            Polygon(),
            box(144, 13, 145, 14),
        ],
        crs="EPSG:4326",
    )
    gdf.to_file(geometry / "cb_2023_us_county_500k.shp")
    return tmp_path / "sources"


def test_prepare_writes_drawable_counties_and_keeps_undrawable_rows(tmp_path):
    static = tmp_path / "static"
    table = prepare_geometry(_tiny_sources(tmp_path), static, {"28140": ["20001", "20003"]})
    assert list(table["fips"]) == ["20001", "20003", "51610"]  # Guam is not drawn
    assert table.set_index("fips")["drawable"].to_dict() == {
        "20001": True,
        "20003": True,
        "51610": False,
    }
    allen = table.set_index("fips").loc["20001"]
    assert -95 < allen["lon"] < -94.5 and 37 < allen["lat"] < 38
    assert 3000 < allen["area_km2"] < 5000  # half a degree by one degree at 37.5 N
    counties = json.loads((static / "geo" / "counties.json").read_text())
    assert [f["id"] for f in counties["features"]] == ["20001", "20003"]
    assert counties["features"][0]["properties"]["name"] == "Allen County, KS"
    metros = json.loads((static / "geo" / "metros.json").read_text())
    assert [f["id"] for f in metros["features"]] == ["28140"]
    assert shape(metros["features"][0]["geometry"]).area == pytest.approx(1.0, rel=1e-3)


def test_a_metro_across_states_also_gets_one_piece_per_state(tmp_path):
    static = tmp_path / "static"
    prepare_geometry(_tiny_sources(tmp_path), static, {"47900": ["20001", "51610"]})
    metros = json.loads((static / "geo" / "metros.json").read_text())
    ids = {f["id"] for f in metros["features"]}
    # 51610 has no drawable shape, so the Virginia piece is empty and left out.
    assert ids == {"47900", "47900:KS"}
    whole = {f["id"]: shape(f["geometry"]) for f in metros["features"]}
    assert whole["47900:KS"].area == pytest.approx(whole["47900"].area, rel=1e-6)
    states = json.loads((static / "geo" / "states.json").read_text())
    assert [f["id"] for f in states["features"]] == ["20"]


@pytest.fixture(scope="module")
def real_prepared(tmp_path_factory) -> tuple[Path, object]:
    import settings

    sources = settings.sources_dir()
    if not (sources / "geometry" / "counties-10m.json").exists():
        pytest.skip("the 2023 county TopoJSON is not in the sources folder")
    static = tmp_path_factory.mktemp("static")
    return static, prepare_geometry(sources, static, {})


def test_real_boundaries_prepare_small_complete_and_offline(real_prepared):
    static, table = real_prepared
    assert len(table) == 3222  # 50 states, DC and Puerto Rico
    assert set(table["fips"].str[:2]) == set(STATE_ABBR)
    assert table.loc[~table["drawable"], "fips"].tolist() == ["51610"]
    assert (static / "geo" / "counties.json").stat().st_size < 1_500_000
    assert (static / "usa_110m.json").exists()
    features = json.loads((static / "geo" / "counties.json").read_text())["features"]
    assert len(features) == 3221
    geoms = [shape(f["geometry"]) for f in features]
    assert all(g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty for g in geoms)
    # Aleutians West still draws, each island on one side of 180 deg.
    aleutians = geoms[[f["id"] for f in features].index("02016")]
    assert all(p.bounds[2] - p.bounds[0] < 180 for p in shapely.get_parts(aleutians))


def test_real_simplification_covers_the_same_land(real_prepared):
    import settings

    static, _ = real_prepared
    raw = gpd.read_file(settings.sources_dir() / "geometry" / "counties-10m.json", layer="counties")
    raw = raw[raw["id"].str.startswith("20")]  # Kansas: 105 counties, many straight edges
    before = shapely.union_all(repair(raw.geometry.values)).area
    features = json.loads((static / "geo" / "counties.json").read_text())["features"]
    after_parts = [shape(f["geometry"]) for f in features if f["id"].startswith("20")]
    after = shapely.union_all(after_parts, grid_size=1e-3)
    assert after.area == pytest.approx(before, rel=0.01)
    # No slivers between neighbours: the union is one piece without holes.
    assert after.geom_type == "Polygon" and len(after.interiors) == 0


def test_state_boxes_match_the_prepared_boundaries(real_prepared):
    static, _ = real_prepared
    for feature in json.loads((static / "geo" / "states.json").read_text())["features"]:
        abbr = STATE_ABBR[feature["id"]]
        parts = shapely.get_parts(shape(feature["geometry"]))
        xs = [x - 360 if x > 0 else x for p in parts for x in (p.bounds[0], p.bounds[2])]
        ys = [y for p in parts for y in (p.bounds[1], p.bounds[3])]
        assert STATE_BBOX[abbr] == pytest.approx((min(xs), min(ys), max(xs), max(ys)), abs=0.05)
