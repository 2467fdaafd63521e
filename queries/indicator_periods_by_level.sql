-- The periods in which an indicator has values at a level. $indicator: code; $level: region level.
with periods as (
    select distinct period from observation_labeled
    where indicator_code = $indicator and region_level = $level
)
select period from periods order by period
