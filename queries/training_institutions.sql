-- training_institutions: active institutions in view, for the point layer and the table.
-- $states  list of state abbreviations; empty = the 50 states and DC (Puerto Rico only when named)
select
    unitid,
    name,
    city,
    state_abbr,
    fips,
    cbsa_code,
    lon,
    lat,
    sector,
    sector_label,
    level,
    level_label,
    control_label,
    highest_award_label,
    is_public_two_year,
    is_community_college,
    grants_certificates,
    url
from institutions
where is_active
  and lat is not null
  and ((len($states::varchar[]) = 0 and state_abbr in (select state_abbr from states where is_state_or_dc)) or list_contains($states::varchar[], state_abbr))
order by state_abbr, name
