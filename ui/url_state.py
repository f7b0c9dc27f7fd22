"""Keep each page's view in the URL, so a link reopens exactly that view and Back works.

A widget's key is also its query-parameter name (`atlas_metric`, `states`, ...). Before a widget
is drawn, `seed` puts the URL's value (checked by a plain parser from ui.params) into session
state whenever the URL carries a value this session has not written itself: a shared link, a
story slide, the browser's Back button. After the widgets, `publish` writes the view back.
Values are also kept outside the widget keys, so a page's view survives a visit to another page.
Presenter mode reuses `current_view` and `view_url` to save and reopen views.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from ui.params import Parsed

_SEEN = "_url_seen"  # key -> tuple of raw strings last read from or written to the URL
_KEPT = "_url_kept"  # key -> last value, kept when the widget is not on screen


@dataclass(frozen=True)
class UrlParam:
    """A URL parameter bound to a widget key: how to read it and how to write it."""

    key: str
    parse: Callable[[Sequence[str] | None], Parsed[Any]]
    dump: Callable[[Any], Sequence[str]]


def _raw(key: str) -> tuple[str, ...]:
    return tuple(st.query_params.get_all(key))


def seed(param: UrlParam) -> Any:
    """Before the widget: load a new URL value (warning on bad input) or the kept value."""
    seen: dict[str, tuple[str, ...]] = st.session_state.setdefault(_SEEN, {})
    kept: dict[str, Any] = st.session_state.setdefault(_KEPT, {})
    raw = _raw(param.key)
    if raw and seen.get(param.key) != raw:
        parsed = param.parse(list(raw))
        if parsed.problem:
            st.warning(parsed.problem, icon=":material/link_off:")
        st.session_state[param.key] = parsed.value
        seen[param.key] = raw
    elif param.key not in st.session_state:
        st.session_state[param.key] = (
            kept[param.key] if param.key in kept else param.parse(None).value
        )
    else:
        # The widget's current value may no longer be valid (options changed): re-check it.
        current = st.session_state[param.key]
        parsed = param.parse(list(param.dump(current)))
        if parsed.value != current:
            st.session_state[param.key] = parsed.value
    return st.session_state[param.key]


def publish(*params: UrlParam) -> None:
    """After the widgets: write each value to the URL (in one change) and remember it."""
    seen: dict[str, tuple[str, ...]] = st.session_state.setdefault(_SEEN, {})
    kept: dict[str, Any] = st.session_state.setdefault(_KEPT, {})
    changed: dict[str, list[str]] = {}
    for param in params:
        if param.key not in st.session_state:
            continue
        value = st.session_state[param.key]
        kept[param.key] = value
        dumped = tuple(str(v) for v in param.dump(value))
        if _raw(param.key) != dumped:
            if dumped:
                changed[param.key] = list(dumped)
            elif param.key in st.query_params:
                del st.query_params[param.key]
        seen[param.key] = dumped
    if changed:
        # One update, so one browser-history entry per change of view (Back undoes it whole).
        st.query_params.update(changed)


def kept_value(key: str) -> Any:
    """The last value a bound widget had this session (None if never shown)."""
    return st.session_state.get(_KEPT, {}).get(key)


def set_value(param: UrlParam, value: Any) -> None:
    """Change a bound value from code (e.g. a map click), before its widget is drawn."""
    st.session_state[param.key] = value
    st.session_state.setdefault(_KEPT, {})[param.key] = value


# Parameters that belong to the whole session rather than one page: they travel with every link
# the app follows itself (the state filter, and presenter mode's `present=1`).
CARRIED = ("states", "present")


def with_carried(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters for st.switch_page, plus the session-wide ones from the current URL."""
    carried = {key: st.query_params.get_all(key) for key in CARRIED if key in st.query_params}
    return {**carried, **params}


def current_view() -> dict[str, list[str]]:
    """Every URL parameter of the view on screen, lists as lists."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def view_url(page: str, params: Mapping[str, Any]) -> str:
    """A relative link to a page with parameters (lists become repeated keys)."""
    flat: list[tuple[str, str]] = []
    for key, value in params.items():
        if isinstance(value, list | tuple):
            flat.extend((key, str(v)) for v in value)
        elif value is not None:
            flat.append((key, str(value)))
    query = urlencode(flat)
    return f"/{page}?{query}" if query else f"/{page}"


def one(value: Any) -> list[str]:
    """Dump helper for a single value (None -> no parameter)."""
    return [] if value is None else [str(value)]


def many(values: Any) -> list[str]:
    """Dump helper for a list of values."""
    return [str(v) for v in (values or [])]


def flag(value: Any) -> list[str]:
    """Dump helper for a yes/no switch."""
    return ["1" if value else "0"]
