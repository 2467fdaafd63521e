-- Values of one indicator for every region of a level in one period, each with its source and status:
-- one per region (a map colours a region once). Where the store holds a real value beside a made-up one
-- (a published figure beside the demo's), the real one.
-- $indicator: indicator code; $level: kecamatan | kelurahan; $period: year.
with values_at_level as (
    select
        region_code, region_name, parent_code, period, series, value, numerator, denominator,
        status, quality_flag, citation, decimals, note, source_id, source_title, source_publisher, source_reference, origin_file
    from observation_labeled
    where indicator_code = $indicator and region_level = $level and period = $period
    qualify row_number() over (partition by region_code order by status = 'illustrative', series desc) = 1
)
select * from values_at_level order by region_code
