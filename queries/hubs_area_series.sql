-- hubs_area_series: a summable measure per year for sets of counties (one row per reporting
-- area, so combined areas count once), with the national figure for the same year.
-- $metric_id  a summable (kind = 'count') metric_id
-- $area_ids   list: the set each member belongs to (parallel to $area_fips)
-- $area_fips  list: member county FIPS
with members as (
    select
        unnest($area_ids::varchar[]) as area_id,
        unnest($area_fips::varchar[]) as fips
),

per_source_area as (
    select
        members.area_id,
        county_values.year,
        county_values.area_fips,
        any_value(county_values.value) as value
    from members
    inner join county_values on county_values.fips = members.fips
    where county_values.metric_id = $metric_id
      and county_values.status = 'ok'
    group by members.area_id, county_values.year, county_values.area_fips
),

final as (
    select
        per_source_area.area_id,
        per_source_area.year,
        sum(per_source_area.value) as value,
        count(*) as reporting_areas
    from per_source_area
    group by per_source_area.area_id, per_source_area.year
)

select * from final
order by area_id, year
