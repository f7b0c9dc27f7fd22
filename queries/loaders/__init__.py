"""The build's steps, one module per source, in the order they must run."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from queries.loaders.acs import load_acs
from queries.loaders.bea import load_bea
from queries.loaders.context import BuildContext
from queries.loaders.derive import derive, load_metrics
from queries.loaders.ers import load_ers
from queries.loaders.geometry import load_geometry_points
from queries.loaders.ipeds import load_ipeds
from queries.loaders.laus import load_laus
from queries.loaders.metro_groups import load_metro_groups
from queries.loaders.places import load_places
from queries.loaders.qcew import load_qcew
from queries.loaders.techhire import load_techhire

Step = Callable[[duckdb.DuckDBPyConnection, BuildContext], int]

# Places need the geometry points, ACS names and ERS states; BEA's combined areas and TechHire
# need the counties; the catalogue and derived measures need every loader's figures.
STEPS: tuple[tuple[str, Step], ...] = (
    ("county points (us-atlas 2023)", load_geometry_points),
    ("ACS 2020-2024 5-year", load_acs),
    ("USDA ERS county files", load_ers),
    ("OMB 2023 CBSAs and counties", load_places),
    ("metro groups", load_metro_groups),
    ("BEA CAEMP25N", load_bea),
    ("BLS QCEW", load_qcew),
    ("BLS LAUS 2024", load_laus),
    ("IPEDS HD2024", load_ipeds),
    ("TechHire communities", load_techhire),
    ("metric catalogue", load_metrics),
    ("derived measures and county values", derive),
)
