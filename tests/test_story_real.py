"""Shipped stories against the database built from the real source files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from queries.stories import load_stories
from queries.story_facts import fill, resolve_facts, story_problems
from tests.apptest_setup import REAL_TIMEOUT, STORY_PAGE, app_test, drawn_maps

STORIES, _ = load_stories()
SLIDES = [(sid, n) for sid, story in STORIES.items() for n in range(1, len(story.slides) + 1)]


@pytest.fixture(scope="module")
def real_con(built_db: Path) -> duckdb.DuckDBPyConnection:
    """The real database, read-only as the app opens it."""
    con = duckdb.connect(str(built_db), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("story_id", sorted(STORIES))
def test_every_placeholder_resolves_on_the_real_data(
    story_id: str, real_con: duckdb.DuckDBPyConnection
) -> None:
    story = STORIES[story_id]
    facts = resolve_facts(real_con, story)
    assert story_problems(story, facts) == []
    for slide in story.slides:
        assert "{" not in fill(slide.takeaway, facts)


def test_default_story_figures_are_plausible(real_con: duckdb.DuckDBPyConnection) -> None:
    facts = resolve_facts(real_con, STORIES["default"])
    # 8 hub and 7 heartland metros, as data/metro_groups.csv defines them.
    assert facts["hub_count"].value == 8
    assert facts["heartland_count"].value == 7
    # ACS: about 44 million adults 25+ with some college and no degree.
    assert 40e6 < facts["talent_total"].value < 48e6
    for name in ("hub_share_of_tech_jobs", "hub_share_of_new_jobs", "talent_share_without_college"):
        assert 0 < facts[name].value < 1, name
    # The hubs hold a larger share of tech jobs than of the adults with some college.
    assert facts["hub_share_of_tech_jobs"].value > facts["hub_share_of_talent"].value


@pytest.mark.parametrize(("story_id", "number"), SLIDES)
def test_every_slide_draws_its_map_on_the_real_data(
    story_id: str, number: int, real_app: None
) -> None:
    at = app_test(STORY_PAGE, REAL_TIMEOUT)
    at.query_params.update({"story": story_id, "slide": str(number), "present": "1"})
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == [STORIES[story_id].slides[number - 1].title]
    maps = drawn_maps(at)
    assert len(maps) == 1, "every shipped slide maps a measure"
    assert any(t["type"] == "choropleth" and t.get("z") for t in maps[0]["data"])
    assert not any("no measure to map" in i.value for i in at.info)


@pytest.mark.parametrize(("story_id", "number"), SLIDES)
def test_each_saved_view_reopens_its_page_without_complaint(
    story_id: str, number: int, real_app: None
) -> None:
    from ui.frame import page_file

    view = STORIES[story_id].slides[number - 1].view
    at = app_test(timeout=REAL_TIMEOUT)
    at.switch_page(page_file(view.page))
    for key, value in view.params.items():
        values = list(value) if isinstance(value, tuple) else [value]
        at.query_params[key] = [
            ("1" if v else "0") if isinstance(v, bool) else str(v) for v in values
        ]
    at.run()
    assert not at.exception
    # A parameter the page did not accept shows as a broken-link warning ("Unknown measure ...");
    # other warnings (a page's standing caveat about the data) are not about the link.
    assert [w.value for w in at.warning if w.icon == ":material/link_off:"] == []
    metric_key = f"{view.page}_metric"
    if metric_key in view.params:
        assert at.selectbox(key=metric_key).value == view.params[metric_key]
