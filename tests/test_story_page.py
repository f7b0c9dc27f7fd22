"""The Story page in AppTest: every slide of every shipped story draws, links and buttons work."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from queries.stories import load_stories
from queries.story_facts import MISSING_TEXT
from tests.apptest_setup import STORY_PAGE, app_test

STORIES, _ = load_stories()
SLIDES = [(sid, n) for sid, story in STORIES.items() for n in range(1, len(story.slides) + 1)]

pytestmark = pytest.mark.usefixtures("fixture_app")


def _open(story: str, slide: int | str, present: bool = False) -> AppTest:
    at = app_test(STORY_PAGE)
    at.query_params["story"] = story
    at.query_params["slide"] = str(slide)
    if present:
        at.query_params["present"] = "1"
    return at.run()


def _param(at: AppTest, key: str) -> str | None:
    """A URL parameter as the browser would show it (AppTest may hold a str or a list)."""
    value = at.query_params.get(key)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _takeaway(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "story-takeaway" in m.value)


@pytest.mark.parametrize(("story_id", "number"), SLIDES)
def test_every_slide_draws_with_its_title_counter_and_figures(story_id: str, number: int) -> None:
    at = _open(story_id, number, present=True)
    assert not at.exception
    slide = STORIES[story_id].slides[number - 1]
    assert [t.value for t in at.title] == [slide.title]
    count = len(STORIES[story_id].slides)
    assert any(f"{number} / {count}" in m.value for m in at.markdown)
    assert MISSING_TEXT not in _takeaway(at)
    assert "{" not in _takeaway(at)
    assert any(c.value.startswith("Source: ") for c in at.caption)
    assert at.button(key="story_prev").disabled == (number == 1)
    assert at.button(key="story_next").disabled == (number == count)


def test_next_and_previous_move_and_the_url_follows() -> None:
    at = _open("default", 1)
    at.button(key="story_next").click().run()
    assert _param(at, "slide") == "2"
    assert at.title[0].value == STORIES["default"].slides[1].title
    at.button(key="story_prev").click().run()
    assert _param(at, "slide") == "1"
    assert at.title[0].value == STORIES["default"].slides[0].title


def test_next_keeps_the_presentation_theme_in_the_url() -> None:
    at = _open("default", 3, present=True)
    at.button(key="story_next").click().run()
    assert _param(at, "present") == "1"
    assert _param(at, "slide") == "4"


def test_speaker_notes_show_outside_the_theme_and_hide_in_it() -> None:
    normal = _open("default", 1)
    assert [e.label for e in normal.expander] == ["Speaker notes"]
    presenting = _open("default", 1, present=True)
    assert list(presenting.expander) == []


def test_a_slide_number_past_the_end_opens_the_last_slide_and_says_so() -> None:
    count = len(STORIES["default"].slides)
    at = _open("default", 99)
    assert not at.exception
    assert at.title[0].value == STORIES["default"].slides[-1].title
    assert _param(at, "slide") == str(count)
    assert any("slides 1 to" in i.value for i in at.info)


def test_a_broken_story_file_is_named_and_the_good_story_still_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    default = Path(__file__).resolve().parents[1] / "data" / "stories" / "default.toml"
    (folder / "default.toml").write_text(default.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.toml").write_text('title = "Oops"\n[[slides]]\ntitle = 3\n', "utf-8")
    monkeypatch.setattr("ui.story.stories_dir", lambda: folder)
    at = _open("default", 2)
    assert not at.exception
    assert at.title[0].value == STORIES["default"].slides[1].title
    assert any("broken.toml" in w.value for w in at.warning)


def _open_app(query: dict[str, str]) -> AppTest:
    at = app_test()
    at.switch_page("pages/story.py")
    at.query_params.update(query)
    return at.run()


def test_the_sidebar_switch_puts_the_theme_in_the_link_and_exit_takes_it_out() -> None:
    at = _open_app({"story": "default", "slide": "2"})
    assert not at.exception
    assert at.toggle(key="present").value is False
    at.toggle(key="present").set_value(True).run()
    assert _param(at, "present") == "1"
    assert _param(at, "slide") == "2"
    assert list(at.expander) == []  # speaker notes leave the screen
    at.button(key="present_exit_button").click().run()
    assert _param(at, "present") is None
    assert [e.label for e in at.expander] == ["Speaker notes"]


def test_a_slide_link_with_present_opens_in_the_theme() -> None:
    at = _open_app({"story": "default", "slide": "4", "present": "1"})
    assert not at.exception
    assert at.toggle(key="present").value is True
    assert at.title[0].value == STORIES["default"].slides[3].title


def test_with_every_story_broken_the_page_says_why_even_when_presenting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "default.toml").write_text('title = "Half written"\n[[slides]]\n', "utf-8")
    monkeypatch.setattr("ui.story.stories_dir", lambda: folder)
    at = _open("default", 1, present=True)
    assert not at.exception
    assert any("No story could be loaded" in e.value for e in at.error)
    assert any("default.toml" in w.value for w in at.warning)


def test_takeaway_figures_are_bold_and_story_text_cannot_inject_markup() -> None:
    from queries.story_facts import FactValue
    from ui.story import takeaway_html

    facts = {"share": FactValue("share", 0.28, "28%")}
    html = takeaway_html("<b>Hubs</b> & {share} of jobs; {missing}", facts)
    assert html == (
        "&lt;b&gt;Hubs&lt;/b&gt; &amp; <strong>28%</strong> of jobs; "
        f"<strong>{MISSING_TEXT}</strong>"
    )
