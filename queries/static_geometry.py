"""The map's prepared geometry (static/geo/), written from a freshly built database."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import duckdb

from queries.loaders.context import BuildContext

# The file every map draws; without it the app has data but no map.
PREPARED_COUNTIES = Path("geo") / "counties.json"


def geometry_missing(static_dir: Path) -> bool:
    """True when the prepared county geometry the map draws is not in `static_dir`."""
    return not (static_dir / PREPARED_COUNTIES).is_file()


def prepare_static_geometry(ctx: BuildContext, static_dir: Path | None, db_file: Path) -> None:
    """Call the map engine's boundary preparation when geo.prepare exists."""
    if static_dir is None:
        return
    try:
        module = importlib.import_module("geo.prepare")
    except ModuleNotFoundError:
        ctx.log("  geo.prepare not found: static geometry not written")
        return
    prepare = module.prepare_geometry
    params = inspect.signature(prepare).parameters
    con = duckdb.connect(str(db_file), read_only=True)
    try:
        groups: dict[str, list[str]] = {}
        for gid, code in con.execute("select group_id, cbsa_code from metro_groups").fetchall():
            groups.setdefault(gid, []).append(code)
    finally:
        con.close()
    kwargs: dict[str, object] = {}
    for name in params:
        if name.startswith("metro_cbsa"):
            kwargs[name] = groups
    if "db_path" in params:
        kwargs["db_path"] = db_file
    prepare(ctx.sources_dir, static_dir, **kwargs)
