-- profile_values: every measure for one county at the measure's default year, with its national
-- and within-state percentile among counties that have a value (100 = highest).
-- $fips  5-character county FIPS
with latest as (
    select
        county_values.metric_id,
        county_values.fips,
        county_values.value,
        county_values.moe,
        county_values.status,
        county_values.note,
        county_values.year,
        counties.state_abbr
    from county_values
    inner join metrics
        on metrics.metric_id = county_values.metric_id
       and metrics.default_year = county_values.year
    inner join counties on counties.fips = county_values.fips
),

ranked as (
    select
        *,
        case when value is not null then 100.0 * percent_rank() over (
            partition by metric_id, value is not null order by value
        ) end as national_percentile,
        case when value is not null then 100.0 * percent_rank() over (
            partition by metric_id, state_abbr, value is not null order by value
        ) end as state_percentile
    from latest
),

final as (
    select
        metrics.metric_id,
        metrics.label,
        metrics.theme,
        metrics.value_format,
        metrics.source,
        metrics.vintage,
        metrics.sort_order,
        ranked.year,
        ranked.value,
        ranked.moe,
        coalesce(ranked.status, 'not_available') as status,
        ranked.note,
        ranked.national_percentile,
        ranked.state_percentile
    from metrics
    left join ranked on ranked.metric_id = metrics.metric_id and ranked.fips = $fips
)

select * from final
order by sort_order, metric_id
