"""Sections of the About page: provenance, definitions, caveats, how to rebuild."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import settings
from ui import render
from ui.pagedata.catalogue import Measure, grouped_ids

CAVEATS = """
- **Suppressed is not zero.** Agencies withhold figures to protect confidentiality (BEA `(D)`,
  QCEW non-disclosure, IPEDS negative codes). The Atlas shows them as *Suppressed* (grey on maps)
  and leaves them out of sums and ranks; state and national sums therefore add up to less than
  the agencies' own totals.
- **Margins of error.** ACS 5-year figures are survey estimates with 90% margins of error; for
  small counties the margin can be as large as the difference between two counties. The profile
  table keeps the margin where the Census Bureau publishes it.
- **Connecticut.** Since 2022 Census, BLS and OMB use 9 planning regions; BEA (to 2022) and QCEW
  still report the 8 former counties, which do not nest in the regions. For those measures the
  planning regions show *No data*, while state and national totals keep the former-county
  figures.
- **Virginia and Hawaii.** BEA combines most Virginia independent cities with a neighbouring
  county (e.g. Albemarle + Charlottesville) and Maui with Kalawao. Each member county shows the
  combined area's value with a note, and sums count the area once.
- **Training.** IPEDS lists institutions that take part in federal student aid; coding bootcamps
  and most short non-credit programmes are not in it, and awards by field (IPEDS Completions)
  were not available. TechHire communities were compiled from public pages (66 of about 72).
- **Community colleges.** A community college is a public college that mainly awards associate
  degrees and certificates: IPEDS sector 4 (public 2-year), or a public college in IPEDS
  institutional category 3 or 4 (degree-granting, not primarily baccalaureate). IPEDS files
  colleges that award a few bachelor's degrees (e.g. Dallas College, Miami Dade College, Seattle
  Central College) as public 4-year, so sector 4 alone would miss about 230 of them; the rule
  also takes in a few universities that award mostly associate degrees (e.g. Utah Valley, Weber
  State). Training deserts and the nearest college use community colleges; the measure "Public
  two-year colleges" stays IPEDS sector 4.
- **Distances** are great-circle kilometres from each county's representative point (a point
  inside the county), not drive times.
"""


def provenance(frame: pd.DataFrame) -> None:
    """Every source file loaded, with checksum and row counts."""
    st.subheader("Where every number comes from")
    st.dataframe(
        frame.rename(
            columns={
                "agency": "Agency",
                "table_name": "Table",
                "vintage": "Vintage",
                "file_name": "File",
                "sha256": "SHA-256",
                "rows_read": "Rows read",
                "rows_loaded": "Rows loaded",
                "rows_suppressed": "Rows suppressed",
                "source_id": "Source id",
            }
        ),
        hide_index=True,
        column_config={"SHA-256": st.column_config.TextColumn(width="small")},
    )
    render.csv_download(
        "Download the provenance table (CSV)",
        frame.to_csv(index=False).encode("utf-8"),
        file_name="provenance.csv",
        key="about_download_provenance",
    )


def definitions(catalogue: dict[str, Measure]) -> None:
    """Every measure: theme, definition, formula, unit, source, vintage and years."""
    st.subheader("Every measure, defined")
    rows = [
        {
            "Theme": m.theme_label,
            "Measure": m.label,
            "Definition": m.definition,
            "Formula": m.formula,
            "Unit": m.unit,
            "Source": m.source,
            "Vintage": m.vintage,
            "Years": m.years_text,
            "Id": m.metric_id,
        }
        for m in (catalogue[i] for i in grouped_ids(catalogue))
    ]
    table = pd.DataFrame(rows)
    st.dataframe(
        table,
        hide_index=True,
        column_config={"Definition": st.column_config.TextColumn(width="large")},
    )
    render.csv_download(
        "Download the definitions (CSV)",
        table.to_csv(index=False).encode("utf-8"),
        file_name="definitions.csv",
        key="about_download_definitions",
    )


def caveats() -> None:
    """What to keep in mind when reading the figures."""
    st.subheader("Caveats")
    st.markdown(CAVEATS)


def rebuild() -> None:
    """How the database is rebuilt from the official files."""
    st.subheader("Rebuild the data")
    st.markdown(
        "The database is built from the official files, read-only, in "
        f"`{settings.sources_dir()}`:\n\n"
        "```bash\n.venv/bin/python -m queries build     # writes data/atlas.duckdb\n"
        ".venv/bin/python -m queries summary   # row counts and checks\n```\n\n"
        "`bash run.sh` sets up, builds if missing and starts the app."
    )
