"""Which plotly.js the browser gets: the pinned geo-only build, checked, or the full bundle."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from geo import plotly_js


def tarball(files: dict[str, bytes]) -> bytes:
    """A gzipped tar archive holding `files` (name -> content), like an npm package."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def pin(monkeypatch: pytest.MonkeyPatch, archive: bytes) -> None:
    """Make `archive` the pinned tarball, as if the registry had published it."""
    digest = base64.b64encode(hashlib.sha512(archive).digest()).decode()
    monkeypatch.setattr(plotly_js, "GEO_SHA512", digest)


def test_a_tarball_that_is_not_the_pinned_one_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    archive = tarball({plotly_js.GEO_MEMBER: b"window.Plotly = {};"})
    with pytest.raises(ValueError, match="pinned digest"):
        plotly_js.install_geo_bundle(archive, tmp_path)
    assert not (tmp_path / "vendor").exists()


def test_the_pinned_tarball_installs_its_geo_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = b"/* plotly.js (geo - minified) */ window.Plotly = {};"
    archive = tarball({plotly_js.GEO_MEMBER: script, "package/README.md": b"readme"})
    pin(monkeypatch, archive)
    path = plotly_js.install_geo_bundle(archive, tmp_path)
    assert path == tmp_path / "vendor" / plotly_js.geo_name()
    assert path.read_bytes() == script
    assert not list((tmp_path / "vendor").glob("*.partial"))


def test_a_pinned_tarball_without_the_script_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tarball({"package/README.md": b"readme"})
    pin(monkeypatch, archive)
    with pytest.raises(ValueError, match="no package/plotly-geo.min.js"):
        plotly_js.install_geo_bundle(archive, tmp_path)


def test_without_the_geo_build_the_full_bundle_of_the_plotly_package_is_served(
    tmp_path: Path,
) -> None:
    served = plotly_js.served_bundle(tmp_path)
    assert served == f"vendor/{plotly_js.full_name()}"
    copied = tmp_path / served
    assert copied.read_bytes() == plotly_js.FULL_BUNDLE.read_bytes()


def test_the_geo_build_is_served_only_for_the_plotly_version_the_figures_are_written_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    geo = tmp_path / "vendor" / plotly_js.geo_name()
    geo.parent.mkdir(parents=True)
    geo.write_text("window.Plotly = {};")
    monkeypatch.setattr(plotly_js, "get_plotlyjs_version", lambda: plotly_js.GEO_VERSION)
    assert plotly_js.served_bundle(tmp_path) == f"vendor/{plotly_js.geo_name()}"
    monkeypatch.setattr(plotly_js, "get_plotlyjs_version", lambda: "9.9.9")
    assert plotly_js.served_bundle(tmp_path) == "vendor/plotly-9.9.9.min.js"
