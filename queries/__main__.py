"""Command line: `python -m queries build [--sources DIR] [--db PATH] [--if-missing]`, `summary`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import settings
from queries.builder import build
from queries.db import connect_readonly
from queries.errors import BuildError
from queries.static_geometry import PREPARED_COUNTIES, geometry_missing
from queries.summary import summarise


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m queries", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the Atlas database from the official source files")
    b.add_argument(
        "--sources", type=Path, default=None, help="source folder (default: ATLAS_SOURCES)"
    )
    b.add_argument("--db", type=Path, default=None, help="database file (default: ATLAS_DB)")
    b.add_argument("--static", type=Path, default=None, help="static folder for prepared geometry")
    b.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing when the database and the prepared map geometry both exist",
    )
    s = sub.add_parser("summary", help="print national figures per measure as JSON")
    s.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    db = args.db or settings.db_path()
    if args.command == "build":
        static = args.static or settings.static_dir()
        if args.if_missing:
            # A database copied into a fresh clone comes without static/ (git-ignored): no map.
            if db.is_file() and not geometry_missing(static):
                print(f"{db} exists; not rebuilding")
                return 0
            if db.is_file():
                print(f"{static / PREPARED_COUNTIES} is missing; building")
        try:
            build(args.sources or settings.sources_dir(), db, static)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
        return 0
    try:
        con = connect_readonly(db)
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        print(json.dumps(summarise(con), indent=2, ensure_ascii=False))
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
