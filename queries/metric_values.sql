-- One row per 2023 county for one measure and year, including counties without a figure.
-- $metric_id: a metric_id from metrics; $year: a year the measure has (see metric_years.sql).
with wanted as (
    select metric_id, fips, value, moe, status, note, area_fips
    from county_values
    where metric_id = $metric_id and year = $year
),
final as (
    select
        c.fips,
        c.name,
        c.state_abbr,
        w.value,
        w.moe,
        coalesce(w.status, 'not_available') as status,
        case when w.status is null then 'No figure in the source for this county and year'
             else w.note end as note,
        coalesce(w.area_fips, c.fips) as area_fips
    from counties c
    left join wanted w using (fips)
)
select * from final
order by fips
