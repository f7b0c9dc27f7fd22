-- profile_county: the county row for one FIPS (names, state, metro, rural-urban code, point).
-- $fips  5-character county FIPS
select *
from counties
where fips = $fips
