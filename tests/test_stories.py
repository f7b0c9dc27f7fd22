"""Story files: loading, checking, placeholders and slide addresses (plain pytest, no streamlit)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import duckdb
import pytest

from queries.stories import (
    SlideAddress,
    load_stories,
    parse_slide_query,
    slide_url,
    stories_dir,
)
from queries.story_facts import MISSING_TEXT, fill, format_value, resolve_facts, story_problems

GOOD_SLIDE = """
[[slides]]
title = "A slide"
takeaway = "{hub_count} hubs."
source = "OMB 2023"
[slides.view]
page = "atlas"
[slides.view.params]
atlas_metric = "tech_jobs"
states = ["KS", "MO"]
"""


@pytest.fixture(scope="module")
def fixture_con(fixture_db: Path) -> duckdb.DuckDBPyConnection:
    """The tiny hand-made atlas database, opened read-only like the app does."""
    con = duckdb.connect(str(fixture_db), read_only=True)
    yield con
    con.close()


def _story_folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_shipped_stories_load_without_problems() -> None:
    stories, problems = load_stories()
    assert problems == []
    assert "default" in stories
    assert 6 <= len(stories["default"].slides) <= 8


def test_broken_story_files_are_reported_by_name_and_the_others_still_load(
    tmp_path: Path,
) -> None:
    folder = _story_folder(
        tmp_path,
        {
            "good.toml": 'title = "Good"\n' + GOOD_SLIDE,
            "not_toml.toml": 'title = "Unclosed\n',
            "no_slides.toml": 'title = "Empty"\n',
            "bad_page.toml": 'title = "Bad page"\n' + GOOD_SLIDE.replace('"atlas"', '"nowhere"'),
            "bad_placeholder.toml": 'title = "Odd"\n' + GOOD_SLIDE.replace("{hub_count}", "{0}"),
        },
    )
    stories, problems = load_stories(folder)
    assert list(stories) == ["good"]
    by_file = {p.split(":", 1)[0]: p for p in problems}
    assert set(by_file) == {
        "not_toml.toml",
        "no_slides.toml",
        "bad_page.toml",
        "bad_placeholder.toml",
    }
    assert "not valid TOML" in by_file["not_toml.toml"]
    assert "no [[slides]]" in by_file["no_slides.toml"]
    assert "'nowhere'" in by_file["bad_page.toml"]
    assert "{0}" in by_file["bad_placeholder.toml"]


def test_unknown_placeholder_is_a_problem_of_its_story_not_a_crash(
    tmp_path: Path, fixture_con: duckdb.DuckDBPyConnection
) -> None:
    text = 'title = "Typo"\n' + GOOD_SLIDE.replace("{hub_count}", "{hub_cuont}")
    stories, problems = load_stories(_story_folder(tmp_path, {"typo.toml": text}))
    assert problems == []
    story = stories["typo"]
    facts = resolve_facts(fixture_con, story)
    assert fill(story.slides[0].takeaway, facts) == f"{MISSING_TEXT} hubs."
    reported = story_problems(story, facts)
    assert len(reported) == 1
    assert reported[0].startswith("typo.toml: slide 1: placeholder {hub_cuont}")
    assert "story_hub_cuont.sql" in reported[0]


def test_fact_with_a_missing_parameter_is_reported(
    tmp_path: Path, fixture_con: duckdb.DuckDBPyConnection
) -> None:
    text = 'title = "No group"\n[facts.hub_count]\nquery = "story_group_metro_count"\n' + GOOD_SLIDE
    stories, _ = load_stories(_story_folder(tmp_path, {"nogroup.toml": text}))
    story = stories["nogroup"]
    reported = story_problems(story, resolve_facts(fixture_con, story))
    assert len(reported) == 1
    assert "$group_id" in reported[0]


def test_default_story_fills_every_placeholder_on_the_fixture_db(
    fixture_con: duckdb.DuckDBPyConnection,
) -> None:
    story = load_stories()[0]["default"]
    facts = resolve_facts(fixture_con, story)
    assert story_problems(story, facts) == []
    first = fill(story.slides[0].takeaway, facts)
    # Fixture: 3 hub metros; hub counties hold 800,000 of 906,300 disclosed tech jobs.
    assert "3 coastal hub metros" in first
    assert "88%" in first
    for slide in story.slides:
        assert MISSING_TEXT not in fill(slide.takeaway, facts)
        assert "{" not in fill(slide.takeaway, facts)


def test_growth_share_counts_a_combined_area_once(fixture_con: duckdb.DuckDBPyConnection) -> None:
    story = load_stories()[0]["default"]
    facts = resolve_facts(fixture_con, story, ["hub_share_of_new_jobs"])
    # Hubs gained (1.4M-1.05M) + (0.95M-0.72M) + (3.3M-2.9M) = 980,000 of BEA's 35M national gain.
    assert facts["hub_share_of_new_jobs"].value == pytest.approx(980_000 / 35_000_000)
    assert facts["hub_share_of_new_jobs"].text == "3%"


@pytest.mark.parametrize(
    ("value", "spec", "text"),
    [
        (0.8827, ".0%", "88%"),
        (0.8827, ".1%", "88.3%"),
        (1234567.0, ",.0f", "1,234,567"),
        (2023, "d", "2023"),
        (72608.4, "$,.0f", "$72,608"),
        (44_123_456.0, "s", "44.1 million"),
        (350_400.0, "s", "350 thousand"),
        (1.935, ",.1f", "1.9"),
    ],
)
def test_format_value(value: float, spec: str, text: str) -> None:
    assert format_value(value, spec) == text


def test_every_slide_url_round_trips() -> None:
    stories, _ = load_stories()
    for story in stories.values():
        for number in range(1, len(story.slides) + 1):
            for present in (True, False):
                address = SlideAddress(story.story_id, number, present)
                url = slide_url(address)
                query = dict(parse_qsl(urlsplit(url).query))
                assert parse_slide_query(query, stories) == (address, [])


def test_slide_four_link_reads_as_documented() -> None:
    assert slide_url(SlideAddress("default", 4, True)) == "/story?story=default&slide=4&present=1"


def test_out_of_range_slide_is_clamped_and_explained() -> None:
    stories, _ = load_stories()
    count = len(stories["default"].slides)
    address, notes = parse_slide_query({"story": "default", "slide": "99"}, stories)
    assert address == SlideAddress("default", count, False)
    assert notes == [f"This story has slides 1 to {count}; showing slide {count}."]
    address, notes = parse_slide_query({"story": "nope", "slide": "x"}, stories)
    assert address == SlideAddress("default", 1, False)
    assert len(notes) == 2


def test_saved_view_url_keeps_every_parameter(tmp_path: Path) -> None:
    stories, _ = load_stories(_story_folder(tmp_path, {"v.toml": 'title = "V"\n' + GOOD_SLIDE}))
    view = stories["v"].slides[0].view
    parts = urlsplit(view.url())
    assert parts.path == "/atlas"
    assert parse_qsl(parts.query) == [
        ("atlas_metric", "tech_jobs"),
        ("states", "KS"),
        ("states", "MO"),
    ]


def test_stories_dir_is_the_repository_folder() -> None:
    assert stories_dir() == Path(__file__).resolve().parents[1] / "data" / "stories"


def test_a_view_maps_its_page_prefixed_measure_year_and_states(tmp_path: Path) -> None:
    text = 'title = "V"\n' + GOOD_SLIDE.replace(
        'atlas_metric = "tech_jobs"',
        'atlas_metric = "tech_jobs"\natlas_year = 2021\natlas_n = 7\natlas_outlines = false',
    )
    view = load_stories(_story_folder(tmp_path, {"v.toml": text}))[0]["v"].slides[0].view
    assert view.map_request() == ("tech_jobs", 2021, ("KS", "MO"))
    assert view.map_options() == {"n": 7, "outlines": False}


def test_a_view_may_not_set_the_story_page_parameters(tmp_path: Path) -> None:
    text = 'title = "V"\n' + GOOD_SLIDE.replace('atlas_metric = "tech_jobs"', 'slide = "3"')
    stories, problems = load_stories(_story_folder(tmp_path, {"v.toml": text}))
    assert stories == {}
    assert problems == ["v.toml: slide 1: view params may not set slide"]
