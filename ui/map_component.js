// The Atlas map in the page: one Plotly graph per component instance that stays mounted across
// reruns. A new figure is applied with Plotly.react, which recolours the counties in place,
// where st.plotly_chart would mount a new chart (its element id hashes the figure) and draw
// every county from scratch. Plotly itself is loaded once per page from the app's static folder.

const PLOTLY_KEY = "__atlasPlotly";

function loadPlotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window[PLOTLY_KEY]) {
    window[PLOTLY_KEY] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        window[PLOTLY_KEY] = null; // let a later render try again
        reject(new Error("could not load " + url));
      };
      document.head.appendChild(script);
    });
  }
  return window[PLOTLY_KEY];
}

// Files Plotly fetches only once plotly.js has loaded and its draw has begun: the GeoJSON a figure
// names by URL, and the base map. Fetched as soon as the figure arrives, they load alongside
// plotly.js instead. Plotly skips its own fetch for a file it finds in window.PlotlyGeoAssets.
const GEO_KEY = "__atlasGeo";

function geoFiles(figure, config) {
  const urls = new Set((figure.data || []).map((trace) => trace.geojson));
  const files = [...urls]
    .filter((url) => typeof url === "string")
    .map((url) => ({ url, put: (assets, json) => (assets[url] = assets[url] || json) }));
  const geo = (figure.layout || {}).geo;
  if (geo && config && config.topojsonURL) {
    // Plotly's name for the base map file, from the map's scope and resolution: usa_110m.
    const name = `${(geo.scope || "world").replace(/ /g, "-")}_${geo.resolution || 110}m`;
    const put = (assets, json) => (assets.topojson[name] = assets.topojson[name] || json);
    files.push({ url: config.topojsonURL + name + ".json", put });
  }
  return files;
}

function fetchGeo(url) {
  const fetched = (window[GEO_KEY] = window[GEO_KEY] || {});
  if (!fetched[url]) {
    fetched[url] = fetch(url)
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((json) => {
        if (json === null) delete fetched[url]; // Plotly's own fetch then reports the failure
        return json;
      });
  }
  return fetched[url];
}

// Waits for the figure's files and hands Plotly those that arrived.
function geoReady(figure, config) {
  const files = geoFiles(figure, config);
  return Promise.all(files.map((file) => fetchGeo(file.url))).then((jsons) => {
    const assets = (window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} });
    files.forEach((file, i) => jsons[i] && file.put(assets, jsons[i]));
  });
}

function graphDiv(parent, height) {
  let div = parent.querySelector(":scope > .atlas-map");
  if (!div) {
    div = document.createElement("div");
    div.className = "atlas-map";
    div.style.width = "100%";
    parent.appendChild(div);
  }
  // Reserve the map's height before Plotly has drawn, so the page does not jump.
  div.style.height = height;
  return div;
}

function listenOnce(div, Plotly) {
  if (div.__atlasListening) return;
  div.__atlasListening = true;
  div.on("plotly_click", (event) => {
    const state = div.__atlasState;
    if (!state || !state.clickable) return;
    const point = (event.points || []).find((p) => typeof p.location === "string");
    if (point) state.setTriggerValue("clicked", point.location);
  });
  // The column can change width without a window resize (sidebar opened or closed).
  new ResizeObserver(() => {
    // Set up after the first successful draw. Leaving the page hides or detaches the map
    // first: nothing to resize then.
    const shown = div.isConnected && getComputedStyle(div).display !== "none";
    if (shown) Plotly.Plots.resize(div).catch(() => {});
  }).observe(div);
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (data.preload) {
    // Mounted at the top of the page: fetch and compile Plotly while the server builds the map.
    loadPlotly(data.plotly_url).catch(() => {}); // the map itself reports a failure
    return undefined;
  }
  // A CSS height (e.g. the screen less the slide's title) overrides the figure's own height.
  const div = graphDiv(parentElement, data.css_height || (data.height || 600) + "px");
  div.__atlasState = { clickable: Boolean(data.clickable), setTriggerValue };
  if (div.__atlasWanted && div.__atlasWanted.figure === data.figure) {
    return cleanup(div); // a rerun that left the map alone
  }
  div.__atlasWanted = { ...data, parsed: JSON.parse(data.figure) };
  // Marks on the page's performance timeline, read by the benchmark (bench/app_bench.py).
  performance.mark("atlas-map:figure");
  geoFiles(div.__atlasWanted.parsed, data.config).forEach((file) => fetchGeo(file.url));
  loadPlotly(data.plotly_url)
    .then((Plotly) => {
      performance.mark("atlas-map:plotly-ready");
      draw(div, Plotly);
    })
    .catch((error) => {
      div.textContent = "The map could not be drawn: " + error.message;
    });
  return cleanup(div);
}

// One draw at a time per map: Plotly.react waits for the base map and geometry files, and a
// second react on the same graph meanwhile can leave the older figure on screen (or fail inside
// Plotly). When a draw ends and a newer figure has arrived, only the newest is drawn.
function draw(div, Plotly) {
  const wanted = div.__atlasWanted;
  if (div.__atlasBusy || !wanted || div.__atlasShown === wanted) return;
  div.__atlasBusy = true;
  const figure = wanted.parsed;
  const layout = figure.layout || {};
  if (wanted.css_height) delete layout.height;
  geoReady(figure, wanted.config)
    .then(() => Plotly.react(div, figure.data, layout, wanted.config))
    .then(() => {
      performance.mark("atlas-map:drawn");
      div.__atlasShown = wanted;
      listenOnce(div, Plotly);
    })
    .catch((error) => {
      div.__atlasShown = wanted; // do not retry the same figure forever
      // A map that left the page while it was drawing (purged by cleanup) is no failure.
      if (div.isConnected && div._fullLayout) console.error("Atlas map: " + error.message);
    })
    .finally(() => {
      div.__atlasBusy = false;
      draw(div, Plotly);
    });
}

function cleanup(div) {
  return () => {
    // Free Plotly's listeners only when the map has really left the page, whatever Streamlit's
    // reason for calling this.
    setTimeout(() => {
      if (!div.isConnected && window.Plotly) window.Plotly.purge(div);
    }, 0);
  };
}
