-- story_start_counties: the places to start: counties with a share of adults with some college
-- but no degree at or above the national share, fewer tech jobs per adult than the nation, and an
-- active community college (public, IPEDS sector 4 or INSTCAT 3/4) inside the county.
-- $measure 'counties' gives how many they are, 'adults' how many adults with some college but no
-- degree live in them.
-- Counties whose tech jobs are not disclosed are left out rather than guessed.
-- $measure    'counties' or 'adults'
-- $talent_id  adults with some college, no degree (count), e.g. 'some_college_no_degree'
-- $adults_id  all adults 25 and over (count), e.g. 'adults_25_plus'
-- $tech_id    tech jobs (count), e.g. 'tech_jobs'
with latest as (
    select metric_id, max(year) as year
    from county_values
    where metric_id in ($talent_id, $adults_id, $tech_id)
      and status = 'ok'
    group by metric_id
),

county_set as (
    select counties.fips
    from counties
    inner join states on states.state_fips = counties.state_fips
    where states.is_state_or_dc
),

wide as (
    select
        county_values.fips,
        max(county_values.value) filter (where county_values.metric_id = $talent_id) as talent,
        max(county_values.value) filter (where county_values.metric_id = $adults_id) as adults,
        max(county_values.value) filter (where county_values.metric_id = $tech_id) as tech
    from county_values
    inner join latest
        on county_values.metric_id = latest.metric_id
        and county_values.year = latest.year
    where county_values.status = 'ok'
      and county_values.fips in (select fips from county_set)
    group by county_values.fips
),

nation as (
    select
        sum(talent) filter (where talent is not null) / sum(adults) filter (where talent is not null)
            as talent_share,
        sum(tech) filter (where tech is not null) / sum(adults) filter (where tech is not null)
            as tech_per_adult
    from wide
),

with_college as (
    select distinct fips
    from institutions
    where is_community_college
      and is_active
      and fips is not null
),

start_here as (
    select wide.fips, wide.talent
    from wide
    cross join nation
    where wide.adults > 0
      and wide.talent / wide.adults >= nation.talent_share
      and wide.tech / wide.adults < nation.tech_per_adult
      and wide.fips in (select fips from with_college)
),

-- one row per figure the places to start give; $measure picks one
figures as (
    select 'counties' as measure, count(*) as value, ',d' as value_format
    from start_here
    union all
    select 'adults' as measure, sum(talent) as value, 's' as value_format
    from start_here
),

final as (
    select value, value_format
    from figures
    where measure = $measure
)

select * from final
