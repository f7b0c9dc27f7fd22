"""Step: BEA CAEMP25N county jobs, the US line, and BEA's combined areas."""

from __future__ import annotations

import re

import duckdb

from queries import sources as src
from queries.errors import BuildError
from queries.loaders.context import BuildContext
from queries.loaders.sql import check_duplicates, one, run_sql

# The 50 states and DC: one BEA CAEMP25N file each.
BEA_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()


def load_bea(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """BEA CAEMP25N: 51 state files for counties, the US file for national lines."""
    folder = ctx.path("bea_caemp25n")
    files = [src.require_file(folder / f"CAEMP25N_{st}_2001_2022.csv.gz") for st in BEA_STATES]
    us_file = src.require_file(folder / "CAEMP25N_US_2001_2022.csv.gz")
    for path in [*files, us_file]:
        cols = src.csv_columns(con, path, encoding="latin-1")
        src.require_columns(path, cols, ["GeoFIPS", "GeoName", "LineCode", "2001", "2010", "2022"])
    run_sql(
        con,
        "bea",
        f"BEA CAEMP25N files in {folder}",
        state_files=[str(p) for p in files],
        us_file=str(us_file),
    )
    bad = one(
        con,
        "select file_name, area_fips, line_code, year_text, raw from bea_long"
        " where raw is null or not (regexp_full_match(trim(raw), '-?[0-9]+')"
        " or trim(raw) in ('(D)', '(L)', '(T)', '(NA)', '(NM)')) limit 1",
    )
    if bad:
        raise BuildError(
            f"{folder / bad[0]}: GeoFIPS {bad[1]} line {bad[2]} year {bad[3]} holds {bad[4]!r},"
            " expected a number, (D) or (NA)"
        )
    check_duplicates(con, "bea", f"BEA CAEMP25N files in {folder}")
    per_file = con.execute(
        "select r.file_name, r.n, coalesce(l.n, 0), coalesce(l.d, 0) from"
        " (select file_name, count(*) n from bea_raw where line_code is not null group by 1) r"
        " left join (select file_name, count(*) n, count(*) filter (where trim(raw) = '(D)') d"
        "  from bea_long where area_fips not like '__000' group by 1) l using (file_name)"
    ).fetchall()
    for name, read, loaded, suppressed in per_file:
        ctx.record(
            "bea",
            "U.S. Bureau of Economic Analysis",
            "CAEMP25N",
            "2001–2022 (Nov 2023)",
            folder / name,
            read,
            loaded,
            suppressed,
        )
    us_rows = one(con, "select count(*) from bea_us_raw where line_code is not null")[0]
    ctx.record(
        "bea_us",
        "U.S. Bureau of Economic Analysis",
        "CAEMP25N (US and states)",
        "2001–2022 (Nov 2023)",
        us_file,
        us_rows,
        one(con, "select count(*) from bea_us_long where area_fips = '00000'")[0],
        0,
    )
    _add_bea_combined_areas(con)
    return sum(r[1] for r in per_file)


def _bea_members(area_name: str) -> list[str]:
    """County names inside a BEA combination area, e.g. 'Augusta, Staunton + Waynesboro, VA*'."""
    body = re.sub(r", [A-Z]{2}\*?$", "", area_name.strip())
    parts = [p.strip() for p in re.split(r", | \+ ", body) if p.strip()]
    if area_name.strip().endswith(("HI*", "HI")):
        return [f"{p} County" for p in parts]  # Maui + Kalawao: both are counties
    # Virginia: the first name is a county, the others independent cities ("Fairfax City").
    return [f"{parts[0]} County"] + [re.sub(r" City$", "", p) + " city" for p in parts[1:]]


def _add_bea_combined_areas(con: duckdb.DuckDBPyConnection) -> None:
    areas = con.execute(
        "select distinct area_fips, area_name from bea_raw"
        " where area_name like '%+%' and area_fips not like '__000' order by 1"
    ).fetchall()
    for area_fips, area_name in areas:
        for member in _bea_members(area_name):
            hit = one(
                con,
                "select fips from counties where state_fips = $st and name = $n",
                {"st": area_fips[:2], "n": member},
            )
            if hit is None:
                raise BuildError(
                    f"BEA CAEMP25N: combined area {area_fips} {area_name!r}:"
                    f" no 2023 county named {member!r}"
                )
            con.execute(
                "insert into source_areas values ('bea', $a, $an, $c, $r)",
                {
                    "a": area_fips,
                    "an": area_name.rstrip("*"),
                    "c": hit[0],
                    "r": f"BEA combines {area_name.rstrip('*')} into area {area_fips};"
                    " each member county shows the area's figure",
                },
            )
