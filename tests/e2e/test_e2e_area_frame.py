"""Small place and metro maps show their counties whole, in a real Chromium."""

from __future__ import annotations

import pytest

from tests.e2e.browser_page import BrowserPage

PLACE_MAP = "[class*='st-key-place_map']"

# County shapes that reach the map's clip rectangle. plotly.js clips shapes to the frame
# geometrically, so a county cut by the frame ends exactly on its edge, while a whole county keeps
# the frame's margin. State borders (a separate, clipped trace) are left out.
CUT_COUNTIES = """(sel) => {
  const gd = document.querySelector(sel + ' .js-plotly-plot');
  const svg = gd.querySelector('svg.main-svg').getBoundingClientRect();
  const clip = gd.querySelector('clipPath[id$="geo"] rect');
  const x0 = svg.x + Number(clip.getAttribute('x')), y0 = svg.y + Number(clip.getAttribute('y'));
  const x1 = x0 + Number(clip.getAttribute('width')), y1 = y0 + Number(clip.getAttribute('height'));
  const layers = gd.querySelectorAll('.trace.choropleth');
  const counties = gd._fullData.filter(t => t.type === 'choropleth')
    .map((t, i) => String(t.geojson).includes('counties') ? layers[i] : null)
    .filter(layer => layer !== null);
  const cut = [];
  let shapes = 0;
  for (const layer of counties) {
    for (const p of layer.querySelectorAll('.choroplethlocation')) {
      shapes += 1;
      const r = p.getBoundingClientRect();
      const gaps = [r.left - x0, r.top - y0, x1 - r.right, y1 - r.bottom].map(Math.round);
      if (Math.min(...gaps) < 2) cut.push(gaps);
    }
  }
  return {shapes, cut};
}"""


@pytest.mark.parametrize(
    "path",
    [
        "place?place_fips=32023",  # Nye County, NV: 47,000 km2, far wider than its point's pad
        "place?place_fips=02290",  # Yukon-Koyukuk Census Area, AK
        "place?place_fips=20209",  # Wyandotte County, KS: a small county among many neighbours
        "place?place_cbsa=29820",  # Las Vegas metro: Clark County alone
    ],
)
def test_small_map_shows_every_county_whole(atlas: BrowserPage, path: str) -> None:
    atlas.open(path, wait_map=False)
    atlas.wait_for_map(min_paths=1, within=PLACE_MAP)

    seen = atlas.page.evaluate(CUT_COUNTIES, PLACE_MAP)

    assert seen["shapes"] >= 1
    # Each entry: a shape's gap (px) to the left, top, right and bottom edge of the map.
    assert not seen["cut"], (
        f"{len(seen['cut'])} county shapes run past the map's edge: {seen['cut']}"
    )


def test_hubs_small_maps_show_every_county_whole(atlas: BrowserPage) -> None:
    # Los Angeles, Seattle, Boston and New York: big or spread-out counties on the first tab.
    atlas.open("hubs", wait_map=False)
    cut = {}
    for code in ("31080", "42660", "14460", "35620"):
        small_map = f"[class*='st-key-hubs_small_{code}']"
        atlas.wait_for_map(min_paths=1, within=small_map)
        seen = atlas.page.evaluate(CUT_COUNTIES, small_map)
        assert seen["shapes"] >= 1
        if seen["cut"]:
            cut[code] = seen["cut"]
    assert not cut, f"county shapes run into the edge of metro maps: {cut}"
