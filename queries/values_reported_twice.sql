-- Every indicator, region and period with two or more stored values (other sources, series or loaded
-- batches), each value with its source, status and batch: where the producers disagree. No parameters.
with labeled as (
    select
        o.indicator_code, o.region_code, r.name as region_name, r.level as region_level, o.period, o.series,
        o.value, o.status, o.quality_flag, coalesce(o.citation, s.citation) as citation, o.source_id,
        s.publisher as source_publisher, s.title as source_title, coalesce(s.url, s.locator) as source_reference, s.published_date, o.batch_id, i.measure_kind, i.producer
    from observations as o
    join regions as r using (region_code)
    join sources as s using (source_id)
    join indicators as i on i.code = o.indicator_code
),
counted as (
    select *, count(*) over (partition by indicator_code, region_code, period) as n_values
    from labeled
)
select * from counted
where n_values >= 2
order by indicator_code, region_code, period, status, source_id, batch_id nulls first
