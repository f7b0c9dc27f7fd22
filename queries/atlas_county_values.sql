-- atlas_county_values: one row per county in view for one measure and year, with its rank and
-- percentile among the counties in view that have a value (rank 1 = highest value).
-- $metric_id  a metric_id from the catalogue
-- $year       the year to show
-- $states     list of state abbreviations; empty = the 50 states and DC (Puerto Rico only when named)
with in_view as (
    select
        fips,
        full_name,
        name,
        state_abbr,
        cbsa_code,
        cbsa_title
    from counties
    where (len($states::varchar[]) = 0 and state_abbr in (select state_abbr from states where is_state_or_dc))
       or list_contains($states::varchar[], state_abbr)
),

vals as (
    select
        fips,
        value,
        moe,
        status,
        note,
        area_fips
    from county_values
    where metric_id = $metric_id
      and year = $year
),

joined as (
    select
        in_view.fips,
        in_view.full_name,
        in_view.name,
        in_view.state_abbr,
        in_view.cbsa_code,
        in_view.cbsa_title,
        vals.value,
        vals.moe,
        coalesce(vals.status, 'not_available') as status,
        coalesce(vals.note, case when vals.status is null then 'No figure published' end) as note,
        vals.area_fips
    from in_view
    left join vals on vals.fips = in_view.fips
),

final as (
    select
        *,
        case when value is not null then
            rank() over (partition by value is not null order by value desc)
        end as rank,
        case when value is not null then
            100.0 * percent_rank() over (partition by value is not null order by value)
        end as percentile
    from joined
)

select * from final
order by value desc nulls last, fips
