-- Every value of every indicator for one region and for the city, all periods, with the catalogue facts
-- a profile needs. $region: region code.
with wanted as (
    select
        o.indicator_code, o.region_code, o.region_name, o.region_level, o.period, o.series, o.value, o.numerator,
        o.status, o.quality_flag, o.source_id, o.source_publisher, o.source_title, o.source_reference, o.dimension, o.measure_kind
    from observation_labeled as o
    where o.region_code = $region or o.region_level = 'city'
)
select * from wanted order by dimension, indicator_code, region_code, period
