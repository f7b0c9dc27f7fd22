-- profile_similarity_inputs: chosen measures at their default years for every county, long
-- format, for "places like this one".
-- $metric_ids  list of metric_ids to compare on
select
    county_values.fips,
    counties.full_name,
    counties.state_abbr,
    county_values.metric_id,
    county_values.value
from county_values
inner join metrics
    on metrics.metric_id = county_values.metric_id
   and metrics.default_year = county_values.year
inner join counties on counties.fips = county_values.fips
where list_contains($metric_ids::varchar[], county_values.metric_id)
  and county_values.status = 'ok'
