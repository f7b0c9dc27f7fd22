-- ACS 2020-2024 5-year county tables: B15003, B01003, B19013, B23025, B17001.
-- $b15003 $b01003 $b19013 $b23025 $b17001: the data.census.gov CSV files (row 2 holds labels).
create or replace temp table acs_cells as
with files as (
    select 'B15003' as tbl, * from read_csv($b15003, all_varchar = true, header = true)
        unpivot (raw for col in (columns('^B15003_0(01|19|20)[EM]$')))
    union all by name
    select 'B01003' as tbl, * from read_csv($b01003, all_varchar = true, header = true)
        unpivot (raw for col in (columns('^B01003_001[EM]$')))
    union all by name
    select 'B19013' as tbl, * from read_csv($b19013, all_varchar = true, header = true)
        unpivot (raw for col in (columns('^B19013_001[EM]$')))
    union all by name
    select 'B23025' as tbl, * from read_csv($b23025, all_varchar = true, header = true)
        unpivot (raw for col in (columns('^B23025_00[35][EM]$')))
    union all by name
    select 'B17001' as tbl, * from read_csv($b17001, all_varchar = true, header = true)
        unpivot (raw for col in (columns('^B17001_00[12][EM]$')))
)
select
    tbl,
    right(GEO_ID, 5) as fips,
    NAME as area_name,
    left(col, length(col) - 1) as variable,
    right(col, 1) as kind,
    raw,
    -- Jam values (-555555555 etc.) and '*****' mean "no estimate / no margin", never a number.
    case when regexp_full_match(trim(raw), '[0-9]+(\.[0-9]+)?') then cast(raw as double) end as num
from files
where GEO_ID like '0500000US%';

create or replace temp table acs_vars as
select * from (values
    ('B15003_001', 'adults_25_plus'), ('B15003_019', 'some_college_under_1_year'),
    ('B15003_020', 'some_college_1_year_plus'), ('B01003_001', 'population'),
    ('B19013_001', 'median_household_income'), ('B23025_003', 'acs_labor_force'),
    ('B23025_005', 'acs_unemployed'), ('B17001_001', 'poverty_universe'),
    ('B17001_002', 'below_poverty')
) as t(variable, metric_id);

create or replace temp table acs_values as
select
    v.metric_id, e.fips, e.area_name, e.num as value, m.num as moe, e.raw
from acs_cells e
join acs_vars v using (variable)
left join acs_cells m on m.fips = e.fips and m.variable = e.variable and m.kind = 'M'
where e.kind = 'E';

insert into stage_values
select
    'acs', metric_id, fips, area_name, 2024, value, moe,
    case when value is null then 'not_available' else 'ok' end,
    case when value is null
        then 'The Census Bureau publishes no estimate here (' || coalesce(raw, 'blank') || '), too few sample cases'
    end
from acs_values
where metric_id not like 'some_college_%';

-- Some college, no degree = B15003_019 + B15003_020; MOE of a sum = sqrt(moe19^2 + moe20^2).
insert into stage_values
select
    'acs', 'some_college_no_degree', a.fips, a.area_name, 2024,
    a.value + b.value,
    sqrt(coalesce(a.moe, 0) ^ 2 + coalesce(b.moe, 0) ^ 2),
    case when a.value is null or b.value is null then 'not_available' else 'ok' end,
    case when a.value is null or b.value is null then 'The Census Bureau publishes no estimate here' end
from acs_values a
join acs_values b on b.fips = a.fips and b.metric_id = 'some_college_1_year_plus'
where a.metric_id = 'some_college_under_1_year';
