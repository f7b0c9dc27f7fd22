-- story_latest_year: the most recent year a measure has county values for (a story's "in 2023").
-- $metric_id  the measure, e.g. 'tech_jobs'
with years as (
    select year
    from county_values
    where metric_id = $metric_id
      and status = 'ok'
),

final as (
    select max(year) as value, 'd' as value_format
    from years
)

select * from final
