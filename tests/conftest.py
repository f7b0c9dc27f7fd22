"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

import settings


@pytest.fixture(scope="session")
def real_sources() -> Path:
    """The official source files (read-only); tests that need them skip when they are absent."""
    path = settings.sources_dir()
    if not (path / "bea_caemp25n").is_dir():
        pytest.skip(f"official source files not found in {path}")
    return path


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory, real_sources: Path) -> Path:
    """The Atlas database built once per test session from the real source files."""
    from queries.builder import build

    out = tmp_path_factory.mktemp("atlas_build")
    db = out / "atlas.duckdb"
    build(real_sources, db, static_dir=out / "static", log=lambda _line: None)
    return db
