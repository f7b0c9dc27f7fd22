-- Hub and heartland metro groups from data/metro_groups.csv, with their counties.
-- No parameters.
select g.group_id, g.group_label, g.cbsa_code, g.metro_label, g.cbsa_title, c.fips
from metro_groups g
join counties c using (cbsa_code)
order by g.group_id, g.cbsa_code, c.fips
