"""Step: TechHire communities matched to 2023 counties."""

from __future__ import annotations

import duckdb

from queries import sources as src
from queries.errors import BuildError
from queries.loaders.context import BuildContext
from queries.loaders.sql import one, register_xlsx, run_sql


def load_techhire(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """TechHire communities matched to counties (OMB principal cities, hand-kept rules)."""
    path = src.require_file(ctx.path("techhire/techhire_communities.csv"))
    rules = ctx.data_dir / "techhire_matches.csv"
    if not rules.is_file():
        raise BuildError(f"{rules}: file is missing")
    list2 = ctx.path("omb_cbsa_2023/list2_2023.xlsx")
    register_xlsx(
        con, "xl_list2", list2, 1, ["CBSA Code", "Principal City Name", "FIPS State Code"]
    )
    src.require_columns(
        path,
        src.csv_columns(con, path),
        ["community_name", "state", "geography_type", "announcement_wave"],
    )
    run_sql(con, "techhire", str(path), path=str(path), rules_path=str(rules))
    wrong = one(
        con,
        "select r.community_name, r.fips, r.county_name, c.name from th_rules r"
        " left join counties c on c.fips = r.fips"
        " where c.name is distinct from r.county_name limit 1",
    )
    if wrong:
        raise BuildError(f"{rules}: {wrong[0]}: FIPS {wrong[1]} is {wrong[3]!r}, not {wrong[2]!r}")
    unmatched = one(
        con,
        "select community_name, state, geography_type from th_raw t where not exists"
        " (select 1 from techhire_communities m where m.community_name = t.community_name"
        " and m.state_abbr = t.state) limit 1",
    )
    if unmatched:
        raise BuildError(
            f"{path}: {unmatched[0]} ({unmatched[1]}, {unmatched[2]}) matches no county;"
            f" add a rule to {rules}"
        )
    read = one(con, "select count(*) from th_raw")[0]
    loaded = one(con, "select count(*) from techhire_communities")[0]
    ctx.record(
        "techhire",
        "TechHire (composed from public pages)",
        "TechHire communities",
        "2015–2016",
        path,
        read,
        loaded,
        0,
    )
    ctx.record(
        "omb_list2",
        "OMB / U.S. Census Bureau",
        "CBSA principal cities list 2",
        "July 2023",
        list2,
        one(con, "select count(*) from xl_list2")[0],
        0,
        0,
    )
    return loaded
