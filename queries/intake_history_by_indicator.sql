-- Every stored value of some indicators, all regions, periods, sources and batches: the history an
-- upload is checked against (outliers, yearly change), and the batch that gave each (null for seed data), so an
-- upload that replaces an earlier batch's values says so. $indicators: list of indicator codes.
with history as (
    select indicator_code, region_code, period, series, source_id, value, batch_id
    from observations
    where list_contains($indicators, indicator_code)
)
select * from history order by indicator_code, region_code, series, source_id, period
