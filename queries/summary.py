"""National summary of the built database: per measure, coverage and national totals."""

from __future__ import annotations

import duckdb

SUMMARY_SQL = """
with latest as (
    select metric_id, coalesce(default_year, (
        select max(year) from county_values v where v.metric_id = m.metric_id)) as year,
        kind, vintage
    from metrics m
), cov as (
    select l.metric_id, count(*) filter (where v.status = 'ok') as with_value,
           count(*) filter (where v.status = 'suppressed') as suppressed
    from latest l left join county_values v on v.metric_id = l.metric_id and v.year = l.year
    group by l.metric_id
), per_area as (
    -- One row per reporting area, so combined areas are counted once.
    select distinct v.metric_id, v.area_fips, v.value
    from county_values v join latest l on l.metric_id = v.metric_id and l.year = v.year
    where v.status = 'ok' and left(v.fips, 2) <> '72'
    union all
    select s.metric_id, s.area_fips, s.value
    from source_area_values s join latest l on l.metric_id = s.metric_id and l.year = s.year
    where s.status = 'ok' and s.area_fips between '09001' and '09015'
), totals as (
    select metric_id, sum(value) as total from per_area group by metric_id
)
select l.metric_id, l.year, l.vintage, l.kind, c.with_value, c.suppressed,
       case when l.kind = 'count' then t.total end as national_total, n.value as agency_national
from latest l join cov c using (metric_id)
left join totals t using (metric_id)
left join national_values n on n.metric_id = l.metric_id and n.year = l.year
order by l.metric_id
"""


def summarise(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, object]]:
    """Per metric: year, vintage, counties with a value or suppressed, and the national total."""
    out: dict[str, dict[str, object]] = {}
    for mid, year, vintage, kind, with_value, suppressed, total, agency in con.execute(
        SUMMARY_SQL
    ).fetchall():
        entry: dict[str, object] = {
            "year": year,
            "vintage": vintage,
            "counties_with_value": with_value,
            "counties_suppressed": suppressed,
        }
        if kind == "count":
            entry["national_total_50_states_dc"] = round(total) if total is not None else None
            if agency is not None:
                entry["agency_national_figure"] = round(agency)
        out[mid] = entry
    return out
