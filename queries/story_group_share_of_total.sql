-- story_group_share_of_total: the share of a count measure's national figure, in its latest year,
-- that lies in the counties of one metro group.
-- The national figure is the agency's own (national_values) where the build stored one, because
-- county sums miss suppressed counties; otherwise the sum over every reporting area.
-- $metric_id  a summable measure, e.g. 'tech_jobs', 'some_college_no_degree'
-- $group_id   'coastal_hubs' or 'heartland_cities'
with latest as (
    select max(year) as year
    from county_values
    where metric_id = $metric_id
      and status = 'ok'
),

group_counties as (
    select distinct counties.fips
    from counties
    inner join metro_groups on metro_groups.cbsa_code = counties.cbsa_code
    where metro_groups.group_id = $group_id
),

-- one row per reporting area, so a combined area (BEA's Virginia cities) counts once
areas as (
    select
        county_values.area_fips,
        max(county_values.value) as value,
        bool_or(county_values.fips in (select fips from group_counties)) as in_group
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
        sum(value) filter (where in_group)
        / coalesce((select max(value) from national), sum(value)) as value,
        '.0%' as value_format
    from areas
)

select * from final
