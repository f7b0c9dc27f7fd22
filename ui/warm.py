"""A fresh server's one-time work, done before the first visitor instead of during their visit.

The first script run of a new server used to import pandas, DuckDB and our modules, let Plotly
load the figure classes and validators it imports lazily, open the database and compute the
landing page's queries and map: about 0.9 s that only the first visitor paid. `ui.serve` calls
`before_start` before Streamlit starts and `landing_page` once Streamlit's runtime is running.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import settings
from ui import activity

if TYPE_CHECKING:  # both import streamlit, which is imported only once the runtime runs
    from ui.atlas_controls import AtlasView
    from ui.db import DbKey

ROOT = Path(__file__).resolve().parents[1]
READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class ModulePlan:
    """What the frame and its pages import, split by when it can be imported."""

    before_runtime: list[str]  # no Streamlit inside: libraries, geo/, queries/, ui/pagedata/
    with_runtime: list[str]  # modules that use Streamlit, and Streamlit's own modules


def module_plan(root: Path = ROOT) -> ModulePlan:
    """Every module app.py and the pages import, directly or through our own modules.

    Read from their import statements rather than listed, so a module a page starts importing
    is warmed without anyone remembering to add it here. A module of ours that imports
    streamlit, directly or through another of ours, waits for the runtime: st.cache_data
    checks its storage when a function is decorated and warns when there is no runtime yet.
    """
    found: dict[str, set[str]] = {}  # our module -> every module it imports
    others: list[str] = []
    todo = [(None, root / "app.py"), *((None, path) for path in sorted(root.glob("pages/*.py")))]
    while todo:
        name, path = todo.pop()
        imported = _imports(path, root)
        if name is not None:
            found[name] = imported
        for module in sorted(imported):
            own = _own_file(module, root)
            if own is None:
                others.append(module)
            elif module not in found:
                found[module] = set()  # claimed; filled when popped
                todo.append((module, own))
    uses_streamlit = {name for name, mods in found.items() if any(map(_is_streamlit, mods))}
    changed = True
    while changed:  # importing a module that uses streamlit uses streamlit
        grown = {name for name, mods in found.items() if mods & uses_streamlit}
        changed = not grown <= uses_streamlit
        uses_streamlit |= grown
    libraries = list(dict.fromkeys(m for m in others if not _is_streamlit(m)))
    ours = sorted(found)
    return ModulePlan(
        before_runtime=libraries + [m for m in ours if m not in uses_streamlit],
        with_runtime=list(dict.fromkeys(m for m in others if _is_streamlit(m)))
        + [m for m in ours if m in uses_streamlit],
    )


def _imports(path: Path, root: Path) -> set[str]:
    """Module names a file imports (anywhere in it, function bodies included)."""
    names: set[str] = set()
    for node in _statements(ast.parse(path.read_text(), filename=str(path)).body):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(
                f"{node.module}.{alias.name}"
                for alias in node.names
                if _is_module(f"{node.module}.{alias.name}", root)
            )
    # A package's __init__ runs before its modules: `geo.choropleth` imports `geo` too.
    for name in list(names):
        parts = name.split(".")
        names.update(".".join(parts[:i]) for i in range(1, len(parts)))
    return names


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included (imports sit in statements, never expressions,
    so this is ast.walk without the many expression nodes)."""
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from _statements(getattr(node, field, None) or [])


@functools.cache
def _own_file(module: str, root: Path) -> Path | None:
    """The project's file for a module name, or None when the module is not ours."""
    base = root.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


@functools.cache
def _is_module(name: str, root: Path) -> bool:
    """True when `name` (e.g. `ui.cache`, `plotly.graph_objects`) is a module, not a name in one.

    Only our files and installed packages are looked at; nothing is imported to find out.
    """
    if _own_file(name, root) is not None:
        return True
    package, _, _ = name.rpartition(".")
    if _own_file(package, root) is not None:
        return False
    top = importlib.util.find_spec(name.split(".")[0])
    if top is None or top.submodule_search_locations is None:
        return False
    folder = Path(next(iter(top.submodule_search_locations))).joinpath(*name.split(".")[1:])
    return folder.with_suffix(".py").is_file() or (folder / "__init__.py").is_file()


def _is_streamlit(module: str) -> bool:
    return module == "streamlit" or module.startswith("streamlit.")


def import_modules(names: list[str]) -> None:
    """Import each module once, so the first visitor's script run finds them loaded."""
    for name in names:
        importlib.import_module(name)


def plotly_classes() -> None:
    """Build and serialise one tiny map, so Plotly loads what its maps use before a visitor.

    plotly.graph_objects loads each trace class, its nested property classes and the validator
    table on first use (narwhals included): about 0.6 s on a quiet 2-core machine, which the
    first map of a fresh server used to pay.
    """
    import plotly.graph_objects as go

    clear = "rgba(0,0,0,0)"
    fig = go.Figure(
        [
            go.Choropleth(
                geojson="app/static/geo/counties.json",
                locations=["20209"],
                z=[1.0],
                zmin=0,
                zmax=1,
                colorscale=[[0, clear], [1, "#1f5f8b"]],
                colorbar={"title": {"text": "x", "side": "right"}, "len": 0.5},
                marker={"line": {"color": "#ffffff", "width": 0.3}},
                hovertemplate="%{customdata[0]}<extra></extra>",
                customdata=[["Wyandotte County, KS"]],
                hoverlabel={"bgcolor": "#ffffff", "font": {"size": 13}},
                name="counties",
            ),
            go.Scattergeo(
                lon=[-94.7],
                lat=[39.1],
                mode="markers",
                marker={"symbol": "circle", "size": 5, "color": "#000000", "line": {"width": 1}},
                hoverinfo="skip",
                legendrank=1,
            ),
        ],
        layout=go.Layout(
            geo={
                "scope": "usa",
                "projection": {"type": "albers usa"},
                "fitbounds": "locations",
                "visible": False,
                "bgcolor": clear,
            },
            title={"text": "x", "subtitle": {"text": "y"}, "font": {"size": 15}},
            legend={"orientation": "v", "font": {"size": 12}, "bgcolor": clear},
            margin={"l": 0, "r": 0, "t": 40, "b": 0},
            uirevision="warm",
        ),
    )
    fig.to_json()


def database_file(path: Path | None = None) -> int:
    """Read the database file once, so the operating system has it cached; bytes read.

    Reading only: the app's own read-only connection is opened through its cache (see
    landing_page), so the file is never opened for writing or locked here.
    """
    path = settings.db_path() if path is None else path
    if not path.is_file():
        return 0
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            size += len(chunk)
    return size


def before_start(plan: ModulePlan) -> None:
    """Everything that needs no Streamlit runtime: libraries, Plotly's classes, the file cache."""
    import_modules(plan.before_runtime)
    plotly_classes()
    database_file()


def landing_page(plan: ModulePlan) -> bool:
    """Fill the cache entries the landing page (the Atlas, whole country, no URL parameters)
    reads on its first load: the same cached functions, with the same arguments.

    Needs a running Streamlit runtime (st.cache_data keeps its entries there). False when the
    database has not been built, so there is nothing to warm.
    """
    import_modules(plan.with_runtime)
    from ui import cache
    from ui.atlas_controls import default_view
    from ui.db import db_key

    db = db_key()
    if db is None:
        return False
    cache.states(db)
    _national_view(db, default_view(cache.measures(db)))
    return True


def other_measures() -> int:
    """Cache the national map of every measure but the landing page's, so a visitor's first
    switch of measure is as quick as the next ones (about 0.1 s of server work each, done once
    per server, each while no visitor is being served); how many. Call after landing_page."""
    from ui import cache
    from ui.atlas_controls import default_view
    from ui.db import db_key

    db = db_key()
    if db is None:
        return 0
    catalogue = cache.measures(db)
    view = default_view(catalogue)
    others = [metric_id for metric_id in catalogue if metric_id != view.metric_id]
    for metric_id in others:
        activity.wait_until_idle()  # a visitor's page first
        # What the page asks for after a switch: the measure's default year, same options.
        year = int(catalogue[metric_id].default_year)
        _national_view(db, replace(view, metric_id=metric_id, year=year))
    return len(others)


def hubs_small_maps() -> int:
    """Cache the Hubs page's small maps for every measure it offers (about 0.3 s a measure), so
    opening that page or choosing another measure there builds no map; how many. Call after
    landing_page."""
    from ui import cache
    from ui.db import db_key
    from ui.hubs_render import small_map, small_map_measures

    db = db_key()
    if db is None:
        return 0
    metros = list(cache.group_metros(db).itertuples())
    count = 0
    for measure in small_map_measures(cache.measures(db)):
        for metro in metros:
            activity.wait_until_idle()  # a visitor's page first
            small_map(db, measure, metro)
            count += 1
    return count


def _national_view(db: DbKey, view: AtlasView) -> None:
    """The cached values, headline figures and map of one Atlas view of the whole country."""
    from ui import cache

    states: tuple[str, ...] = ()  # the sidebar's filter starts empty: the whole country
    cache.county_values(db, view.metric_id, view.year, states)
    cache.headline(db, view.metric_id, view.year, states)
    cache.atlas_view_map(db, view, states)
