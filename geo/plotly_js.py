"""The plotly.js file the browser draws maps with, served from static/vendor/.

The Atlas draws only choropleth and scattergeo traces. plotly.js publishes a geo-only build
(`plotly.js-geo-dist-min` on the npm registry) of 1.4 MB against 4.8 MB for the full bundle,
so the browser downloads, parses and compiles a third as much before the first map. Setup
fetches it once, pinned by version and checked against the registry's sha512 digest; the app
never goes online. When it is missing, or its version is not the plotly.js version of the
installed plotly package (the figures are written for that version), the full bundle that
ships inside the plotly package is served instead.

`python -m geo.plotly_js [--static DIR]` fetches the geo build (used by scripts/setup.sh).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import sys
import tarfile
import urllib.error
import urllib.request
from pathlib import Path

import plotly
from plotly.offline import get_plotlyjs_version

import settings

GEO_VERSION = "4.1.1"
GEO_TARBALL = (
    f"https://registry.npmjs.org/plotly.js-geo-dist-min/-/plotly.js-geo-dist-min-{GEO_VERSION}.tgz"
)
# The registry's `dist.integrity` of that tarball.
GEO_SHA512 = (
    "XPBno+FN2WGUTqtim/0UKmKqZ3kZ5ooAWqITWWGooqVWRd+cIZDh1Pv10N3848uQdgrrqyGratT00bREBPux3Q=="
)
GEO_MEMBER = "package/plotly-geo.min.js"
FULL_BUNDLE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
VENDOR = "vendor"


def geo_name(version: str = GEO_VERSION) -> str:
    """File name of the geo-only build in static/vendor."""
    return f"plotly-geo-{version}.min.js"


def full_name(version: str | None = None) -> str:
    """File name of the full bundle in static/vendor."""
    return f"plotly-{version or get_plotlyjs_version()}.min.js"


def served_bundle(static_dir: Path) -> str:
    """The vendor file the page should load (relative to static/): the geo build when it is
    there and matches the plotly package, else the full bundle, copied in when missing."""
    vendor = static_dir / VENDOR
    if get_plotlyjs_version() == GEO_VERSION and (vendor / geo_name()).is_file():
        return f"{VENDOR}/{geo_name()}"
    target = vendor / full_name()
    if not target.is_file() or target.stat().st_size != FULL_BUNDLE.stat().st_size:
        _write_atomically(target, FULL_BUNDLE.read_bytes())
    return f"{VENDOR}/{full_name()}"


def install_geo_bundle(tarball: bytes, static_dir: Path) -> Path:
    """Check `tarball` against the pinned digest and write its geo build into static/vendor."""
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if digest != GEO_SHA512:
        raise ValueError(f"{GEO_TARBALL}: sha512 {digest[:16]}... is not the pinned digest")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        try:
            member = archive.extractfile(GEO_MEMBER)
        except KeyError:
            member = None
        if member is None:
            raise ValueError(f"{GEO_TARBALL}: no {GEO_MEMBER} in the archive")
        script = member.read()
    target = static_dir / VENDOR / geo_name()
    _write_atomically(target, script)
    return target


def fetch_geo_bundle(static_dir: Path, timeout_s: float = 60.0) -> Path:
    """Download the pinned geo build from the npm registry into static/vendor (once)."""
    target = static_dir / VENDOR / geo_name()
    if target.is_file():
        return target
    with urllib.request.urlopen(GEO_TARBALL, timeout=timeout_s) as response:  # noqa: S310
        return install_geo_bundle(response.read(), static_dir)


def _write_atomically(target: Path, content: bytes) -> None:
    """Write via a temporary file, so a browser never gets half a script."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(content)
    partial.replace(target)


def main(argv: list[str] | None = None) -> int:
    """Fetch the geo build; on failure say so and leave the full bundle to be served."""
    parser = argparse.ArgumentParser(prog="python -m geo.plotly_js", description=__doc__)
    parser.add_argument("--static", type=Path, default=settings.static_dir())
    args = parser.parse_args(argv)
    try:
        path = fetch_geo_bundle(args.static)
    except (OSError, urllib.error.URLError, ValueError, tarfile.TarError) as exc:
        print(f"geo-only plotly.js not installed ({exc}); the full bundle will be served")
        return 0
    print(f"plotly.js geo build: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
