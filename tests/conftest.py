"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import settings
from tests.fixtures.atlas_fixture import build_fixture_db


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


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny hand-made atlas database, written once per test module."""
    return build_fixture_db(tmp_path_factory.mktemp("fixture_db") / "atlas.duckdb")


@pytest.fixture
def fixture_app(fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app at the fixture database, with empty caches before and after."""
    yield from _app_on(fixture_db, monkeypatch)


@pytest.fixture
def real_app(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app at the real database, with empty caches before and after."""
    yield from _app_on(built_db, monkeypatch)


def _app_on(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Streamlit's caches live for the whole process, so a figure cached by one AppTest would
    # otherwise leak into the next. Imported here so tests without AppTest never load streamlit.
    import streamlit as st

    monkeypatch.setenv("ATLAS_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def real_boxes() -> dict:
    """Boxes of the prepared state-view counties in this checkout (skip when not built)."""
    path = settings.static_dir() / "geo" / "counties_detail.json"
    if not path.exists():
        pytest.skip(f"prepared county geometry not found: {path} (python -m queries build)")
    from geo.extent import county_boxes

    return county_boxes(path)
