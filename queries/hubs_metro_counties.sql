-- hubs_metro_counties: the counties of some metros with one measure's value, for small maps.
-- $metric_id   a metric_id
-- $year        the year to show
-- $cbsa_codes  list of CBSA codes
select
    counties.cbsa_code,
    counties.fips,
    counties.full_name,
    counties.state_abbr,
    county_values.value,
    coalesce(county_values.status, 'not_available') as status,
    county_values.note
from counties
left join county_values
    on county_values.fips = counties.fips
   and county_values.metric_id = $metric_id
   and county_values.year = $year
where list_contains($cbsa_codes::varchar[], counties.cbsa_code)
order by counties.cbsa_code, counties.fips
