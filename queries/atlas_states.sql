-- atlas_states: states, DC and Puerto Rico for the state filter, in alphabetical order.
-- takes no parameters
select
    state_fips,
    state_abbr,
    state_name
from states
order by state_name
