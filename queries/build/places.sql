-- States, CBSAs and the 2023 county set. Inputs: geo_points (from the TopoJSON), xl_population (ERS:
-- state names and abbreviations), xl_list1 (OMB 2023 list 1), and ACS county names in stage_values.
insert into states
select
    left(FIPStxt, 2), State, Area_Name, left(FIPStxt, 2) <> '72'
from xl_population
where FIPStxt like '__000' and FIPStxt <> '00000';

create or replace temp table omb_counties as
select
    "FIPS State Code" || "FIPS County Code" as fips,
    "CBSA Code" as cbsa_code,
    "CBSA Title" as cbsa_title,
    replace("Metropolitan/Micropolitan Statistical Area", ' Statistical Area', '') as cbsa_type,
    "Central/Outlying County" as central_outlying,
    "CSA Code" as csa_code,
    "CSA Title" as csa_title,
    "County/County Equivalent" as county_name,
    "State Name" as state_name
from xl_list1
where "FIPS County Code" is not null and "CBSA Code" is not null;

insert into cbsas
select cbsa_code, any_value(cbsa_title), any_value(cbsa_type), any_value(csa_code),
       any_value(csa_title)
from omb_counties
group by cbsa_code;

create or replace temp table acs_names as
select area_fips as fips, any_value(area_name) as full_name
from stage_values
where source_id = 'acs' and metric_id = 'population'
group by area_fips;

insert into counties
select
    g.fips,
    coalesce(split_part(a.full_name, ', ', 1), o.county_name, g.geo_name),
    coalesce(a.full_name, coalesce(o.county_name, g.geo_name) || ', ' || s.state_name),
    s.state_fips, s.state_abbr, s.state_name,
    o.cbsa_code, o.cbsa_title, o.cbsa_type, o.central_outlying, o.csa_code, o.csa_title,
    cast(r.rucc as integer),
    g.lon, g.lat, g.drawable
from geo_points g
join states s on s.state_fips = left(g.fips, 2)
left join acs_names a on a.fips = g.fips
left join omb_counties o on o.fips = g.fips
left join (
    select FIPStxt as fips, try_cast(Rural_Urban_Continuum_Code_2023 as double) as rucc
    from xl_population
) r on r.fips = g.fips;
