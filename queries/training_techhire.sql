-- training_techhire: TechHire communities (2015–2016) with the county each is matched to and
-- that county's representative point.
-- $states  list of state abbreviations; empty = the 50 states and DC (Puerto Rico only when named)
select
    techhire_communities.community_name,
    techhire_communities.state_abbr,
    techhire_communities.geography_type,
    techhire_communities.announcement_wave,
    techhire_communities.fips,
    techhire_communities.match_rule,
    counties.full_name as county,
    counties.lon,
    counties.lat
from techhire_communities
left join counties on counties.fips = techhire_communities.fips
where (len($states::varchar[]) = 0 and techhire_communities.state_abbr in (select state_abbr from states where is_state_or_dc))
   or list_contains($states::varchar[], techhire_communities.state_abbr)
order by techhire_communities.state_abbr, techhire_communities.community_name
