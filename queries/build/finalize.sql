-- Place area-level figures on 2023 counties. Combined areas give every member county the area's
-- value (area_fips names the area); areas that are not 2023 counties are kept in source_area_values.

-- Areas no source_areas row explains yet (former counties, unknown-county rows) get a rule, once
-- for each source that reports them.
insert into source_areas
select distinct on (s.source_id, s.area_fips)
    s.source_id, s.area_fips, s.area_name, null,
    case
        when s.area_fips between '09001' and '09015'
            then 'Connecticut former county: replaced by 9 planning regions in 2022 that do not nest in it. Kept for state and national totals'
        when s.area_fips like '__999'
            then 'QCEW "unknown or undefined" county within the state. Kept for state and national totals'
        when s.area_fips like '78%' then 'US Virgin Islands: outside the area the Atlas maps'
        when s.area_fips like '02%'
            then 'Former Alaska area, reported for early years only. Not on the 2023 map'
        else 'Reporting area that is not a 2023 county'
    end
from stage_values s
where s.source_id <> 'derived'
  and s.area_fips not in (select fips from counties)
  and s.area_fips not in (select area_fips from source_areas)
order by s.source_id, s.area_fips;

create or replace temp table area_map as
select area_fips, county_fips as fips, area_name
from source_areas
where county_fips is not null
union all
select fips, fips, null
from counties
where fips not in (select area_fips from source_areas where county_fips is not null);

insert into county_values
select
    s.metric_id, m.fips, s.year, s.value, s.moe, s.status,
    case
        when m.fips <> s.area_fips
            then concat_ws('. ', s.note, 'BEA reports ' || m.area_name || ' together (area ' || s.area_fips || ')')
        else s.note
    end,
    s.area_fips
from stage_values s
join area_map m on m.area_fips = s.area_fips
-- Stored in query order (measure, year, county) so a page's read touches few row groups.
order by s.metric_id, s.year, m.fips;

insert into source_area_values
select source_id, metric_id, area_fips, year, value, status
from stage_values
where area_fips not in (select area_fips from area_map);

-- Connecticut planning regions, for every measure and year reported by former county.
insert into county_values
select distinct
    v.metric_id, c.fips, v.year, null, null, 'not_available',
    'Reported for Connecticut''s 8 former counties, which the 2023 planning regions do not nest in. The state total includes them',
    c.fips
from source_area_values v
join counties c on c.state_fips = '09'
where v.area_fips between '09001' and '09015'
  and not exists (
      select 1 from county_values x
      where x.metric_id = v.metric_id and x.fips = c.fips and x.year = v.year
  );
