-- atlas_headline: headline figures for the counties in view: total (summable measures, one row
-- per reporting area so combined areas count once), aggregated rate (sum of numerator / sum of
-- denominator x multiplier, over areas where both are published), median, and how many counties
-- are suppressed or have no figure.
-- $metric_id  a metric_id from the catalogue
-- $year       the year to show
-- $states     list of state abbreviations; empty = the 50 states and DC (Puerto Rico only when named)
with metric as (
    select * from metrics where metric_id = $metric_id
),

in_view as (
    select fips
    from counties
    where (len($states::varchar[]) = 0 and state_abbr in (select state_abbr from states where is_state_or_dc))
       or list_contains($states::varchar[], state_abbr)
),

vals as (
    select county_values.*
    from county_values
    inner join in_view on in_view.fips = county_values.fips
    where county_values.metric_id = $metric_id
      and county_values.year = $year
),

areas as (
    select area_fips, any_value(value) as value
    from vals
    where status = 'ok'
    group by area_fips
),

ratio_parts as (
    select
        num.area_fips,
        any_value(num.value) as num_value,
        any_value(den.value) as den_value
    from county_values as num
    inner join in_view on in_view.fips = num.fips
    inner join county_values as den
        on den.fips = num.fips
       and den.year = num.year
       and den.metric_id = (select denominator_id from metric)
    where num.metric_id = (select numerator_id from metric)
      and num.year = $year
      and num.status = 'ok'
      and den.status = 'ok'
    group by num.area_fips
),

final as (
    select
        (select count(*) from in_view) as counties_in_view,
        (select count(*) from vals where status = 'ok') as counties_with_value,
        (select count(*) from vals where status = 'suppressed') as counties_suppressed,
        (select count(*) from in_view) - (select count(*) from vals where status in ('ok', 'suppressed'))
            as counties_no_data,
        (select sum(value) from areas) as total,
        (select sum(num_value) / nullif(sum(den_value), 0) from ratio_parts)
            * coalesce((select multiplier from metric), 1) as aggregate_rate,
        (select median(value) from vals where status = 'ok') as median
)

select * from final
