-- The agency's own national figure for a measure, by year (may be empty for county-only measures).
-- $metric_id: a metric_id from metrics.
select year, value, source_note
from national_values
where metric_id = $metric_id
order by year
