-- Every measure the Atlas shows, with its definition, format and how it aggregates.
-- No parameters.
select *
from metrics
order by sort_order, metric_id
