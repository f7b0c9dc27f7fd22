"""Story files: load and check the prepared slide decks kept in data/stories/.

A story is one TOML file: a title, optional `[params]` bound to every fact query, optional
`[facts.<name>]` entries that say which query fills a placeholder, and an ordered list of
`[[slides]]`. Each slide carries a title, a takeaway sentence with `{placeholders}`, speaker notes,
a source line and the saved view (`page` + every URL parameter of that page).

A broken file never stops the others: `load_stories` returns what loaded and a list of problems,
each naming the file.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import settings

# Pages a saved view may open; the ids are the url paths given to st.navigation in app.py.
KNOWN_PAGES: frozenset[str] = frozenset({"atlas", "hubs", "place", "training", "about"})

# URL parameters the Story page itself owns; a saved view may not set them.
STORY_PARAMS: frozenset[str] = frozenset({"story", "slide", "present"})

_STORY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,60}$")
_SLIDE_KEYS = {"title", "takeaway", "notes", "source", "view", "headline"}
_STORY_KEYS = {"title", "subtitle", "params", "facts", "slides"}
_FACT_KEYS = {"query", "params", "format"}

ParamValue = str | int | float | bool | tuple[str, ...]


@dataclass(frozen=True)
class View:
    """A saved dashboard view: the page and all of its URL parameters."""

    page: str
    params: Mapping[str, ParamValue]

    def query_string(self) -> str:
        """The view's URL query, lists as repeated keys (`states=KS&states=MO`)."""
        return urlencode(_flat_params(self.params), doseq=True)

    def url(self) -> str:
        """Relative link that reopens this view in the dashboard."""
        query = self.query_string()
        return f"/{self.page}?{query}" if query else f"/{self.page}"

    def map_options(self) -> dict[str, object]:
        """Map styling the view sets (`<page>_classes`, `_n`, `_palette`, `_outlines`)."""
        options: dict[str, object] = {}
        for name in ("classes", "n", "palette", "outlines"):
            value = self.params.get(f"{self.page}_{name}")
            if value is not None:
                options[name] = is_present(value) if name == "outlines" else value
        return options

    def map_request(self) -> tuple[str | None, int | None, tuple[str, ...]]:
        """(measure, year, states) the view maps, read from its `<page>_metric`/`_year`/`states`."""
        metric = self.params.get(f"{self.page}_metric")
        year = self.params.get(f"{self.page}_year")
        states = self.params.get("states", ())
        states = (states,) if isinstance(states, str) else tuple(states)  # type: ignore[arg-type]
        return (
            str(metric) if metric is not None else None,
            int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
            tuple(s.upper() for s in states),
        )


@dataclass(frozen=True)
class Fact:
    """How one placeholder is filled: a named query, its parameters and a d3-style format."""

    name: str
    query: str
    params: Mapping[str, ParamValue]
    format: str | None = None


@dataclass(frozen=True)
class Slide:
    """One slide of a story."""

    title: str
    takeaway: str
    notes: str
    source: str
    view: View
    headline: str | None = None

    def placeholders(self) -> list[str]:
        """Placeholder names in the takeaway and the notes, in order of first appearance."""
        return list(dict.fromkeys(placeholders_in(self.takeaway) + placeholders_in(self.notes)))

    def headline_fact(self) -> str | None:
        """The fact shown as the slide's big number: the named one, else the first placeholder."""
        if self.headline:
            return self.headline
        names = placeholders_in(self.takeaway)
        return names[0] if names else None


@dataclass(frozen=True)
class Story:
    """A checked story file."""

    story_id: str
    title: str
    subtitle: str
    path: Path
    slides: tuple[Slide, ...]
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    facts: Mapping[str, Fact] = field(default_factory=dict)

    def fact(self, name: str) -> Fact:
        """The fact behind a placeholder: declared in `[facts]`, else the query `story_<name>`."""
        if name in self.facts:
            return self.facts[name]
        return Fact(name=name, query=f"story_{name}", params={})

    def fact_names(self) -> list[str]:
        """Every placeholder used by any slide, in order of first appearance."""
        seen: dict[str, None] = {}
        for slide in self.slides:
            for name in slide.placeholders():
                seen.setdefault(name, None)
            if slide.headline:
                seen.setdefault(slide.headline, None)
        return list(seen)


class StoryError(ValueError):
    """A story file that cannot be used, with the reason in plain words."""


def stories_dir() -> Path:
    """Folder holding the story files."""
    return settings.data_dir() / "stories"


def placeholders_in(text: str) -> list[str]:
    """Names of the `{placeholders}` in a takeaway, in order, without repeats."""
    seen: dict[str, None] = {}
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            seen.setdefault(name, None)
    return list(seen)


def load_stories(folder: Path | None = None) -> tuple[dict[str, Story], list[str]]:
    """Read every `*.toml` story in `folder`; return (stories by id, problems naming each file)."""
    folder = folder or stories_dir()
    stories: dict[str, Story] = {}
    problems: list[str] = []
    if not folder.is_dir():
        return stories, [f"{folder}: the story folder does not exist"]
    for path in sorted(folder.glob("*.toml")):
        try:
            story = load_story(path)
        except StoryError as err:
            problems.append(f"{path.name}: {err}")
            continue
        stories[story.story_id] = story
    return stories, problems


def load_story(path: Path) -> Story:
    """Read and check one story file; raise StoryError saying what is wrong."""
    story_id = path.stem
    if not _STORY_ID.match(story_id):
        raise StoryError("the file name must be lower-case letters, digits, '-' or '_'")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise StoryError(f"not valid TOML ({err})") from err
    except (OSError, UnicodeDecodeError) as err:
        raise StoryError(f"cannot be read ({err})") from err

    _reject_unknown(raw, _STORY_KEYS, "the story")
    title = _text(raw, "title", "the story")
    subtitle = _text(raw, "subtitle", "the story", required=False)
    params = _params(raw.get("params", {}), "[params]")
    facts = _facts(raw.get("facts", {}))

    raw_slides = raw.get("slides")
    if not isinstance(raw_slides, list) or not raw_slides:
        raise StoryError("it has no [[slides]]")
    slides = tuple(_slide(item, number) for number, item in enumerate(raw_slides, start=1))
    return Story(
        story_id=story_id,
        title=title,
        subtitle=subtitle,
        path=path,
        slides=slides,
        params=params,
        facts=facts,
    )


def _slide(raw: object, number: int) -> Slide:
    where = f"slide {number}"
    if not isinstance(raw, dict):
        raise StoryError(f"{where} is not a table")
    _reject_unknown(raw, _SLIDE_KEYS, where)
    takeaway = _text(raw, "takeaway", where)
    notes = _text(raw, "notes", where, required=False)
    _check_template(takeaway, f"{where} takeaway")
    _check_template(notes, f"{where} notes")
    headline = raw.get("headline")
    if headline is not None and (not isinstance(headline, str) or not _NAME.match(headline)):
        raise StoryError(f"{where}: 'headline' must name a fact, like hub_share_of_new_jobs")
    return Slide(
        title=_text(raw, "title", where),
        takeaway=takeaway,
        notes=notes,
        source=_text(raw, "source", where),
        view=_view(raw.get("view"), where),
        headline=headline,
    )


def _check_template(text: str, where: str) -> None:
    """Only plain `{name}` placeholders: no positional, attribute, index or format tricks."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as err:
        raise StoryError(f"{where} has unbalanced braces ({err})") from err
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not _NAME.match(name) or spec or conversion:
            raise StoryError(
                f"{where}: placeholder {{{name}}} must be a plain lower-case name like "
                "{hub_share_of_new_jobs}"
            )


def _view(raw: object, where: str) -> View:
    if not isinstance(raw, dict):
        raise StoryError(f"{where} has no [slides.view] table")
    _reject_unknown(raw, {"page", "params"}, f"{where} view")
    page = raw.get("page")
    if page not in KNOWN_PAGES:
        known = ", ".join(sorted(KNOWN_PAGES))
        raise StoryError(f"{where}: view page {page!r} is not one of {known}")
    params = _params(raw.get("params", {}), f"{where} view params")
    clash = sorted(STORY_PARAMS & set(params))
    if clash:
        raise StoryError(f"{where}: view params may not set {', '.join(clash)}")
    return View(page=page, params=params)


def _facts(raw: object) -> dict[str, Fact]:
    if not isinstance(raw, dict):
        raise StoryError("[facts] must be a table of tables")
    facts: dict[str, Fact] = {}
    for name, entry in raw.items():
        where = f"[facts.{name}]"
        if not _NAME.match(name):
            raise StoryError(f"{where}: fact names are lower-case letters, digits and '_'")
        if not isinstance(entry, dict):
            raise StoryError(f"{where} must be a table")
        _reject_unknown(entry, _FACT_KEYS, where)
        query = entry.get("query", f"story_{name}")
        if not isinstance(query, str) or not _NAME.match(query):
            raise StoryError(f"{where}: 'query' must be the name of a .sql file in queries/")
        fmt = entry.get("format")
        if fmt is not None and not isinstance(fmt, str):
            raise StoryError(f"{where}: 'format' must be text, like '.0%'")
        facts[name] = Fact(
            name=name, query=query, params=_params(entry.get("params", {}), where), format=fmt
        )
    return facts


def _params(raw: object, where: str) -> dict[str, ParamValue]:
    if not isinstance(raw, dict):
        raise StoryError(f"{where} must be a table")
    out: dict[str, ParamValue] = {}
    for key, value in raw.items():
        if not _NAME.match(key):
            raise StoryError(f"{where}: parameter name {key!r} is not a plain lower-case name")
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise StoryError(f"{where}: {key} must be a list of text values")
            out[key] = tuple(value)
        elif isinstance(value, str | int | float | bool):
            out[key] = value
        else:
            raise StoryError(f"{where}: {key} has a value of an unsupported kind")
    return out


def _text(raw: dict, key: str, where: str, *, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise StoryError(f"{where}: '{key}' must be text")
    value = value.strip()
    if required and not value:
        raise StoryError(f"{where} has no '{key}'")
    return value


def _reject_unknown(raw: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise StoryError(f"{where} has unknown key(s): {', '.join(unknown)}")


def _flat_params(params: Mapping[str, ParamValue]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            text = ("1" if item else "0") if isinstance(item, bool) else str(item)
            pairs.append((key, text))
    return pairs


# --- slide addresses -------------------------------------------------------------------------


@dataclass(frozen=True)
class SlideAddress:
    """Where a presenter is: which story, which slide (1-based) and whether the theme is on."""

    story_id: str
    slide: int
    present: bool


def slide_query(address: SlideAddress) -> dict[str, str]:
    """URL query parameters for a slide, e.g. {'story': 'default', 'slide': '4', 'present': '1'}."""
    query = {"story": address.story_id, "slide": str(address.slide)}
    if address.present:
        query["present"] = "1"
    return query


def slide_url(address: SlideAddress, page: str = "story") -> str:
    """Relative link to a slide, e.g. `/story?story=default&slide=4&present=1`."""
    return f"/{page}?{urlencode(slide_query(address))}"


def parse_slide_query(
    query: Mapping[str, str], stories: Mapping[str, Story], default_story: str = "default"
) -> tuple[SlideAddress | None, list[str]]:
    """Turn URL parameters into a valid address, clamping bad values and saying what was fixed."""
    notes: list[str] = []
    if not stories:
        return None, ["No story could be loaded."]
    wanted = query.get("story") or default_story
    if wanted in stories:
        story_id = wanted
    else:
        story_id = default_story if default_story in stories else sorted(stories)[0]
        if query.get("story"):
            notes.append(f"There is no story called {wanted!r}; showing {story_id!r}.")
    count = len(stories[story_id].slides)
    raw_slide = query.get("slide", "1")
    try:
        slide = int(raw_slide)
    except (TypeError, ValueError):
        notes.append(f"Slide {raw_slide!r} is not a number; showing slide 1.")
        slide = 1
    if not 1 <= slide <= count:
        clamped = min(max(slide, 1), count)
        notes.append(f"This story has slides 1 to {count}; showing slide {clamped}.")
        slide = clamped
    return SlideAddress(story_id, slide, is_present(query.get("present"))), notes


def is_present(value: object) -> bool:
    """Whether a `present` URL value switches the presentation theme on."""
    return str(value).strip().lower() in {"1", "true", "yes", "on"}
