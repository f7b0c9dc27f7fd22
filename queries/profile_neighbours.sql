-- profile_neighbours: the counties whose representative point lies within $radius_km of a
-- county's point (the county itself included), with one measure, for the small place map.
-- $fips       5-character county FIPS
-- $radius_km  search radius in kilometres
-- $metric_id  the measure to colour the small map by
-- $year       its year
with place as (
    select lon, lat from counties where fips = $fips
),

near as (
    select
        counties.fips,
        counties.full_name,
        counties.state_abbr,
        counties.lon,
        counties.lat,
        2 * 6371.0088 * asin(sqrt(
            pow(sin(radians(counties.lat - place.lat) / 2), 2)
            + cos(radians(place.lat)) * cos(radians(counties.lat))
            * pow(sin(radians(counties.lon - place.lon) / 2), 2)
        )) as distance_km
    from counties
    cross join place
    where counties.lat is not null
)

select
    near.fips,
    near.full_name,
    near.state_abbr,
    near.lon,
    near.lat,
    near.distance_km,
    county_values.value,
    coalesce(county_values.status, 'not_available') as status
from near
left join county_values
    on county_values.fips = near.fips
   and county_values.metric_id = $metric_id
   and county_values.year = $year
where near.distance_km <= $radius_km
order by near.distance_km
