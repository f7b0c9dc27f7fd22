-- Every 2023 county or equivalent on the map (50 states, DC, PR), with its metro and a point inside it.
-- No parameters.
select *
from counties
order by fips
