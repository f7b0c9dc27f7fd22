-- USDA ERS county files (registered from .xlsx as xl_education, xl_unemployment, xl_population,
-- xl_poverty). Rows ending in 000 are states (00000 = US) and go to national_values only for the US.
create or replace temp table ers_cells as
select 'ers_education' as source_id, "FIPS Code" as fips, "Area name" as area_name, 2023 as year,
       'some_college_or_associate_share_ers' as metric_id,
       try_cast("Percent of adults completing some college or associate degree, 2019-23" as double) / 100 as value
from xl_education
union all
select 'ers_education', "FIPS Code", "Area name", 2023, 'some_college_or_associate_ers',
       try_cast("Some college or associate degree, 2019-23" as double)
from xl_education
union all
select 'ers_unemployment', FIPS_Code, Area_Name, 2023, 'unemployment_rate_2023',
       try_cast(Unemployment_rate_2023 as double) / 100
from xl_unemployment
union all
select 'ers_unemployment', FIPS_Code, Area_Name, 2023, 'labor_force_2023',
       try_cast(Civilian_labor_force_2023 as double)
from xl_unemployment
union all
select 'ers_unemployment', FIPS_Code, Area_Name, 2023, 'unemployed_2023',
       try_cast(Unemployed_2023 as double)
from xl_unemployment
union all
select 'ers_unemployment', FIPS_Code, Area_Name, 2022, 'median_household_income_2022',
       try_cast(Median_Household_Income_2022 as double)
from xl_unemployment
union all
select 'ers_population', FIPStxt, Area_Name, 2023, 'population_2023',
       try_cast(POP_ESTIMATE_2023 as double)
from xl_population
union all
select 'ers_population', FIPStxt, Area_Name, 2023, 'rucc_2023',
       try_cast(Rural_Urban_Continuum_Code_2023 as double)
from xl_population
union all
select 'ers_poverty', FIPS_Code, Area_Name, 2023, 'poverty_rate_saipe',
       try_cast(PCTPOVALL_2023 as double) / 100
from xl_poverty
union all
select 'ers_poverty', FIPS_Code, Area_Name, 2023, 'people_in_poverty_saipe',
       try_cast(POVALL_2023 as double)
from xl_poverty;

insert into stage_values
select
    source_id, metric_id, fips, area_name, year, value, null,
    case when value is null then 'not_available' else 'ok' end,
    case when value is null then 'USDA ERS gives no figure for this county in this file' end
from ers_cells
where fips is not null and fips not like '__000';

insert into national_values
select metric_id, year, value, 'USDA ERS, United States row'
from ers_cells
where fips = '00000' and value is not null and metric_id <> 'rucc_2023';
