-- The years a measure has, with how many counties have a figure and how many are suppressed.
-- $metric_id: a metric_id from metrics.
select
    year,
    count(*) filter (where status = 'ok') as counties_with_value,
    count(*) filter (where status = 'suppressed') as counties_suppressed
from county_values
where metric_id = $metric_id
group by year
order by year
