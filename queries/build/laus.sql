-- BLS LAUS county annual averages 2024 (registered from .xlsx as xl_laus).
create or replace temp table laus_cells as
select
    "State FIPS Code" || "County FIPS Code" as fips,
    "County Name/State Abbreviation" as area_name,
    try_cast("Year" as integer) as year,
    try_cast("Labor Force" as double) as labor_force,
    try_cast("Unemployed" as double) as unemployed,
    try_cast("Unemployment Rate (%)" as double) / 100 as unemployment_rate
from xl_laus
where "LAUS Code" like 'CN%';

insert into stage_values
select 'laus', m.metric_id, fips, area_name, year, m.value, null,
       case when m.value is null then 'not_available' else 'ok' end,
       case when m.value is null then 'BLS LAUS gives no figure for this county' end
from laus_cells,
lateral (select * from (values
    ('labor_force', labor_force), ('unemployed', unemployed), ('unemployment_rate', unemployment_rate)
) as v(metric_id, value)) as m;
