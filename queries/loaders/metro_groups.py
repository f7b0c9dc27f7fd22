"""Step: the hand-kept hub and heartland metro groups, checked against OMB list 1."""

from __future__ import annotations

import csv

import duckdb

from queries.errors import BuildError
from queries.loaders.context import BuildContext
from queries.loaders.sql import one


def load_metro_groups(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """data/metro_groups.csv, each CBSA code checked against OMB list 1."""
    path = ctx.data_dir / "metro_groups.csv"
    if not path.is_file():
        raise BuildError(f"{path}: file is missing")
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    need = {"group_id", "group_label", "cbsa_code", "metro_label"}
    for lineno, row in enumerate(rows, start=2):
        if not need <= row.keys() or any(not (row.get(k) or "").strip() for k in need):
            raise BuildError(f"{path} line {lineno}: needs {', '.join(sorted(need))}")
        code = row["cbsa_code"].strip()
        title = one(con, "select cbsa_title from cbsas where cbsa_code = $c", {"c": code})
        if title is None:
            raise BuildError(
                f"{path} line {lineno}: CBSA code {code!r} ({row['metro_label']})"
                " is not in OMB 2023 list 1"
            )
        con.execute(
            "insert into metro_groups values ($g, $gl, $c, $ml, $t)",
            {
                "g": row["group_id"].strip(),
                "gl": row["group_label"].strip(),
                "c": code,
                "ml": row["metro_label"].strip(),
                "t": title[0],
            },
        )
    return len(rows)
