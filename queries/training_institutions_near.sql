-- training_institutions_near: active institutions within $radius_km of a point, nearest first,
-- with great-circle (haversine) distance.
-- $lon, $lat   the point (a county's representative point)
-- $radius_km   search radius in kilometres
with dist as (
    select
        institutions.*,
        2 * 6371.0088 * asin(sqrt(
            pow(sin(radians(institutions.lat - $lat) / 2), 2)
            + cos(radians($lat)) * cos(radians(institutions.lat))
            * pow(sin(radians(institutions.lon - $lon) / 2), 2)
        )) as distance_km
    from institutions
    where institutions.is_active
      and institutions.lat is not null
)

select
    unitid,
    name,
    city,
    state_abbr,
    fips,
    sector_label,
    level_label,
    highest_award_label,
    is_public_two_year,
    is_community_college,
    url,
    lon,
    lat,
    distance_km
from dist
where distance_km <= $radius_km
order by distance_km
