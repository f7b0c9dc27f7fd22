-- search_places: every place a user can search for: counties, metro/micro areas, and the cities
-- where IPEDS lists an institution (a city leads to the county it lies in).
-- takes no parameters
with county_rows as (
    select
        'county' as kind,
        fips as code,
        full_name as label,
        state_abbr,
        fips
    from counties
),

metro_rows as (
    select
        'metro' as kind,
        cbsa_code as code,
        cbsa_title || ' (' || lower(replace(cbsa_type, 'politan', 'politan area')) || ')' as label,
        null as state_abbr,
        null as fips
    from cbsas
),

city_rows as (
    select distinct
        'city' as kind,
        institutions.fips as code,
        institutions.city || ', ' || institutions.state_abbr || ' (in ' || counties.name || ')'
            as label,
        institutions.state_abbr,
        institutions.fips
    from institutions
    inner join counties on counties.fips = institutions.fips
    where institutions.city is not null
)

select * from county_rows
union all
select * from metro_rows
union all
select * from city_rows
