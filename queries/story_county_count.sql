-- story_county_count: how many counties (and equivalents) the 50 states and DC have on the map.
-- (no parameters)
with county_set as (
    select counties.fips
    from counties
    inner join states on states.state_fips = counties.state_fips
    where states.is_state_or_dc
),

final as (
    select count(*) as value, ',d' as value_format
    from county_set
)

select * from final
