-- training_nearest_community_college: for every county in view, the nearest active community
-- college (institutions.is_community_college: public, IPEDS sector 4 or INSTCAT 3/4; anywhere,
-- across state lines) and the haversine distance from the county's representative point
-- (counties.lon/lat, a point inside the county). A county with a community college inside its
-- borders is 0 km from one (that college is its nearest): a large county's point can lie far
-- from the college in the county's main town.
-- $states  list of state abbreviations; empty = the 50 states and DC (Puerto Rico only when named)
with in_view as (
    select fips, full_name, state_abbr, lon, lat
    from counties
    where lat is not null
      and ((len($states::varchar[]) = 0 and state_abbr in (select state_abbr from states where is_state_or_dc)) or list_contains($states::varchar[], state_abbr))
),

colleges as (
    select unitid, name, city, state_abbr, fips, lon, lat
    from institutions
    where is_community_college
      and is_active
      and lat is not null
),

pairs as (
    select
        in_view.fips,
        colleges.name as college,
        colleges.city || ', ' || colleges.state_abbr as college_place,
        colleges.fips is not distinct from in_view.fips as in_county,
        2 * 6371.0088 * asin(sqrt(
            pow(sin(radians(colleges.lat - in_view.lat) / 2), 2)
            + cos(radians(in_view.lat)) * cos(radians(colleges.lat))
            * pow(sin(radians(colleges.lon - in_view.lon) / 2), 2)
        )) as point_km
    from in_view
    cross join colleges
),

ranked as (
    select
        *,
        case when in_county then 0.0 else point_km end as distance_km,
        -- A college in the county first, then the nearest to the county's point.
        [case when in_county then 0.0 else 1.0 end, point_km] as nearness
    from pairs
),

nearest as (
    select
        fips,
        arg_min(college, nearness) as nearest_college,
        arg_min(college_place, nearness) as nearest_college_place,
        min(distance_km) as distance_km
    from ranked
    group by fips
)

select
    in_view.fips,
    in_view.full_name,
    in_view.state_abbr,
    in_view.lon,
    in_view.lat,
    nearest.nearest_college,
    nearest.nearest_college_place,
    nearest.distance_km
from in_view
left join nearest on nearest.fips = in_view.fips
order by nearest.distance_km desc nulls first
