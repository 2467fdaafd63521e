-- Every value shown at a level, all indicators and periods (to look for outliers). $level: region level.
with shown as (
    select indicator_code, region_code, region_name, period, series, value, status, source_publisher
    from observation_labeled
    where region_level = $level
)
select * from shown order by indicator_code, period, region_code
