-- Every value of one indicator at one level, all periods, with source and status.
-- $indicator: indicator code; $level: kecamatan | kelurahan | city.
with history as (
    select
        region_code, region_name, parent_code, period, series, value, numerator, denominator,
        status, quality_flag, citation, decimals, note, source_id, source_title, source_publisher, source_reference, source_producer
    from observation_labeled
    where indicator_code = $indicator and region_level = $level
)
select * from history order by region_code, period
