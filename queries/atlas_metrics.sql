-- atlas_metrics: the measure catalogue the pages offer, with the years each measure has.
-- takes no parameters
with years as (
    select
        metric_id,
        list(distinct year order by year) as year_list
    from county_values
    group by metric_id
),

final as (
    select
        metrics.metric_id,
        metrics.label,
        metrics.theme,
        metrics.unit,
        metrics.value_format,
        metrics.source,
        metrics.vintage,
        metrics.years,
        metrics.default_year,
        metrics.definition,
        metrics.formula,
        metrics.higher_is_better,
        metrics.kind,
        metrics.numerator_id,
        metrics.denominator_id,
        metrics.multiplier,
        metrics.diverging_midpoint,
        metrics.sort_order,
        coalesce(years.year_list, []) as year_list
    from metrics
    left join years on years.metric_id = metrics.metric_id
)

select * from final
order by sort_order, metric_id
