-- BEA CAEMP25N, county jobs by industry 2001-2022, placed in stage_values; the US line in national_values.
-- $state_files: the 51 state-and-county files; $us_file: the US-and-states file.
-- The state files and the US file share one layout; one reader serves both.
create or replace temp macro bea_read(files) as table
select
    parse_filename(filename) as file_name,
    trim(GeoFIPS) as area_fips,
    trim(GeoName) as area_name,
    try_cast(trim(LineCode) as integer) as line_code,
    columns('^[0-9]{4}$')
from read_csv(files, all_varchar = true, encoding = 'latin-1', filename = true,
              header = true, null_padding = true);

create or replace temp table bea_raw as select * from bea_read($state_files);

create or replace temp table bea_us_raw as select * from bea_read($us_file);

create or replace temp table bea_lines as
select * from (values
    (10, 'total_jobs'), (500, 'manufacturing_jobs'), (900, 'information_jobs'),
    (1200, 'professional_technical_jobs'), (2000, 'government_jobs')
) as t(line_code, metric_id);

-- One row per (area, line, year); `raw` is the cell exactly as published.
create or replace temp table bea_long as
unpivot (
    select r.file_name, r.area_fips, r.area_name, r.line_code, l.metric_id, columns('^[0-9]{4}$')
    from bea_raw r join bea_lines l using (line_code)
) on columns('^[0-9]{4}$') into name year_text value raw;

create or replace temp table bea_us_long as
unpivot (
    select r.file_name, r.area_fips, r.area_name, r.line_code, l.metric_id, columns('^[0-9]{4}$')
    from bea_us_raw r join bea_lines l using (line_code)
) on columns('^[0-9]{4}$') into name year_text value raw;

insert into stage_values
select
    'bea' as source_id,
    metric_id,
    area_fips,
    regexp_replace(area_name, '\*$', '') as area_name,
    cast(year_text as integer) as year,
    try_cast(trim(raw) as double) as value,
    null as moe,
    case
        when regexp_full_match(trim(raw), '-?[0-9]+') then 'ok'
        when trim(raw) in ('(D)', '(L)', '(T)') then 'suppressed'
        else 'not_available'
    end as status,
    case trim(raw)
        when '(D)' then 'BEA does not disclose this figure (D) to avoid revealing one employer''s data'
        when '(L)' then 'BEA reports fewer than 10 jobs (L) without a figure'
        when '(T)' then 'BEA withholds this figure (T), it is included in higher-level totals'
        when '(NA)' then 'BEA has no figure for this area and year (NA)'
    end as note
from bea_long
where area_fips not like '__000';

insert into national_values
select
    metric_id,
    cast(year_text as integer),
    try_cast(trim(raw) as double),
    'BEA CAEMP25N, United States line ' || line_code
from bea_us_long
where area_fips = '00000';
