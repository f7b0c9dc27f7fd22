"""Fixtures for the browser tests: the real database, the running app, Chromium, a guarded page.

The app runs as a real `streamlit run app.py` on a free localhost port against the database built
from the official source files. Every test gets a fresh browser context; when it ends, a screenshot
goes to artifacts/e2e/ and the test fails if the console showed an error or any request left
localhost.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from bench.harness import AppServer, chromium_installed, chromium_launch_options, start_app
from tests.e2e.browser_page import BrowserPage

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
VIEWPORT = {"width": 1440, "height": 960}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives a real browser."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def e2e_db(request: pytest.FixtureRequest) -> Path:
    """The real database (the shared `built_db` build), with its geometry where the app serves it.

    Streamlit serves only the static/ folder beside app.py, so the geometry the build prepared is
    copied there (it is git-ignored and the same files `python -m queries build` writes).
    """
    if not chromium_installed():
        pytest.skip("Debian's Chromium is not at /usr/bin/chromium (scripts/setup.sh --browser)")
    db: Path = request.getfixturevalue("built_db")
    built_static = db.parent / "static"
    if built_static.is_dir():
        shutil.copytree(built_static, ROOT / "static", dirs_exist_ok=True)
    assert (ROOT / "static" / "geo" / "counties.json").exists(), "build wrote no county geometry"
    return db


@pytest.fixture(scope="session")
def app_server(e2e_db: Path) -> Iterator[AppServer]:
    """`streamlit run app.py` on a free port against the real database, stopped at the end."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = start_app(
        ROOT / "app.py",
        env={"ATLAS_DB": str(e2e_db), **_passthrough_env()},
        log_path=ARTIFACTS / "server.log",
        timeout_s=180,
    )
    yield server
    server.stop()


def _passthrough_env() -> dict[str, str]:
    """Keep a caller's ATLAS_SOURCES / ATLAS_STATIC so the app reads what the build wrote."""
    return {k: os.environ[k] for k in ("ATLAS_SOURCES", "ATLAS_STATIC") if k in os.environ}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole run."""
    if not chromium_installed():
        pytest.skip("Debian's Chromium is not at /usr/bin/chromium (scripts/setup.sh --browser)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(**chromium_launch_options())
        yield chromium
        chromium.close()


@pytest.fixture
def atlas(
    request: pytest.FixtureRequest, browser: Browser, app_server: AppServer
) -> Iterator[BrowserPage]:
    """A fresh tab on the app; at the end: a screenshot, no console error, no outside request."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = BrowserPage(context.new_page(), app_server.url, ARTIFACTS).attach()
    yield page
    name = request.node.name.replace("/", "_")
    try:
        page.shot(name, whole_page=True)
        shown = [f"exception on screen: {text[:300]}" for text in page.exceptions_on_screen()]
    finally:
        context.close()
    problems = [*page.problems(), *shown]
    assert not problems, "browser saw problems:\n" + "\n".join(problems[:20])
