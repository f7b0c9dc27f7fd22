"""Build data/atlas.duckdb from the official source files: load, derive, validate, then swap in."""

from __future__ import annotations

import csv
import importlib
import inspect
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from queries import sources as src
from queries.errors import BuildError
from queries.points import county_points
from queries.validate import validate

BUILD_SQL = Path(__file__).resolve().parent / "build"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

# The 50 states and DC: one BEA CAEMP25N file each.
BEA_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
ACS_TABLES = ("B15003", "B01003", "B19013", "B23025", "B17001")


@dataclass
class BuildContext:
    """What a build reads, and what it has learnt so far."""

    sources_dir: Path
    data_dir: Path
    log: Callable[[str], None]
    provenance: list[dict[str, object]] = field(default_factory=list)
    qcew_loaded: bool = False

    def path(self, relative: str) -> Path:
        """A source file's path under the sources folder."""
        return self.sources_dir / relative

    def record(
        self,
        source_id: str,
        agency: str,
        table: str,
        vintage: str,
        path: Path,
        read: int,
        loaded: int,
        suppressed: int,
    ) -> None:
        """Add one provenance row for a loaded file."""
        self.provenance.append(
            dict(
                source_id=source_id,
                agency=agency,
                table_name=table,
                vintage=vintage,
                file_name=str(path.relative_to(self.sources_dir)),
                sha256=src.sha256(path),
                rows_read=read,
                rows_loaded=loaded,
                rows_suppressed=suppressed,
            )
        )


def run_sql(con: duckdb.DuckDBPyConnection, name: str, where: str, **params: object) -> None:
    """Run queries/build/<name>.sql statement by statement; a DuckDB error names `where`."""
    text = (BUILD_SQL / f"{name}.sql").read_text(encoding="utf-8")
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("--"))
    # Statements end at ";" + newline; SQL strings here never contain that.
    for statement in (s.strip() for s in re.split(r";\s*\n", body + "\n")):
        if not statement:
            continue
        wanted = {p: params[p] for p in _PARAM.findall(statement)}
        try:
            con.execute(statement, wanted or None)
        except duckdb.Error as exc:
            raise BuildError(f"{where}: {src.first_line(exc)}") from None


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> tuple | None:
    # fetchall: DuckDB refuses new work on a connection with a half-read result.
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else None


def _check_duplicates(con: duckdb.DuckDBPyConnection, source_id: str, where: str) -> None:
    dup = _one(
        con,
        "select area_fips, metric_id, year, count(*) from stage_values where source_id = $s"
        " group by all having count(*) > 1 limit 1",
        {"s": source_id},
    )
    if dup:
        raise BuildError(
            f"{where}: FIPS {dup[0]} appears {dup[3]} times for {dup[1]} {dup[2]} (expected once)"
        )


def _stage_counts(con: duckdb.DuckDBPyConnection, source_id: str) -> tuple[int, int]:
    return _one(
        con,
        "select count(*), count(*) filter (where status = 'suppressed') from stage_values"
        " where source_id = $s",
        {"s": source_id},
    )


def _register_xlsx(
    con, name: str, path: Path, skiprows: int, required: list[str], sheet: str | int = 0
) -> int:
    frame = src.read_xlsx(path, skiprows, required, sheet)
    con.register(name, frame)
    return len(frame)


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


def load_acs(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """ACS 2020-2024 5-year county tables."""
    paths = {}
    for table in ACS_TABLES:
        path = src.require_file(ctx.path(f"census_acs5_2024/ACSDT5Y2024.{table}-Data.csv"))
        cols = src.csv_columns(con, path)
        src.require_columns(path, cols, ["GEO_ID", "NAME"])
        src.require_pattern(path, cols, rf"{table}_0\d\dE", "estimate")
        paths[table.lower()] = str(path)
    run_sql(con, "acs", "ACS files in census_acs5_2024/", **paths)
    dup = _one(
        con,
        "select tbl, fips, count(*) from acs_cells where kind = 'E'"
        " group by tbl, fips, variable having count(*) > 1 limit 1",
    )
    if dup:
        raise BuildError(
            f"{paths[dup[0].lower()]}: FIPS {dup[1]} appears {dup[2]} times (expected once)"
        )
    for table in ACS_TABLES:
        read, loaded, missing = _one(
            con,
            "select count(distinct fips), count(*) filter (where kind = 'E'),"
            " count(*) filter (where kind = 'E' and num is null) from acs_cells where tbl = $t",
            {"t": table},
        )
        if read < 3000:
            raise BuildError(
                f"{paths[table.lower()]}: only {read} county rows (expected about 3,222)"
            )
        ctx.record(
            "acs",
            "U.S. Census Bureau",
            f"ACS 5-year {table}",
            "2020–2024",
            Path(paths[table.lower()]),
            read,
            loaded,
            missing,
        )
    return _stage_counts(con, "acs")[0]


ERS_FILES = {
    "xl_education": (
        "usda_ers/Education2023.xlsx",
        3,
        "ers_education",
        "Education",
        [
            "FIPS Code",
            "Area name",
            "Some college or associate degree, 2019-23",
            "Percent of adults completing some college or associate degree, 2019-23",
        ],
    ),
    "xl_unemployment": (
        "usda_ers/Unemployment2023.xlsx",
        4,
        "ers_unemployment",
        "Unemployment and median household income",
        [
            "FIPS_Code",
            "Area_Name",
            "Civilian_labor_force_2023",
            "Unemployed_2023",
            "Unemployment_rate_2023",
            "Median_Household_Income_2022",
        ],
    ),
    "xl_population": (
        "usda_ers/PopulationEstimates.xlsx",
        4,
        "ers_population",
        "Population estimates",
        ["FIPStxt", "State", "Area_Name", "Rural_Urban_Continuum_Code_2023", "POP_ESTIMATE_2023"],
    ),
    "xl_poverty": (
        "usda_ers/Poverty2023.xlsx",
        4,
        "ers_poverty",
        "Poverty (SAIPE)",
        ["FIPS_Code", "Area_Name", "POVALL_2023", "PCTPOVALL_2023"],
    ),
}


def load_ers(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """USDA ERS county files: education, unemployment and income, population and RUCC, poverty."""
    reads = {}
    for view, (rel, skip, _sid, _t, required) in ERS_FILES.items():
        reads[view] = _register_xlsx(con, view, ctx.path(rel), skip, required)
    run_sql(con, "ers", "USDA ERS files in usda_ers/")
    for view, (rel, _skip, sid, table, _req) in ERS_FILES.items():
        _check_duplicates(con, sid, rel)
        loaded, _ = _stage_counts(con, sid)
        missing = _one(
            con,
            "select count(*) from stage_values where source_id = $s and status <> 'ok'",
            {"s": sid},
        )[0]
        ctx.record(
            sid,
            "USDA Economic Research Service",
            table,
            "2023 (data as of 2024–25)",
            ctx.path(rel),
            reads[view],
            loaded,
            missing,
        )
    return sum(reads.values())


def load_places(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """States, OMB 2023 CBSAs and the 2023 county set."""
    path = ctx.path("omb_cbsa_2023/list1_2023.xlsx")
    required = [
        "CBSA Code",
        "CSA Code",
        "CBSA Title",
        "Metropolitan/Micropolitan Statistical Area",
        "CSA Title",
        "County/County Equivalent",
        "State Name",
        "FIPS State Code",
        "FIPS County Code",
        "Central/Outlying County",
    ]
    read = _register_xlsx(con, "xl_list1", path, 2, required)
    run_sql(con, "places", str(path))
    n_cbsa = _one(con, "select count(*) from cbsas")[0]
    ctx.record(
        "omb_list1",
        "OMB / U.S. Census Bureau",
        "CBSA delineation list 1",
        "July 2023",
        path,
        read,
        n_cbsa,
        0,
    )
    return _one(con, "select count(*) from counties")[0]


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
        title = _one(con, "select cbsa_title from cbsas where cbsa_code = $c", {"c": code})
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
    bad = _one(
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
    _check_duplicates(con, "bea", f"BEA CAEMP25N files in {folder}")
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
    us_rows = _one(con, "select count(*) from bea_us_raw where line_code is not null")[0]
    ctx.record(
        "bea_us",
        "U.S. Bureau of Economic Analysis",
        "CAEMP25N (US and states)",
        "2001–2022 (Nov 2023)",
        us_file,
        us_rows,
        _one(con, "select count(*) from bea_us_long where area_fips = '00000'")[0],
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
            hit = _one(
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


def load_qcew(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """BLS QCEW private tech extract (optional: the build says when it is absent)."""
    path = ctx.path("bls_qcew/qcew_tech_industries_2015_2023.csv.gz")
    if not path.exists():
        ctx.log(f"  QCEW file {path} not present: building without QCEW tech-job measures")
        return 0
    src.require_file(path)
    cols = src.csv_columns(con, path)
    src.require_columns(
        path,
        cols,
        [
            "area_fips",
            "own_code",
            "industry_code",
            "agglvl_code",
            "year",
            "disclosure_code",
            "annual_avg_estabs",
            "annual_avg_emplvl",
            "total_annual_wages",
            "avg_annual_pay",
        ],
    )
    run_sql(con, "qcew", str(path), path=str(path))
    bad = _one(
        con,
        "select area_fips, industry_code, year from qcew_raw"
        " where year is null or (emplvl is null and disclosure_code is distinct from 'N') limit 1",
    )
    if bad:
        raise BuildError(
            f"{path}: area {bad[0]} industry {bad[1]} year {bad[2]} has no employment figure"
        )
    _check_duplicates(con, "qcew", str(path))
    read = _one(con, "select count(*) from qcew_raw")[0]
    loaded, suppressed = _stage_counts(con, "qcew")
    ctx.record(
        "qcew",
        "U.S. Bureau of Labor Statistics",
        "QCEW annual averages (private; 10, 51, 5415)",
        "2015–2023",
        path,
        read,
        loaded,
        suppressed,
    )
    ctx.qcew_loaded = True
    return read


def load_laus(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """BLS LAUS county annual averages 2024."""
    path = ctx.path("bls_laus/laucnty24.xlsx")
    required = [
        "LAUS Code",
        "State FIPS Code",
        "County FIPS Code",
        "County Name/State Abbreviation",
        "Year",
        "Labor Force",
        "Unemployed",
        "Unemployment Rate (%)",
    ]
    read = _register_xlsx(con, "xl_laus", path, 1, required)
    run_sql(con, "laus", str(path))
    _check_duplicates(con, "laus", str(path))
    loaded, _ = _stage_counts(con, "laus")
    ctx.record(
        "laus",
        "U.S. Bureau of Labor Statistics",
        "LAUS county annual averages",
        "2024",
        path,
        read,
        loaded,
        0,
    )
    return read


def load_ipeds(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """IPEDS HD2024 institutions, with labels from the HD2024 dictionary."""
    path = src.require_file(ctx.path("ipeds/hd2024.csv"))
    dict_path = ctx.path("ipeds/hd_dict_2024.xlsx")
    cols = src.csv_columns(con, path)
    src.require_columns(
        path,
        cols,
        [
            "UNITID",
            "INSTNM",
            "CITY",
            "STABBR",
            "SECTOR",
            "ICLEVEL",
            "CONTROL",
            "HLOFFER",
            "CYACTIVE",
            "CBSA",
            "COUNTYCD",
            "LONGITUD",
            "LATITUDE",
            "WEBADDR",
        ],
    )
    _register_xlsx(
        con, "xl_freq", dict_path, 0, ["VarName", "CodeValue", "valuelabel"], sheet="Frequencies"
    )
    run_sql(con, "ipeds", str(path), path=str(path))
    read = _one(con, "select count(*) from ipeds_raw")[0]
    loaded = _one(con, "select count(*) from institutions")[0]
    ctx.record(
        "ipeds",
        "NCES IPEDS",
        "HD2024 institutional characteristics",
        "2024–25",
        path,
        read,
        loaded,
        0,
    )
    ctx.record(
        "ipeds_dict",
        "NCES IPEDS",
        "HD2024 dictionary (Frequencies)",
        "2024–25",
        dict_path,
        _one(con, "select count(*) from xl_freq")[0],
        0,
        0,
    )
    return loaded


def load_techhire(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """TechHire communities matched to counties (OMB principal cities, hand-kept rules)."""
    path = src.require_file(ctx.path("techhire/techhire_communities.csv"))
    rules = ctx.data_dir / "techhire_matches.csv"
    if not rules.is_file():
        raise BuildError(f"{rules}: file is missing")
    list2 = ctx.path("omb_cbsa_2023/list2_2023.xlsx")
    _register_xlsx(
        con, "xl_list2", list2, 1, ["CBSA Code", "Principal City Name", "FIPS State Code"]
    )
    src.require_columns(
        path,
        src.csv_columns(con, path),
        ["community_name", "state", "geography_type", "announcement_wave"],
    )
    run_sql(con, "techhire", str(path), path=str(path), rules_path=str(rules))
    wrong = _one(
        con,
        "select r.community_name, r.fips, r.county_name, c.name from th_rules r"
        " left join counties c on c.fips = r.fips"
        " where c.name is distinct from r.county_name limit 1",
    )
    if wrong:
        raise BuildError(f"{rules}: {wrong[0]}: FIPS {wrong[1]} is {wrong[3]!r}, not {wrong[2]!r}")
    unmatched = _one(
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
    read = _one(con, "select count(*) from th_raw")[0]
    loaded = _one(con, "select count(*) from techhire_communities")[0]
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
        _one(con, "select count(*) from xl_list2")[0],
        0,
        0,
    )
    return loaded


def load_metrics(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """The metric catalogue from queries/build/metrics.csv."""
    con.execute(
        "insert into metrics select * from read_csv($p, header = true, all_varchar = false,"
        " types = {'metric_id': 'varchar', 'numerator_id': 'varchar',"
        " 'denominator_id': 'varchar'})",
        {"p": str(BUILD_SQL / "metrics.csv")},
    )
    return _one(con, "select count(*) from metrics")[0]


def derive(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """Derived measures (queries/build/derived_metrics.sql), then values placed on counties."""
    run_sql(con, "derived_metrics", "queries/build/derived_metrics.sql")
    run_sql(con, "finalize", "queries/build/finalize.sql")
    return _one(con, "select count(*) from county_values")[0]


STEPS: tuple[tuple[str, Callable[[duckdb.DuckDBPyConnection, BuildContext], int]], ...] = (
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


def _write_provenance(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> None:
    con.register("provenance_rows", pd.DataFrame(ctx.provenance))
    con.execute(
        "insert into provenance select source_id, agency, table_name, vintage, file_name, sha256,"
        " rows_read, rows_loaded, rows_suppressed from provenance_rows"
    )
    con.unregister("provenance_rows")


def _prepare_geometry(ctx: BuildContext, static_dir: Path | None, db_file: Path) -> None:
    """Call the map engine's boundary preparation when geo.prepare exists."""
    if static_dir is None:
        return
    try:
        module = importlib.import_module("geo.prepare")
    except ModuleNotFoundError:
        ctx.log("  geo.prepare not found: static geometry not written")
        return
    prepare = module.prepare_geometry
    params = inspect.signature(prepare).parameters
    con = duckdb.connect(str(db_file), read_only=True)
    try:
        groups: dict[str, list[str]] = {}
        for gid, code in con.execute("select group_id, cbsa_code from metro_groups").fetchall():
            groups.setdefault(gid, []).append(code)
    finally:
        con.close()
    kwargs: dict[str, object] = {}
    for name in params:
        if name.startswith("metro_cbsa"):
            kwargs[name] = groups
    if "db_path" in params:
        kwargs["db_path"] = db_file
    prepare(ctx.sources_dir, static_dir, **kwargs)


def build(
    sources_dir: Path,
    db_path: Path,
    static_dir: Path | None = None,
    data_dir: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Build the database into a temp file, validate it, and only then replace `db_path`."""
    from settings import data_dir as default_data_dir

    started = time.perf_counter()
    sources_dir = Path(sources_dir).resolve()
    db_path = Path(db_path).resolve()
    if not sources_dir.is_dir():
        raise BuildError(f"{sources_dir}: sources folder does not exist")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.building")
    ctx = BuildContext(sources_dir, Path(data_dir or default_data_dir()), log)
    try:
        con = duckdb.connect(str(tmp))
        try:
            run_sql(con, "schema", "queries/build/schema.sql")
            for label, step in STEPS:
                t0 = time.perf_counter()
                rows = step(con, ctx)
                log(f"{label:<38} {rows:>9,} rows {time.perf_counter() - t0:6.1f} s")
            _write_provenance(con, ctx)
            t0 = time.perf_counter()
            validate(con, qcew_loaded=ctx.qcew_loaded)
            log(f"{'validation':<38} {'passed':>14} {time.perf_counter() - t0:6.1f} s")
            con.execute("checkpoint")
        finally:
            con.close()
        t0 = time.perf_counter()
        _prepare_geometry(ctx, static_dir, tmp)
        if static_dir is not None:
            log(f"{'geometry':<38} {'':>14} {time.perf_counter() - t0:6.1f} s")
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    log(
        f"built {db_path} ({db_path.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s"
        f"{'' if ctx.qcew_loaded else ' without QCEW'}"
    )
    return {"seconds": seconds, "bytes": db_path.stat().st_size}
