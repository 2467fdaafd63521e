-- Every indicator, region and period with two or more stored values (other sources, series or loaded
-- batches), each value with its source, status and batch: where the producers disagree. A made-up value
-- of a figure an OPD has loaded real values of is left out, as the pages no longer show it. No parameters.
with labeled as (
    select
        o.indicator_code, o.region_code, r.name as region_name, r.level as region_level, o.period, o.series,
        o.value, o.status, o.quality_flag, coalesce(o.citation, s.citation) as citation, o.source_id,
        source_publisher(s.source_id, s.kind, s.publisher, b.opd) as source_publisher, s.title as source_title,
        source_reference(s.url, s.locator, b.file_name, b.loaded_at, b.batch_id, o.origin_batches) as source_reference, s.published_date, o.batch_id,
        i.measure_kind, i.producer, s.producer as source_producer
    from observations as o
    join regions as r using (region_code)
    join sources as s using (source_id)
    join indicators as i on i.code = o.indicator_code
    left join batches as b using (batch_id)
    left join loaded_real as l using (indicator_code, region_code, period, series)
    where not (o.status = 'illustrative' and coalesce(l.has_real, false))
),
counted as (
    select *, count(*) over (partition by indicator_code, region_code, period) as n_values
    from labeled
)
select * from counted
where n_values >= 2
order by indicator_code, region_code, period, status, source_id, batch_id nulls first
