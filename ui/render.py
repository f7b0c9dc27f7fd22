"""Small rendering helpers the pages share: captions, headline figures, columns, CSV downloads."""

from __future__ import annotations

import re

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui.fmt import format_value
from ui.pagedata.atlas import Headline
from ui.pagedata.catalogue import Measure


def csv_download(
    label: str,
    data: bytes | str,
    *,
    file_name: str,
    key: str,
    where: DeltaGenerator | None = None,
) -> None:
    """A button that downloads `data` as a CSV file, drawn in `where` (default: the page)."""
    # The file is built with the page, not handed to Streamlit as a callable: a deferred
    # download was lost when the click came while a rerun was in flight (seen in Chromium).
    target = st if where is None else where
    target.download_button(
        label, data, file_name=file_name, mime="text/csv", key=key, icon=":material/download:"
    )


def measure_caption(measure: Measure, year: int) -> None:
    """One line under a title: the measure, its year, source and vintage (definition on hover)."""
    st.caption(
        f"**{measure.label}**, {year} · Source: {measure.source} ({measure.vintage})",
        help=measure.help_text(),
    )


def headline_metrics(headline: Headline, measure: Measure, where: str) -> None:
    """Four headline figures: total or aggregate rate, median, suppressed, no data."""
    cols = st.columns(4)
    if headline.total is not None:
        cols[0].metric(
            f"Total, {where}",
            format_value(headline.total, measure.value_format),
            help="Sum over the counties in view, each combined reporting area counted once. "
            "Suppressed counties are not in the sum.",
        )
    elif headline.aggregate_rate is not None:
        cols[0].metric(
            f"{where} as a whole",
            format_value(headline.aggregate_rate, measure.value_format),
            help=f"Sum of {measure.numerator_id} / sum of {measure.denominator_id}"
            + (f" × {measure.multiplier:,.0f}" if measure.multiplier not in (None, 1) else "")
            + ", over counties where both are published.",
        )
    else:
        cols[0].metric("Counties with a figure", f"{headline.counties_with_value:,}")
    cols[1].metric(
        "Median county",
        format_value(headline.median, measure.value_format),
        help="Half the counties with a figure are above this value, half below.",
    )
    cols[2].metric(
        "Counties suppressed",
        f"{headline.counties_suppressed:,}",
        help="The agency withheld the figure (e.g. to protect an employer's confidentiality). "
        "Shown in grey on the map, never as zero.",
    )
    cols[3].metric(
        "Counties with no data",
        f"{headline.counties_no_data:,}",
        help="No figure published for this place and year (e.g. Connecticut planning regions "
        "in BEA and QCEW data, which use the former counties).",
    )


def number_column(measure: Measure, label: str | None = None) -> st.column_config.NumberColumn:
    """A table column formatted like the measure (percent, dollars, counts)."""
    fmt = measure.value_format or ""
    match = re.search(r"\.(\d+)", fmt)
    digits = int(match.group(1)) if match else 0
    if fmt.endswith("%"):
        number_format = "percent"  # Streamlit shows 0.123 as 12.30%
    elif fmt.startswith("$"):
        number_format = "dollar"
    elif "," in fmt:
        number_format = "localized"
    else:
        number_format = f"%.{digits}f"
    return st.column_config.NumberColumn(
        label or measure.label, format=number_format, help=measure.help_text()
    )


def where_label(states: tuple[str, ...]) -> str:
    """'US', 'KS' or 'KS, MO' for headings."""
    return ", ".join(states) if states else "US"


def counties(n: int) -> str:
    """'1 county', '12 counties'."""
    return f"{n:,} county" if n == 1 else f"{n:,} counties"
