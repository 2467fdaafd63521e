-- Values of one indicator for every region of a level in one period, each with its source and status.
-- $indicator: indicator code; $level: kecamatan | kelurahan; $period: year.
with values_at_level as (
    select
        region_code, region_name, parent_code, period, series, value, numerator, denominator,
        status, quality_flag, citation, decimals, note, source_id, source_title, source_publisher, source_reference, origin_file
    from observation_labeled
    where indicator_code = $indicator and region_level = $level and period = $period
)
select * from values_at_level order by region_code
