-- story_share_without_college: the share of a count measure (in its latest year) that lives in
-- counties of the 50 states and DC with no active community college (public, IPEDS sector 4 or
-- INSTCAT 3/4) of their own.
-- $metric_id  a summable measure, e.g. 'some_college_no_degree'
with latest as (
    select max(year) as year
    from county_values
    where metric_id = $metric_id
      and status = 'ok'
),

with_college as (
    select distinct fips
    from institutions
    where is_community_college
      and is_active
      and fips is not null
),

county_rows as (
    select county_values.fips, county_values.value
    from county_values
    inner join latest on county_values.year = latest.year
    inner join counties on counties.fips = county_values.fips
    inner join states on states.state_fips = counties.state_fips
    where county_values.metric_id = $metric_id
      and county_values.status = 'ok'
      and states.is_state_or_dc
),

final as (
    select
        sum(value) filter (where fips not in (select fips from with_college))
        / sum(value) as value,
        '.0%' as value_format
    from county_rows
)

select * from final
