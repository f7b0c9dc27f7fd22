-- BLS QCEW private annual averages for industries 10, 51 and 5415, 2015-2023.
-- $path: the qcew_tech_industries csv.gz file. Disclosure code N => suppressed, never zero.
create or replace temp table qcew_raw as
select
    area_fips, own_code, industry_code, agglvl_code, disclosure_code,
    try_cast(year as integer) as year,
    try_cast(annual_avg_estabs as double) as estabs,
    try_cast(annual_avg_emplvl as double) as emplvl,
    try_cast(total_annual_wages as double) as wages,
    try_cast(avg_annual_pay as double) as avg_pay
from read_csv($path, all_varchar = true, header = true);

create or replace temp table qcew_measures as
select * from (values
    ('10', 'emplvl', 'private_jobs'), ('10', 'wages', 'private_wages'),
    ('10', 'avg_pay', 'private_avg_pay'), ('10', 'estabs', 'private_establishments'),
    ('51', 'emplvl', 'information_jobs_qcew'), ('51', 'wages', 'information_wages_qcew'),
    ('51', 'estabs', 'information_establishments'),
    ('5415', 'emplvl', 'computer_systems_jobs'), ('5415', 'wages', 'computer_systems_wages'),
    ('5415', 'estabs', 'computer_systems_establishments')
) as t(industry_code, field, metric_id);

create or replace temp table qcew_long as
select
    r.area_fips, r.agglvl_code, r.year, r.disclosure_code, m.metric_id, m.field,
    case m.field
        when 'emplvl' then r.emplvl when 'wages' then r.wages
        when 'avg_pay' then r.avg_pay else r.estabs
    end as raw_value
from qcew_raw r join qcew_measures m using (industry_code)
where r.own_code = '5';

-- Establishment counts are published even when employment and pay are not.
insert into stage_values
select
    'qcew', metric_id, area_fips, null, year,
    case when disclosure_code = 'N' and field <> 'estabs' then null else raw_value end,
    null,
    case when disclosure_code = 'N' and field <> 'estabs' then 'suppressed' else 'ok' end,
    case when disclosure_code = 'N' and field <> 'estabs'
        then 'BLS does not disclose this figure (QCEW code N) to protect employer confidentiality'
    end
from qcew_long
where agglvl_code in ('71', '74', '76');

insert into national_values
select metric_id, year, raw_value, 'BLS QCEW, US000 private ' || field
from qcew_long
where area_fips = 'US000';
