-- hubs_area_values: every measure (at its default year) aggregated over sets of counties such as
-- a metro group, a metro or a single county. Counts are summed once per reporting area; rates
-- with a numerator and denominator are sum(numerator) / sum(denominator) x multiplier; other
-- amounts (medians, averages without parts) are the median of the member counties.
-- $area_ids   list: the set each member belongs to (parallel to $area_fips)
-- $area_fips  list: member county FIPS
with members as (
    select
        unnest($area_ids::varchar[]) as area_id,
        unnest($area_fips::varchar[]) as fips
),

vals as (
    select
        members.area_id,
        county_values.metric_id,
        county_values.fips,
        county_values.area_fips,
        county_values.value,
        county_values.status
    from members
    inner join county_values on county_values.fips = members.fips
    inner join metrics
        on metrics.metric_id = county_values.metric_id
       and metrics.default_year = county_values.year
),

per_area_source as (
    select
        area_id,
        metric_id,
        area_fips,
        any_value(value) filter (where status = 'ok') as value
    from vals
    group by area_id, metric_id, area_fips
),

sums as (
    select area_id, metric_id, sum(value) as total
    from per_area_source
    group by area_id, metric_id
),

ratio as (
    select
        metrics.metric_id,
        num.area_id,
        sum(num.value) / nullif(sum(den.value), 0) * coalesce(metrics.multiplier, 1) as value
    from metrics
    inner join per_area_source as num on num.metric_id = metrics.numerator_id
    inner join per_area_source as den
        on den.metric_id = metrics.denominator_id
       and den.area_id = num.area_id
       and den.area_fips = num.area_fips
    where num.value is not null
      and den.value is not null
    group by metrics.metric_id, num.area_id, metrics.multiplier
),

counts as (
    select
        area_id,
        metric_id,
        count(*) as counties,
        count(*) filter (where status = 'ok') as counties_ok,
        count(*) filter (where status = 'suppressed') as counties_suppressed,
        median(value) filter (where status = 'ok') as county_median
    from vals
    group by area_id, metric_id
),

final as (
    select
        counts.area_id,
        counts.metric_id,
        case
            when metrics.numerator_id is not null and metrics.denominator_id is not null
                then ratio.value
            when metrics.kind = 'count' then sums.total
            else counts.county_median
        end as value,
        case
            when metrics.numerator_id is not null and metrics.denominator_id is not null
                then 'sum of numerator / sum of denominator'
            when metrics.kind = 'count' then 'sum of counties'
            else 'median of counties'
        end as aggregation,
        counts.counties,
        counts.counties_ok,
        counts.counties_suppressed
    from counts
    inner join metrics on metrics.metric_id = counts.metric_id
    left join sums on sums.area_id = counts.area_id and sums.metric_id = counts.metric_id
    left join ratio on ratio.area_id = counts.area_id and ratio.metric_id = counts.metric_id
)

select * from final
order by area_id, metric_id
