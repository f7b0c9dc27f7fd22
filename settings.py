"""Where the Atlas finds its inputs and writes its outputs.

Every path comes from here, anchored on this file, with one environment override each. The
environment is read when a function is called, never at import, so tests can point it elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

SOURCES_ENV = "ATLAS_SOURCES"
DB_ENV = "ATLAS_DB"
STATIC_ENV = "ATLAS_STATIC"


def sources_dir() -> Path:
    """Folder holding the official source files exactly as the agencies publish them."""
    return Path(os.environ.get(SOURCES_ENV, ROOT.parent / "shared" / "data" / "raw")).resolve()


def db_path() -> Path:
    """The built DuckDB file that every page reads."""
    return Path(os.environ.get(DB_ENV, ROOT / "data" / "atlas.duckdb")).resolve()


def static_dir() -> Path:
    """Folder Streamlit serves at app/static/: prepared geometry and the offline base map."""
    return Path(os.environ.get(STATIC_ENV, ROOT / "static")).resolve()


def data_dir() -> Path:
    """Hand-kept tables (metro groups, stories) that live in the repository."""
    return ROOT / "data"
