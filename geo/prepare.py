"""Prepare county, state and metro boundaries once, at build time, for the offline maps.

Reads the 2023 county boundaries (us-atlas 2023 TopoJSON, or a Census cartographic boundary
shapefile when one is in the source folder), repairs them, keeps the 50 states, DC and Puerto Rico,
simplifies them as one coverage (neighbours keep sharing their edges, so no slivers open between
counties) and writes, under ``static_dir``:

- ``geo/counties.json``: national level of detail, coordinates rounded to 0.001 deg (about 100 m);
- ``geo/counties_detail.json``: finer, for state views (0.0001 deg);
- ``geo/states.json`` and ``geo/metros.json``: state outlines and the hub/heartland metros, both
  dissolved from the same simplified counties, so their edges lie exactly on county edges;
- ``usa_110m.json``: Plotly's base map, served locally (the browser never asks the internet), and
  the same file as ``world_110m.json`` for state views, which use Plotly's "world" scope.

Every file is GeoJSON with ``feature.id`` = 5-character FIPS (state files: 2 characters, metro
files: CBSA code) and ``properties.name`` = the display name used in hover labels.

Decisions worth knowing:

- Island areas (GU, MP, AS, VI) are dropped (see ``geo.states``). Puerto Rico is kept.
- Falls Church city, VA (51610) collapses to nothing in the 1:10m file: it keeps its row with
  ``drawable = False`` and is left out of the drawn files (one empty geometry blanks the whole
  Plotly map). Its ``lon``/``lat`` are then empty.
- Aleutians West (02016) crosses 180 deg. Each of its islands is a separate polygon lying wholly on
  one side of the antimeridian, so planar simplification is safe and Albers USA draws it in the
  Alaska inset; this module checks that no polygon spans the antimeridian.
- BEA's combined Virginia areas (51901-51958: an independent city merged with its county),
  Maui + Kalawao (15901) and the old Connecticut counties (09001-09015) used by BEA and QCEW are
  not drawn as such. The map always draws the 2023 counties and CT planning regions; the database
  gives every member county its combined area's value with a note, and CT planning regions
  ``not_available`` for those measures (docs/ARCHITECTURE.md).

Run standalone with ``python -m geo.prepare [--sources DIR] [--static DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from geo.states import DRAWN_STATE_FIPS, STATE_ABBR, metro_piece_id

TOPOJSON = Path("geometry") / "counties-10m.json"
BASE_MAP = Path("geometry") / "plotly-usa_110m.json"
OMB_LIST1 = Path("omb_cbsa_2023") / "list1_2023.xlsx"
ACS_NAMES = Path("census_acs5_2024") / "ACSDT5Y2024.B01003-Data.csv"

# Visvalingam-Whyatt tolerance (square root of the area, in degrees). 0.05 deg is under one pixel
# of a 1,000-px-wide national map; 0.01 keeps the shapes a state view needs.
NATIONAL_TOLERANCE = 0.05
DETAIL_TOLERANCE = 0.01
NATIONAL_DECIMALS = 3
DETAIL_DECIMALS = 4

# Equal-area projection valid everywhere the Atlas draws (Alaska, Hawaii, Puerto Rico included).
EQUAL_AREA_CRS = "EPSG:6933"


def read_counties(sources_dir: Path) -> gpd.GeoDataFrame:
    """Read 2023 county boundaries: a GeoDataFrame of fips, name, geometry in EPSG:4326."""
    shapefiles = sorted((sources_dir / "geometry").glob("cb_20*_us_county_*.shp"))
    if shapefiles:
        # Census cartographic boundary files: GEOID is the FIPS, NAMELSAD the full name.
        raw = gpd.read_file(shapefiles[-1]).to_crs("EPSG:4326")
        name_col = "NAMELSAD" if "NAMELSAD" in raw.columns else "NAME"
        gdf = gpd.GeoDataFrame(
            {"fips": raw["GEOID"].astype(str), "name": raw[name_col].astype(str)},
            geometry=raw.geometry.values,
            crs="EPSG:4326",
        )
    else:
        path = sources_dir / TOPOJSON
        if not path.exists():
            raise FileNotFoundError(f"county boundaries not found: {path}")
        raw = gpd.read_file(path, layer="counties")
        # GDAL's TopoJSON driver leaves the CRS empty; us-atlas coordinates are WGS84 lon/lat.
        gdf = gpd.GeoDataFrame(
            {"fips": raw["id"].astype(str).str.zfill(5), "name": raw["name"].astype(str)},
            geometry=raw.geometry.values,
            crs="EPSG:4326",
        )
    return gdf


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygon parts of a repaired geometry (a choropleth cannot draw lines)."""
    if geom is None or geom.is_empty:
        return shapely.Polygon()
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return shapely.Polygon()
    return shapely.union_all(parts)


def repair(geoms: Iterable[shapely.Geometry]) -> np.ndarray:
    """Make geometries valid without turning polygons into collections, dropping collapsed parts."""
    fixed = shapely.make_valid(np.asarray(list(geoms), dtype=object), method="structure",
                               keep_collapsed=False)  # fmt: skip
    return np.array([_polygonal(g) for g in fixed], dtype=object)


def check_antimeridian(geoms: np.ndarray) -> None:
    """Raise if any single polygon spans the antimeridian (it would smear across the map)."""
    for geom in geoms:
        for part in shapely.get_parts(geom):
            minx, _, maxx, _ = part.bounds
            if maxx - minx > 180:
                raise ValueError("a polygon spans the antimeridian; split it before preparing")


def simplify_coverage(geoms: np.ndarray, tolerance: float, decimals: int) -> np.ndarray:
    """Simplify polygons as one coverage (shared edges stay shared) and round coordinates."""
    out = np.array(geoms, dtype=object)
    drawn = ~shapely.is_empty(out)
    if tolerance > 0:
        out[drawn] = shapely.coverage_simplify(out[drawn], tolerance)
    # Rounding maps identical shared vertices to identical values, so the coverage stays closed.
    out = shapely.transform(out, lambda c: np.round(c, decimals))
    return d3_winding(out)


def d3_winding(geoms: np.ndarray | shapely.Geometry) -> np.ndarray | shapely.Geometry:
    """Orient exterior rings clockwise, as d3-geo (and so plotly.js geo maps) expects.

    This is the opposite of RFC 7946: with counter-clockwise rings d3 reads each polygon as the
    whole globe minus the county, and the last one drawn paints over the entire map.
    """
    return shapely.orient_polygons(geoms, exterior_cw=True)


def _acs_names(sources_dir: Path) -> dict[str, str]:
    """Full county names ("Richmond city, Virginia") from an ACS table, where it is present."""
    path = sources_dir / ACS_NAMES
    if not path.exists():
        return {}
    names: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            geo_id = row.get("GEO_ID", "")
            if geo_id.startswith("0500000US"):
                names[geo_id[-5:]] = row["NAME"]
    return names


def display_names(fips: pd.Series, short_names: pd.Series, sources_dir: Path) -> pd.Series:
    """Hover names such as "Richmond city, VA" (falls back to the short name and state)."""
    acs = _acs_names(sources_dir)
    out = []
    for code, short in zip(fips, short_names, strict=True):
        abbr = STATE_ABBR.get(code[:2], "")
        full = acs.get(code)
        base = full.rsplit(", ", 1)[0] if full else short
        out.append(f"{base}, {abbr}")
    return pd.Series(out, index=fips.index)


def _feature_collection(ids: Iterable[str], names: Iterable[str], geoms: Iterable) -> dict:
    """GeoJSON FeatureCollection of the non-empty geometries, feature.id = the code."""
    features = []
    for fid, name, geom in zip(ids, names, geoms, strict=True):
        if geom is None or geom.is_empty:
            continue
        features.append(
            {"type": "Feature", "id": fid, "properties": {"name": name}, "geometry": mapping(geom)}
        )
    return {"type": "FeatureCollection", "features": features}


def _write_json(obj: dict, path: Path) -> int:
    """Write compact JSON and return its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def dissolve(codes: pd.Series, geoms: np.ndarray, decimals: int) -> dict[str, shapely.Geometry]:
    """Union the geometries per code (their shared edges are identical, so outlines stay clean)."""
    out: dict[str, shapely.Geometry] = {}
    for code, idx in pd.Series(range(len(codes)), index=codes.values).groupby(level=0):
        parts = [g for g in geoms[idx.values] if not g.is_empty]
        if parts:
            # Snapping to the rounding grid keeps the union robust where rounding left
            # neighbours touching at slightly different vertices.
            out[str(code)] = d3_winding(shapely.union_all(parts, grid_size=10.0**-decimals))
    return out


def metro_names_from_omb(sources_dir: Path) -> dict[str, str]:
    """CBSA titles from the OMB 2023 delineation (empty if the file is absent)."""
    path = sources_dir / OMB_LIST1
    if not path.exists():
        return {}
    omb = pd.read_excel(path, skiprows=2, dtype=str, engine="openpyxl").dropna(
        subset=["CBSA Code", "FIPS County Code"]
    )
    return dict(zip(omb["CBSA Code"], omb["CBSA Title"], strict=True))


def metro_cbsa_from_omb(sources_dir: Path, cbsa_codes: Iterable[str]) -> dict[str, list[str]]:
    """Map each requested CBSA code to its county FIPS, read from OMB's 2023 list 1."""
    omb = pd.read_excel(sources_dir / OMB_LIST1, skiprows=2, dtype=str, engine="openpyxl")
    omb = omb.dropna(subset=["CBSA Code", "FIPS County Code"])
    omb["fips"] = omb["FIPS State Code"].str.zfill(2) + omb["FIPS County Code"].str.zfill(3)
    wanted = set(cbsa_codes)
    sub = omb[omb["CBSA Code"].isin(wanted)]
    return {code: sorted(group["fips"]) for code, group in sub.groupby("CBSA Code")}


def resolve_metros(
    metro_cbsa: dict[str, list[str]], county_fips: Iterable[str], sources_dir: Path
) -> dict[str, list[str]]:
    """Normalise to {cbsa_code: [county FIPS]}.

    Also accepts {group: [cbsa_code, ...]} (how the metro groups table is keyed): members that
    are CBSA codes, not counties, are looked up in OMB's 2023 list. County FIPS end in an odd
    digit and CBSA codes in 0, so the two cannot be confused.
    """
    counties = set(county_fips)
    out: dict[str, list[str]] = {}
    cbsa_codes: list[str] = []
    for key, members in metro_cbsa.items():
        members = [str(m) for m in members]
        if any(m in counties for m in members):
            out[str(key)] = members
        else:
            cbsa_codes.extend(members)
    if cbsa_codes:
        if not (sources_dir / OMB_LIST1).exists():
            raise FileNotFoundError(f"CBSA codes given but {sources_dir / OMB_LIST1} is missing")
        out.update(metro_cbsa_from_omb(sources_dir, cbsa_codes))
    return out


def prepare_geometry(
    sources_dir: Path, static_dir: Path, metro_cbsa: dict[str, list[str]]
) -> pd.DataFrame:
    """Write the prepared boundary files and return one row per county.

    ``metro_cbsa`` maps CBSA code -> member county FIPS (or group -> CBSA codes, see
    resolve_metros). Columns: fips, name, lon, lat (a point inside the county), drawable,
    area_km2.
    """
    sources_dir, static_dir = Path(sources_dir), Path(static_dir)
    gdf = read_counties(sources_dir)
    gdf = gdf[gdf["fips"].str[:2].isin(DRAWN_STATE_FIPS)].sort_values("fips")
    gdf = gdf.reset_index(drop=True)
    geoms = repair(gdf.geometry.values)
    check_antimeridian(geoms)

    national = simplify_coverage(geoms, NATIONAL_TOLERANCE, NATIONAL_DECIMALS)
    detail = simplify_coverage(geoms, DETAIL_TOLERANCE, DETAIL_DECIMALS)
    names = display_names(gdf["fips"], gdf["name"], sources_dir)

    geo_dir = static_dir / "geo"
    _write_json(_feature_collection(gdf["fips"], names, national), geo_dir / "counties.json")
    _write_json(_feature_collection(gdf["fips"], names, detail), geo_dir / "counties_detail.json")

    states = dissolve(gdf["fips"].str[:2], national, NATIONAL_DECIMALS)
    state_names = [STATE_ABBR[c] for c in states]
    _write_json(_feature_collection(states, state_names, states.values()), geo_dir / "states.json")

    metros = resolve_metros(metro_cbsa, gdf["fips"], sources_dir)
    write_metros(gdf["fips"], national, metros, metro_names_from_omb(sources_dir), geo_dir)

    base_map = sources_dir / BASE_MAP
    if base_map.exists():
        # plotly.js asks topojsonURL + "usa_110m.json" for scope="usa" (the nation) and
        # "world_110m.json" for state views; the US layers serve both, so nothing is fetched
        # from the CDN.
        shutil.copyfile(base_map, static_dir / "usa_110m.json")
        shutil.copyfile(base_map, static_dir / "world_110m.json")

    drawable = ~shapely.is_empty(national)
    # A point inside the county (not the centroid, which can fall outside a crescent or islands).
    points = shapely.point_on_surface(geoms)
    coords = np.full((len(points), 2), np.nan)
    has_point = ~shapely.is_empty(points)
    coords[has_point] = shapely.get_coordinates(points[has_point])
    lon, lat = coords[:, 0], coords[:, 1]
    area = gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area.to_numpy() / 1e6
    return pd.DataFrame(
        {
            "fips": gdf["fips"].astype(str),
            "name": gdf["name"].astype(str),
            "lon": np.round(lon, 5),
            "lat": np.round(lat, 5),
            "drawable": drawable,
            "area_km2": np.round(area, 2),
        }
    )


def write_metros(
    fips: pd.Series,
    geoms: np.ndarray,
    metro_cbsa: dict[str, list[str]],
    titles: dict[str, str],
    geo_dir: Path,
) -> int:
    """Dissolve the member counties of each metro and write metros.json; return its size.

    A metro that spans several states also gets one piece per state, id ``CBSA:ST`` (e.g.
    ``28140:KS``), so a state view outlines only the part inside the states it shows.
    """
    index = {code: i for i, code in enumerate(fips)}
    codes, members = [], []
    for cbsa, counties in metro_cbsa.items():
        present = [county for county in counties if county in index]
        split = len({county[:2] for county in present}) > 1
        for county in present:
            codes.append(cbsa)
            members.append(index[county])
            if split:
                codes.append(metro_piece_id(cbsa, STATE_ABBR[county[:2]]))
                members.append(index[county])
    metros = dissolve(pd.Series(codes, dtype=str), np.asarray(geoms)[members], NATIONAL_DECIMALS)
    names = [titles.get(code.split(":")[0], code) for code in metros]
    return _write_json(_feature_collection(metros, names, metros.values()), geo_dir / "metros.json")


# The PRODUCT brief's hub and heartland metros; used only when data/metro_groups.csv is absent.
DEFAULT_METROS = (
    "41940 41860 35620 14460 42660 31080 39580 20500 28140 17140 26900 19820 13820 42540 21500"
).split()


def _metro_codes(data_dir: Path) -> list[str]:
    """CBSA codes from the hand-kept metro groups table, or the brief's defaults."""
    path = data_dir / "metro_groups.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as f:
            return sorted({row["cbsa_code"].strip() for row in csv.DictReader(f)})
    return list(DEFAULT_METROS)


def main(argv: list[str] | None = None) -> None:
    """Command line: prepare the geometry into the static folder and print what was written."""
    import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=settings.sources_dir())
    parser.add_argument("--static", type=Path, default=settings.static_dir())
    args = parser.parse_args(argv)
    metros: dict[str, list[str]] = {}
    if (args.sources / OMB_LIST1).exists():
        metros = metro_cbsa_from_omb(args.sources, _metro_codes(settings.data_dir()))
    table = prepare_geometry(args.sources, args.static, metros)
    for path in sorted((args.static / "geo").glob("*.json")):
        print(f"{path}: {path.stat().st_size:,} bytes")
    undrawn = table.loc[~table["drawable"], "fips"].tolist()
    print(f"{len(table):,} counties, {len(metros)} metros; not drawable: {undrawn}")


if __name__ == "__main__":
    main()
