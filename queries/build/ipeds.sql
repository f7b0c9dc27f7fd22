-- IPEDS HD2024 institutions ($path: hd2024.csv), labels from the dictionary's Frequencies sheet
-- (registered as xl_freq), and county counts of active institutions.
create or replace temp table ipeds_raw as
select * from read_csv($path, all_varchar = true, header = true);

create or replace temp table ipeds_labels as
select upper(VarName) as var, trim(CodeValue) as code, valuelabel as label
from xl_freq;

insert into institutions
select
    cast(h.UNITID as integer),
    h.INSTNM,
    h.CITY,
    h.STABBR,
    -- COUNTYCD is numeric with the leading zero dropped; negative codes mean "not applicable".
    case when try_cast(h.COUNTYCD as integer) > 0 then lpad(trim(h.COUNTYCD), 5, '0') end,
    case when try_cast(h.CBSA as integer) > 0 then trim(h.CBSA) end,
    try_cast(h.LONGITUD as double),
    try_cast(h.LATITUDE as double),
    try_cast(h.SECTOR as integer),
    sl.label,
    case when try_cast(h.ICLEVEL as integer) > 0 then try_cast(h.ICLEVEL as integer) end,
    ll.label,
    cl.label,
    hl.label,
    h.SECTOR = '4',
    -- Community college: public (CONTROL 1) and either 2-year (SECTOR 4) or degree-granting but
    -- mainly sub-baccalaureate (INSTCAT 3 "not primarily baccalaureate or above", INSTCAT 4
    -- "associate's and certificates"). INSTCAT 3 brings in the public colleges IPEDS files as
    -- 4-year because they award a few bachelor's degrees (Dallas College, Miami Dade College).
    h.CONTROL = '1' and (h.SECTOR = '4' or h.INSTCAT in ('3', '4')),
    -- HD2024 lists only the highest award, so: the highest award is a sub-baccalaureate
    -- certificate (HLOFFER 1, 2 or 4), or the institution is 2-year (ICLEVEL 2), where
    -- certificates sit below the associate degree.
    h.HLOFFER in ('1', '2', '4') or h.ICLEVEL = '2',
    h.CYACTIVE = '1',
    nullif(trim(h.WEBADDR), '')
from ipeds_raw h
left join ipeds_labels sl on sl.var = 'SECTOR' and sl.code = h.SECTOR
left join ipeds_labels ll on ll.var = 'ICLEVEL' and ll.code = h.ICLEVEL
left join ipeds_labels cl on cl.var = 'CONTROL' and cl.code = h.CONTROL
left join ipeds_labels hl on hl.var = 'HLOFFER' and hl.code = h.HLOFFER;

-- Every county gets a count; zero is a real zero here (IPEDS lists every Title IV institution).
insert into stage_values
select 'ipeds', m.metric_id, c.fips, c.full_name, 2024, m.n, null, 'ok', null
from counties c,
lateral (
    select 'institutions' as metric_id,
           count(*) filter (where i.is_active) as n
    from institutions i where i.fips = c.fips
    union all
    select 'public_two_year_colleges',
           count(*) filter (where i.is_active and i.is_public_two_year)
    from institutions i where i.fips = c.fips
    union all
    select 'community_colleges',
           count(*) filter (where i.is_active and i.is_community_college)
    from institutions i where i.fips = c.fips
) as m;
