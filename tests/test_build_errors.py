"""Broken or inconsistent source files: a one-line error naming the file, and the previous
database left untouched with no temp file behind.

A broken file that one step reads is checked by running that step alone on a folder holding only
its source files; whole builds are kept for what needs them (the swap, validation, no QCEW)."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import settings
from queries.builder import build
from queries.errors import BuildError
from queries.loaders import Step
from queries.loaders.bea import load_bea
from queries.loaders.context import BuildContext
from queries.loaders.ipeds import load_ipeds
from queries.loaders.laus import load_laus
from queries.loaders.sql import run_sql

ROOT = Path(__file__).resolve().parents[1]


def link_sources(real: Path, dest: Path, *folders: str) -> Path:
    """A copy of the source tree (or only `folders` of it) made of symlinks, so one file can be
    swapped cheaply."""
    for path in real.rglob("*"):
        if path.is_file() and (not folders or path.relative_to(real).parts[0] in folders):
            target = dest / path.relative_to(real)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    return dest


def replace(sources: Path, relative: str, data: bytes) -> None:
    path = sources / relative
    path.unlink()
    path.write_bytes(data)


@pytest.fixture
def sources(tmp_path: Path, real_sources: Path) -> Path:
    return link_sources(real_sources, tmp_path / "raw")


@pytest.fixture
def previous_db(tmp_path: Path) -> Path:
    """A stand-in for yesterday's database."""
    db = tmp_path / "out" / "atlas.duckdb"
    db.parent.mkdir()
    con = duckdb.connect(str(db))
    con.execute("create table marker as select 'previous build' as what")
    con.close()
    return db


def assert_previous_survives(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select what from marker").fetchall() == [("previous build",)]
    con.close()
    assert sorted(p.name for p in db.parent.iterdir()) == ["atlas.duckdb"]


def failing_build(sources: Path, db: Path, **kwargs) -> str:
    with pytest.raises(BuildError) as info:
        build(sources, db, static_dir=None, log=lambda _line: None, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


def failing_step(sources: Path, step: Step) -> str:
    """Run one build step alone on a fresh in-memory database; return its one-line error."""
    con = duckdb.connect()
    run_sql(con, "schema", "queries/build/schema.sql")
    ctx = BuildContext(sources, settings.data_dir(), log=lambda _line: None)
    try:
        with pytest.raises(BuildError) as info:
            step(con, ctx)
    finally:
        con.close()
    message = str(info.value)
    assert "\n" not in message
    return message


def test_truncated_gzip_names_the_file(tmp_path, real_sources):
    sources = link_sources(real_sources, tmp_path / "raw", "bea_caemp25n")
    rel = "bea_caemp25n/CAEMP25N_KS_2001_2022.csv.gz"
    replace(sources, rel, (sources / rel).read_bytes()[:20_000])
    assert "CAEMP25N_KS_2001_2022.csv.gz" in failing_step(sources, load_bea)


def test_truncated_spreadsheet_names_the_file(tmp_path, real_sources):
    sources = link_sources(real_sources, tmp_path / "raw", "bls_laus")
    rel = "bls_laus/laucnty24.xlsx"
    replace(sources, rel, (sources / rel).read_bytes()[:5_000])
    message = failing_step(sources, load_laus)
    assert "laucnty24.xlsx" in message and "cannot be read as a spreadsheet" in message


def test_missing_column_names_file_and_column(sources, previous_db):
    rel = "census_acs5_2024/ACSDT5Y2024.B01003-Data.csv"
    text = (sources / rel).read_text(encoding="utf-8-sig")
    replace(sources, rel, text.replace('"GEO_ID"', '"GEOID"', 1).encode())
    message = failing_build(sources, previous_db)
    assert "B01003-Data.csv" in message and "GEO_ID" in message
    assert_previous_survives(previous_db)


def test_duplicate_fips_is_refused(sources, previous_db):
    rel = "census_acs5_2024/ACSDT5Y2024.B01003-Data.csv"
    lines = (sources / rel).read_text(encoding="utf-8-sig").splitlines(keepends=True)
    wyandotte = next(line for line in lines if "0500000US20209" in line)
    replace(sources, rel, "".join([*lines, wyandotte]).encode())
    message = failing_build(sources, previous_db)
    assert "B01003-Data.csv" in message and "FIPS 20209 appears 2 times" in message
    assert_previous_survives(previous_db)


def test_missing_file_is_named(tmp_path, real_sources):
    sources = link_sources(real_sources, tmp_path / "raw", "ipeds")
    (sources / "ipeds/hd2024.csv").unlink()
    message = failing_step(sources, load_ipeds)
    assert message.endswith("ipeds/hd2024.csv: source file is missing")


def test_missing_file_fails_the_build_and_keeps_the_previous_database(sources, previous_db):
    (sources / "census_acs5_2024/ACSDT5Y2024.B17001-Data.csv").unlink()
    message = failing_build(sources, previous_db)
    assert message.endswith("ACSDT5Y2024.B17001-Data.csv: source file is missing")
    assert_previous_survives(previous_db)


def test_bea_counties_that_do_not_add_up_fail_reconciliation(sources, previous_db):
    rel = "bea_caemp25n/CAEMP25N_KS_2001_2022.csv.gz"
    lines = gzip.decompress((sources / rel).read_bytes()).decode("latin-1").split("\r\n")
    for i, line in enumerate(lines):
        if line.startswith(' "20209"') and ",CAEMP25N,10," in line:
            head, last = line.rsplit(",", 1)
            lines[i] = f"{head},{int(last) + 5000}"  # Wyandotte's 2022 total, 5,000 jobs too many
    replace(sources, rel, gzip.compress("\r\n".join(lines).encode("latin-1")))
    message = failing_build(sources, previous_db)
    assert "CAEMP25N_KS_2001_2022.csv.gz" in message and "2022" in message
    assert "state line" in message
    assert_previous_survives(previous_db)


def test_unknown_metro_code_names_the_csv_row(sources, previous_db, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(settings.data_dir() / "techhire_matches.csv", data)
    rows = (settings.data_dir() / "metro_groups.csv").read_text().splitlines()
    rows[3] = rows[3].replace("35620", "99999")
    (data / "metro_groups.csv").write_text("\n".join(rows) + "\n")
    message = failing_build(sources, previous_db, data_dir=data)
    assert "metro_groups.csv line 4" in message and "99999" in message
    assert_previous_survives(previous_db)


def test_build_without_qcew_succeeds_and_says_so(sources, tmp_path):
    (sources / "bls_qcew/qcew_tech_industries_2015_2023.csv.gz").unlink()
    lines: list[str] = []
    db = tmp_path / "out" / "atlas.duckdb"
    build(sources, db, static_dir=None, log=lines.append)
    assert any("without QCEW" in line for line in lines)
    con = duckdb.connect(str(db), read_only=True)
    counts = con.execute(
        "select count(*) filter (where metric_id = 'tech_jobs'),"
        " count(*) filter (where metric_id = 'total_jobs') from county_values"
    ).fetchall()[0]
    con.close()
    assert counts[0] == 0 and counts[1] > 60_000


def test_cli_prints_one_line_and_exits_1(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "queries", "build", "--sources", str(tmp_path / "nowhere"),
         "--db", str(tmp_path / "atlas.duckdb")],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "nowhere" in out.stderr


def run_if_missing(db: Path, static: Path, sources: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "queries", "build", "--if-missing", "--db", str(db),
         "--static", str(static), "--sources", str(sources)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip


def test_cli_if_missing_keeps_an_existing_database(previous_db, tmp_path):
    static = tmp_path / "static"
    (static / "geo").mkdir(parents=True)
    (static / "geo" / "counties.json").write_text("{}")
    out = run_if_missing(previous_db, static, tmp_path / "nowhere")
    assert out.returncode == 0 and "not rebuilding" in out.stdout
    assert_previous_survives(previous_db)


def test_cli_if_missing_builds_when_the_map_geometry_is_missing(previous_db, tmp_path):
    # A database copied into a fresh clone, without static/: the build must run, not skip.
    # The sources folder does not exist, so the attempt fails fast and names it.
    out = run_if_missing(previous_db, tmp_path / "static", tmp_path / "nowhere")
    assert "counties.json is missing; building" in out.stdout
    assert out.returncode == 1 and "nowhere" in out.stderr
    assert_previous_survives(previous_db)
