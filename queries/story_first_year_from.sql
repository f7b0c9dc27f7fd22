-- story_first_year_from: the first year at or after $start_year that a measure has county values
-- for, so a story's "since 2010" is a year the data really holds.
-- $metric_id   the measure, e.g. 'total_jobs'
-- $start_year  the year the story asks for
with years as (
    select year
    from county_values
    where metric_id = $metric_id
      and status = 'ok'
      and year >= $start_year
),

final as (
    select min(year) as value, 'd' as value_format
    from years
)

select * from final
