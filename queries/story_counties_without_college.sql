-- story_counties_without_college: how many counties of the 50 states and DC have no active
-- community college (public, IPEDS sector 4 or INSTCAT 3/4) inside their borders.
-- (no parameters)
with county_set as (
    select counties.fips
    from counties
    inner join states on states.state_fips = counties.state_fips
    where states.is_state_or_dc
),

with_college as (
    select distinct fips
    from institutions
    where is_community_college
      and is_active
      and fips is not null
),

final as (
    select count(*) as value, ',d' as value_format
    from county_set
    where fips not in (select fips from with_college)
)

select * from final
