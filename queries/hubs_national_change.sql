-- hubs_national_change: the national change in a summable measure between two years: the
-- agency's own national figure where stored, else the sum over every reporting area.
-- $metric_id   a summable metric_id
-- $start_year  first year
-- $end_year    last year
with national as (
    select
        max(value) filter (where year = $start_year) as start_value,
        max(value) filter (where year = $end_year) as end_value
    from national_values
    where metric_id = $metric_id
),

areas as (
    select
        area_fips,
        any_value(value) filter (where year = $start_year) as start_value,
        any_value(value) filter (where year = $end_year) as end_value
    from county_values
    where metric_id = $metric_id
      and status = 'ok'
      and year in ($start_year, $end_year)
    group by area_fips
),

final as (
    select
        coalesce(
            (select end_value - start_value from national),
            (select sum(end_value - start_value) from areas
             where start_value is not null and end_value is not null)
        ) as national_change,
        case when (select end_value - start_value from national) is not null
            then 'national figure' else 'sum of counties' end as basis
)

select * from final
