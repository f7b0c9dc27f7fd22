-- hubs_cbsa_members: every CBSA with its member counties (for comparing any metros).
-- takes no parameters
select
    cbsas.cbsa_code,
    cbsas.cbsa_title,
    cbsas.cbsa_type,
    counties.fips,
    counties.state_abbr,
    counties.lon,
    counties.lat
from cbsas
inner join counties on counties.cbsa_code = cbsas.cbsa_code
order by cbsas.cbsa_title, counties.fips
