-- hubs_groups: the metro groups and the 2023 counties of each metro in them.
-- takes no parameters
select
    metro_groups.group_id,
    metro_groups.group_label,
    metro_groups.cbsa_code,
    metro_groups.metro_label,
    metro_groups.cbsa_title,
    counties.fips,
    counties.state_abbr
from metro_groups
left join counties on counties.cbsa_code = metro_groups.cbsa_code
order by metro_groups.group_id, metro_groups.cbsa_code, counties.fips
