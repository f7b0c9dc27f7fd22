"""Step: a point inside each 2023 county, from the us-atlas TopoJSON."""

from __future__ import annotations

import duckdb

from queries import sources as src
from queries.loaders.context import BuildContext
from queries.points import county_points


def load_geometry_points(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """Representative points and drawability of every county in the 2023 TopoJSON."""
    path = src.require_file(ctx.path("geometry/counties-10m.json"))
    points = county_points(path)
    con.register("geo_points", points)
    ctx.record(
        "geometry",
        "Census Bureau (us-atlas 2023)",
        "cartographic boundaries 1:10m",
        "2023",
        path,
        len(points),
        len(points),
        0,
    )
    return len(points)
