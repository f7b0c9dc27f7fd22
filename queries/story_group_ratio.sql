-- story_group_ratio: one count measure divided by another over the counties of a metro group,
-- each in its latest year ("adults with some college per tech job in the heartland cities").
-- Only counties reported for both measures count, so suppressed cells do not skew the ratio.
-- $numerator_id    a summable measure, e.g. 'some_college_no_degree'
-- $denominator_id  a summable measure, e.g. 'tech_jobs'
-- $group_id        'coastal_hubs' or 'heartland_cities'
with latest as (
    select metric_id, max(year) as year
    from county_values
    where metric_id in ($numerator_id, $denominator_id)
      and status = 'ok'
    group by metric_id
),

group_counties as (
    select distinct counties.fips
    from counties
    inner join metro_groups on metro_groups.cbsa_code = counties.cbsa_code
    where metro_groups.group_id = $group_id
),

-- one row per reporting area and measure, so a combined area counts once
areas as (
    select
        county_values.area_fips,
        max(county_values.value) filter (where county_values.metric_id = $numerator_id)
            as numerator,
        max(county_values.value) filter (where county_values.metric_id = $denominator_id)
            as denominator
    from county_values
    inner join latest
        on county_values.metric_id = latest.metric_id
        and county_values.year = latest.year
    where county_values.status = 'ok'
      and county_values.fips in (select fips from group_counties)
    group by county_values.area_fips
),

final as (
    select sum(numerator) / nullif(sum(denominator), 0) as value, ',.1f' as value_format
    from areas
    where numerator is not null
      and denominator is not null
)

select * from final
