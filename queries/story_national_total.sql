-- story_national_total: a count measure for the whole country in its latest year: the agency's
-- national figure where the build stored one, else the sum over every reporting area.
-- $metric_id  a summable measure, e.g. 'some_college_no_degree'
with latest as (
    select max(year) as year
    from county_values
    where metric_id = $metric_id
      and status = 'ok'
),

areas as (
    select county_values.area_fips, max(county_values.value) as value
    from county_values
    inner join latest on county_values.year = latest.year
    where county_values.metric_id = $metric_id
      and county_values.status = 'ok'
    group by county_values.area_fips
),

national as (
    select national_values.value
    from national_values
    inner join latest on national_values.year = latest.year
    where national_values.metric_id = $metric_id
),

final as (
    select
        coalesce((select max(value) from national), (select sum(value) from areas)) as value,
        's' as value_format
)

select * from final
