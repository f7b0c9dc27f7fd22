"""Hubs vs heartland: measures aggregated over metro groups, chosen metros or two counties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from queries.runner import run_query
from ui.fmt import format_value
from ui.pagedata.catalogue import Measure

# The measures the comparison leads with, when the catalogue has them (in this order).
HEADLINE_MEASURES = [
    "tech_jobs",
    "tech_share",
    "tech_avg_pay",
    "job_growth_2010_2022",
    "some_college_no_degree",
    "some_college_share",
    "some_college_per_tech_job",
    "institutions_per_100k_adults",
    "unemployment_rate",
    "median_household_income",
]
SERIES_METRIC = "total_jobs"
GROWTH_START, GROWTH_END = 2010, 2022
PER_TECH_JOB = "some_college_per_tech_job"


@dataclass(frozen=True)
class Area:
    """A set of counties compared as one: a metro group, a metro or a county."""

    area_id: str
    label: str
    fips: tuple[str, ...]


def group_areas(con: duckdb.DuckDBPyConnection, states: tuple[str, ...]) -> list[Area]:
    """The metro groups (coastal hubs, heartland cities) as areas, cut to the states in view."""
    frame = run_query(con, "hubs_groups")
    if states:
        frame = frame[frame["state_abbr"].isin(states) | frame["fips"].isna()]
    areas = []
    for (group_id, label), part in frame.groupby(["group_id", "group_label"], sort=False):
        areas.append(Area(group_id, label, tuple(part["fips"].dropna())))
    return areas


def group_metros(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per metro in a group: group, CBSA code, short label, title."""
    frame = run_query(con, "hubs_groups")
    cols = ["group_id", "group_label", "cbsa_code", "metro_label", "cbsa_title"]
    return frame[cols].drop_duplicates().reset_index(drop=True)


def cbsa_members(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every CBSA with its member counties."""
    return run_query(con, "hubs_cbsa_members")


def metro_areas(
    members: pd.DataFrame, cbsa_codes: Sequence[str], states: tuple[str, ...]
) -> list[Area]:
    """Chosen metros as areas, each cut to the states in view."""
    areas = []
    for code in cbsa_codes:
        part = members[members["cbsa_code"] == code]
        if states:
            part = part[part["state_abbr"].isin(states)]
        title = members.loc[members["cbsa_code"] == code, "cbsa_title"]
        label = str(title.iloc[0]) if len(title) else code
        areas.append(Area(code, label, tuple(part["fips"])))
    return areas


def _memberships(areas: Sequence[Area]) -> tuple[list[str], list[str]]:
    ids = [a.area_id for a in areas for _ in a.fips]
    fips = [f for a in areas for f in a.fips]
    return ids, fips


def area_values(con: duckdb.DuckDBPyConnection, areas: Sequence[Area]) -> pd.DataFrame:
    """Every measure aggregated over each area (long: area_id, metric_id, value, aggregation)."""
    ids, fips = _memberships(areas)
    frame = run_query(con, "hubs_area_values", area_ids=ids, area_fips=fips)
    # Some-college adults per tech job, derived from the two sums when the build has no measure.
    wide = frame.pivot_table(index="area_id", columns="metric_id", values="value")
    if {"some_college_no_degree", "tech_jobs"} <= set(wide.columns) and PER_TECH_JOB not in set(
        frame["metric_id"]
    ):
        per_job = (wide["some_college_no_degree"] / wide["tech_jobs"]).rename("value")
        extra = per_job.reset_index().assign(
            metric_id=PER_TECH_JOB,
            aggregation="sum of some-college adults / sum of tech jobs",
            counties=pd.NA,
            counties_ok=pd.NA,
            counties_suppressed=pd.NA,
        )
        frame = pd.concat([frame, extra[frame.columns]], ignore_index=True)
    return frame


def per_tech_job_measure(catalogue: dict[str, Measure]) -> Measure | None:
    """The derived 'some-college adults per tech job' measure, described like the others."""
    if PER_TECH_JOB in catalogue:
        return catalogue[PER_TECH_JOB]
    if "some_college_no_degree" not in catalogue or "tech_jobs" not in catalogue:
        return None
    sc, tj = catalogue["some_college_no_degree"], catalogue["tech_jobs"]
    return Measure(
        metric_id=PER_TECH_JOB,
        label="Some-college adults per tech job",
        theme="talent",
        unit="adults per job",
        value_format=",.1f",
        source=f"{sc.source}; {tj.source}",
        vintage=f"{sc.vintage}; {tj.vintage}",
        years_text="",
        default_year=sc.default_year,
        definition="Adults 25+ with some college but no degree, per tech job in the same place.",
        formula="some_college_no_degree / tech_jobs",
        higher_is_better=False,
        kind="rate",
        numerator_id="some_college_no_degree",
        denominator_id="tech_jobs",
        multiplier=1.0,
        diverging_midpoint=None,
        years=(),
    )


def comparison_table(
    values: pd.DataFrame, areas: Sequence[Area], measures: Sequence[Measure]
) -> pd.DataFrame:
    """One row per measure, one formatted column per area, plus source and aggregation."""
    # Two lookups built once, instead of filtering the long table once per measure (it runs on
    # every rerun of the Hubs page, three times).
    value_of = dict(
        zip(zip(values["metric_id"], values["area_id"], strict=True), values["value"], strict=True)
    )
    first = values.drop_duplicates("metric_id")
    how = dict(zip(first["metric_id"], first["aggregation"], strict=True))
    rows = []
    for measure in measures:
        row: dict[str, object] = {"Measure": measure.label}
        for area in areas:
            value = value_of.get((measure.metric_id, area.area_id))
            row[area.label] = format_value(value, measure.value_format)
        row["How areas are combined"] = (
            str(how[measure.metric_id]) if measure.metric_id in how else "—"
        )
        row["Source"] = f"{measure.source}, {measure.vintage}"
        rows.append(row)
    return pd.DataFrame(rows)


def comparison_csv(
    values: pd.DataFrame, areas: Sequence[Area], measures: Sequence[Measure]
) -> bytes:
    """The comparison as CSV with raw numbers, one row per (area, measure), source and vintage."""
    by_id = {m.metric_id: m for m in measures}
    labels = {a.area_id: a.label for a in areas}
    frame = values[values["metric_id"].isin(by_id)].copy()
    frame.insert(0, "area", frame["area_id"].map(labels))
    frame["measure"] = frame["metric_id"].map(lambda m: by_id[m].label)
    frame["source"] = frame["metric_id"].map(lambda m: by_id[m].source)
    frame["vintage"] = frame["metric_id"].map(lambda m: by_id[m].vintage)
    cols = [
        "area",
        "area_id",
        "measure",
        "metric_id",
        "value",
        "aggregation",
        "counties",
        "counties_suppressed",
        "source",
        "vintage",
    ]
    return frame[cols].to_csv(index=False).encode("utf-8")


def jobs_added(
    con: duckdb.DuckDBPyConnection,
    areas: Sequence[Area],
    metric_id: str = SERIES_METRIC,
    start: int = GROWTH_START,
    end: int = GROWTH_END,
) -> pd.DataFrame:
    """Per area: value at start and end, change, and its share of the national change."""
    series = area_series(con, areas, metric_id)
    national = run_query(
        con, "hubs_national_change", metric_id=metric_id, start_year=start, end_year=end
    ).iloc[0]
    rows = []
    for area in areas:
        part = series[series["area_id"] == area.area_id].set_index("year")["value"]
        first, last = part.get(start), part.get(end)
        change = None if first is None or last is None else float(last - first)
        share = None
        if change is not None and national["national_change"]:
            share = change / float(national["national_change"])
        rows.append(
            {
                "area_id": area.area_id,
                "area": area.label,
                "start": first,
                "end": last,
                "change": change,
                "share_of_national_change": share,
                "national_change": national["national_change"],
                "national_basis": national["basis"],
            }
        )
    return pd.DataFrame(rows)


def jobs_added_table(added: pd.DataFrame) -> pd.DataFrame:
    """Jobs added per area as users read it: area, jobs then and now, change, share of the US."""
    return pd.DataFrame(
        {
            "Area": added["area"],
            f"Jobs {GROWTH_START}": added["start"],
            f"Jobs {GROWTH_END}": added["end"],
            "Jobs added": added["change"],
            "Share of US jobs added": added["share_of_national_change"],
        }
    )


def area_series(
    con: duckdb.DuckDBPyConnection, areas: Sequence[Area], metric_id: str = SERIES_METRIC
) -> pd.DataFrame:
    """A summable measure per area and year (area_id, year, value)."""
    ids, fips = _memberships(areas)
    return run_query(con, "hubs_area_series", metric_id=metric_id, area_ids=ids, area_fips=fips)


def indexed(series: pd.DataFrame, base_year: int = GROWTH_START) -> pd.DataFrame:
    """The series rescaled so each area's base year is 100; areas without that year are dropped."""
    base = series[series["year"] == base_year].set_index("area_id")["value"]
    out = series[series["area_id"].isin(base.index)].copy()
    out["value"] = out["value"] / out["area_id"].map(base) * 100
    return out


def metro_county_values(
    con: duckdb.DuckDBPyConnection, metric_id: str, year: int, cbsa_codes: Sequence[str]
) -> pd.DataFrame:
    """Counties of the given metros with one measure's value, for the small maps."""
    return run_query(
        con, "hubs_metro_counties", metric_id=metric_id, year=year, cbsa_codes=list(cbsa_codes)
    )
