"""Helpers the loaders share: run a build SQL file, read one row, check the staging table."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from queries import sources as src
from queries.errors import BuildError

BUILD_SQL = Path(__file__).resolve().parents[1] / "build"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


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


def one(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> tuple | None:
    """The first row of a query, or None."""
    # fetchall: DuckDB refuses new work on a connection with a half-read result.
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else None


def check_duplicates(con: duckdb.DuckDBPyConnection, source_id: str, where: str) -> None:
    """Raise a BuildError naming `where` if a source staged one figure twice."""
    dup = one(
        con,
        "select area_fips, metric_id, year, count(*) from stage_values where source_id = $s"
        " group by all having count(*) > 1 limit 1",
        {"s": source_id},
    )
    if dup:
        raise BuildError(
            f"{where}: FIPS {dup[0]} appears {dup[3]} times for {dup[1]} {dup[2]} (expected once)"
        )


def stage_counts(con: duckdb.DuckDBPyConnection, source_id: str) -> tuple[int, int]:
    """Figures a source staged, and how many of them are suppressed."""
    return one(
        con,
        "select count(*), count(*) filter (where status = 'suppressed') from stage_values"
        " where source_id = $s",
        {"s": source_id},
    )


def register_xlsx(
    con: duckdb.DuckDBPyConnection,
    name: str,
    path: Path,
    skiprows: int,
    required: list[str],
    sheet: str | int = 0,
) -> int:
    """Register one checked .xlsx sheet as view `name`; return its row count."""
    frame = src.read_xlsx(path, skiprows, required, sheet)
    con.register(name, frame)
    return len(frame)
