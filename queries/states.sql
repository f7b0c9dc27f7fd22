-- States, DC and Puerto Rico. No parameters.
select *
from states
order by state_fips
