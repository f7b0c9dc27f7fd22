-- TechHire communities matched to 2023 counties. $path: techhire_communities.csv;
-- $rules_path: data/techhire_matches.csv (hand-kept county lists for county and region rows);
-- xl_list2: OMB 2023 principal cities.
create or replace temp table th_raw as
select * from read_csv($path, all_varchar = true, header = true);

create or replace temp table th_rules as
select * from read_csv($rules_path, all_varchar = true, header = true);

create or replace temp table principal_cities as
select
    p."CBSA Code" as cbsa_code,
    p."Principal City Name" as city,
    s.state_abbr,
    -- "Nashville-Davidson metropolitan government (balance)" -> "Nashville"
    trim(regexp_replace(
        split_part(split_part(regexp_replace(p."Principal City Name", ' \(balance\)$', ''), '/', 1), '-', 1),
        ' city$', '')) as short_name
from xl_list2 p
join states s on s.state_fips = p."FIPS State Code"
where p."CBSA Code" is not null and p."Principal City Name" is not null;

create or replace temp table th_city_cbsa as
select t.community_name, t.state, any_value(p.cbsa_code order by (p.city = t.community_name) desc) as cbsa_code
from th_raw t
join principal_cities p
  on p.state_abbr = t.state and (p.city = t.community_name or p.short_name = t.community_name)
where t.geography_type = 'city'
group by t.community_name, t.state;

insert into techhire_communities
select t.community_name, t.state, t.geography_type, t.announcement_wave, c.fips, c.cbsa_code,
       t.community_name || ' is a principal city of ' || b.cbsa_title
       || ' (OMB 2023 list 2): every county of that metro'
from th_raw t
join th_city_cbsa m using (community_name, state)
join cbsas b on b.cbsa_code = m.cbsa_code
join counties c on c.cbsa_code = m.cbsa_code
where t.geography_type = 'city'
union all
select t.community_name, t.state, t.geography_type, t.announcement_wave, c.fips, c.cbsa_code,
       'Statewide community: every county of ' || c.state_name
from th_raw t
join counties c on c.state_abbr = t.state
where t.geography_type in ('state', 'territory')
union all
select t.community_name, t.state, t.geography_type, t.announcement_wave, c.fips, c.cbsa_code,
       r.match_rule
from th_raw t
join th_rules r on r.community_name = t.community_name and r.state = t.state
join counties c on c.fips = r.fips
where t.geography_type in ('county', 'region');
