"""Reading the official source files: presence and form checks, and their SHA-256."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
from python_calamine import CalamineError

from queries.errors import BuildError


def require_file(path: Path) -> Path:
    """Return `path` if it is a non-empty file, else raise a BuildError naming it."""
    if not path.is_file():
        raise BuildError(f"{path}: source file is missing")
    if path.stat().st_size == 0:
        raise BuildError(f"{path}: source file is empty")
    return path


def sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, as published (the .gz bytes for gzipped files)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def first_line(error: BaseException) -> str:
    """The first non-blank line of an error message, for a one-line build error."""
    lines = [ln.strip() for ln in str(error).splitlines() if ln.strip()]
    return lines[0] if lines else type(error).__name__


def csv_columns(con: duckdb.DuckDBPyConnection, path: Path, **options: object) -> list[str]:
    """Column names of a CSV (gzipped or not), raising a BuildError if DuckDB cannot read it."""
    try:
        rel = con.execute(
            "select * from read_csv($path, all_varchar = true, header = true,"
            " null_padding = true, encoding = $encoding) limit 0",
            {"path": str(path), "encoding": options.get("encoding", "utf-8")},
        )
        return [d[0] for d in rel.description]
    except duckdb.Error as exc:
        raise BuildError(f"{path}: cannot be read as CSV: {first_line(exc)}") from None


def require_columns(path: Path, columns: list[str], required: list[str]) -> None:
    """Raise a BuildError naming the file and the first required column it lacks."""
    missing = [c for c in required if c not in columns]
    if missing:
        raise BuildError(f"{path}: missing column(s) {', '.join(missing)}")


def require_pattern(path: Path, columns: list[str], pattern: str, what: str) -> None:
    """Raise a BuildError if no column matches `pattern` (e.g. the year columns)."""
    if not any(re.fullmatch(pattern, c) for c in columns):
        raise BuildError(f"{path}: no {what} columns (expected names matching {pattern})")


def read_xlsx(path: Path, skiprows: int, required: list[str], sheet: str | int = 0) -> pd.DataFrame:
    """Read one sheet of an .xlsx as text, checking the header row holds `required` columns."""
    require_file(path)
    try:
        # calamine reads the ERS workbooks several times faster than openpyxl, with the same text.
        frame = pd.read_excel(
            path, sheet_name=sheet, skiprows=skiprows, dtype=str, engine="calamine"
        )
    except (ValueError, KeyError, OSError, zipfile.BadZipFile, CalamineError) as exc:
        raise BuildError(f"{path}: cannot be read as a spreadsheet: {first_line(exc)}") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    require_columns(path, list(frame.columns), required)
    return frame[required]
