"""Lon/lat boxes of the prepared counties, so small-area maps frame whole counties.

A representative point says where a county is, not how far it reaches: Nye County, Nevada runs
about 2 deg of latitude from its point, so a frame built on points cuts it off. The boxes come
from the prepared state-view geometry (``static/geo/counties_detail.json``, written by
``geo.prepare``), so a frame matches exactly what the map draws.

Longitudes follow the map engine's state views (``geo.states.STATE_BBOX``): the Aleutian islands
east of 180 deg are written as west longitudes below -180 (172 E -> -188), so Aleutians West's box
runs from about -188 to -169 instead of spanning the whole globe, and the rotated Albers conic
draws it as one piece.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

# (west, south, east, north) in degrees.
Box = tuple[float, float, float, float]


def _polygons(geometry: Mapping) -> list[list]:
    """The polygons of a GeoJSON Polygon or MultiPolygon, each a list of rings."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"a county geometry must be a Polygon or MultiPolygon, got {kind!r}")


def geometry_box(geometry: Mapping) -> Box:
    """The lon/lat box of one GeoJSON (Multi)Polygon, islands east of 180 deg shifted west."""
    west, south, east, north = np.inf, np.inf, -np.inf, -np.inf
    for polygon in _polygons(geometry):
        # The exterior ring bounds the polygon; holes lie inside it.
        ring = np.asarray(polygon[0], dtype=float)
        x0, y0 = ring.min(axis=0)[:2]
        x1, y1 = ring.max(axis=0)[:2]
        # geo.prepare guarantees that no single polygon spans 180 deg, and the Atlas draws
        # nothing in the eastern hemisphere except the Aleutians beyond it.
        if x0 > 0:
            x0, x1 = x0 - 360, x1 - 360
        west, south, east, north = min(west, x0), min(south, y0), max(east, x1), max(north, y1)
    if not np.isfinite(west):
        raise ValueError("a county geometry has no polygon")
    return float(west), float(south), float(east), float(north)


def feature_boxes(collection: Mapping) -> dict[str, Box]:
    """Each feature's box by feature id (the FIPS) in a GeoJSON FeatureCollection."""
    boxes: dict[str, Box] = {}
    for feature in collection.get("features", []):
        geometry = feature.get("geometry")
        if not geometry:
            continue
        boxes[str(feature["id"])] = geometry_box(geometry)
    return boxes


def county_boxes(path: Path) -> dict[str, Box]:
    """Every drawn county's box from a prepared GeoJSON file; empty when the file is missing."""
    if not path.exists():
        return {}
    return feature_boxes(json.loads(path.read_text(encoding="utf-8")))


def union_box(boxes: Iterable[Box]) -> Box:
    """The smallest box holding every given box."""
    items = list(boxes)
    if not items:
        raise ValueError("union_box needs at least one box")
    return (
        min(b[0] for b in items),
        min(b[1] for b in items),
        max(b[2] for b in items),
        max(b[3] for b in items),
    )


def area_box(
    fips: Iterable[str],
    lon: Iterable[float],
    lat: Iterable[float],
    boxes: Mapping[str, Box],
) -> Box | None:
    """The box of an area's counties: each county's own box, or its point where it has none.

    A county without a box (geometry not built, or too small to draw) still counts by its
    representative point, so the frame never loses a county the map lists. None when no county
    has either (Falls Church alone has no point).
    """
    parts: list[Box] = []
    for code, x, y in zip(fips, lon, lat, strict=True):
        box = boxes.get(str(code))
        if box is not None:
            parts.append(box)
        elif x is not None and y is not None and np.isfinite(x) and np.isfinite(y):
            x = float(x) - 360 if x > 0 else float(x)
            parts.append((x, float(y), x, float(y)))
    return union_box(parts) if parts else None


def padded(box: Box, margin: float = 0.06, min_pad: float = 0.05) -> Box:
    """The box grown by `margin` of its width and height on each side (at least `min_pad` deg)."""
    west, south, east, north = box
    pad_lon = max((east - west) * margin, min_pad)
    pad_lat = max((north - south) * margin, min_pad)
    return west - pad_lon, south - pad_lat, east + pad_lon, north + pad_lat
