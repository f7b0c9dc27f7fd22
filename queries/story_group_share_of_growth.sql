-- story_group_share_of_growth: the share of the national change in a count measure between
-- $start_year and its latest year that happened in the counties of one metro group
-- ("where the jobs created since 2010 went").
-- The national change is the agency's own national figures where stored, else the county sums.
-- $metric_id   a summable measure, e.g. 'total_jobs'
-- $group_id    'coastal_hubs' or 'heartland_cities'
-- $start_year  first year of the comparison
with span as (
    select
        min(year) filter (where year >= $start_year) as first_year,
        max(year) as last_year
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

-- one row per reporting area and year; only areas reported in both years count
areas as (
    select
        county_values.area_fips,
        max(county_values.value) filter (where county_values.year = span.first_year) as first_value,
        max(county_values.value) filter (where county_values.year = span.last_year) as last_value,
        bool_or(county_values.fips in (select fips from group_counties)) as in_group
    from county_values
    cross join span
    where county_values.metric_id = $metric_id
      and county_values.status = 'ok'
      and county_values.year in (span.first_year, span.last_year)
    group by county_values.area_fips
),

national as (
    select
        max(national_values.value) filter (where national_values.year = span.first_year) as first_value,
        max(national_values.value) filter (where national_values.year = span.last_year) as last_value
    from national_values
    cross join span
    where national_values.metric_id = $metric_id
),

final as (
    select
        sum(areas.last_value - areas.first_value) filter (where areas.in_group)
        / coalesce(
            (select last_value - first_value from national),
            sum(areas.last_value - areas.first_value)
        ) as value,
        '.0%' as value_format
    from areas
    where areas.first_value is not null
      and areas.last_value is not null
)

select * from final
