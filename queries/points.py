"""A point inside each 2023 county, and whether its boundary survives repair."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from pyogrio.errors import DataSourceError

from queries.errors import BuildError


def county_points(topojson_path: Path) -> pd.DataFrame:
    """fips, geo_name, lon, lat, drawable for every county in the us-atlas 2023 TopoJSON."""
    try:
        frame = gpd.read_file(topojson_path, layer="counties")
    except (DataSourceError, ValueError, OSError) as exc:
        raise BuildError(f"{topojson_path}: cannot read the counties layer: {exc}") from None
    if "id" not in frame.columns:
        raise BuildError(f"{topojson_path}: counties have no 'id' (FIPS) property")
    # Quantization leaves some rings invalid; "structure" repair keeps polygons polygons, and a
    # county that collapses to nothing (Falls Church city, 51610) cannot be drawn.
    repaired = shapely.make_valid(frame.geometry.values, method="structure", keep_collapsed=False)
    geoms = gpd.GeoSeries(repaired, index=frame.index)
    drawable = ~(geoms.is_empty | geoms.isna())
    # The original geometry still gives a point for counties that cannot be drawn.
    source = geoms.where(drawable, frame.geometry)
    points = source.representative_point()
    return pd.DataFrame(
        {
            "fips": frame["id"].astype(str).str.zfill(5),
            "geo_name": frame.get("name"),
            "lon": points.x.round(5),
            "lat": points.y.round(5),
            "drawable": drawable.astype(bool),
        }
    )
