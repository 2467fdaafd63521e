-- Every stored value of some indicators, all regions, periods, sources and batches: the history an
-- upload is checked against (outliers, yearly change). $indicators: list of indicator codes.
with history as (
    select indicator_code, region_code, period, series, source_id, value
    from observations
    where list_contains($indicators, indicator_code)
)
select * from history order by indicator_code, region_code, series, source_id, period
