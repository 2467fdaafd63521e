-- Every value in the store with its region, indicator, source and status, for download. No parameters.
with export as (
    select
        o.indicator_code, i.name_id as indicator_name, o.region_code, r.bps_code, r.name as region_name, r.level as region_level,
        o.period, o.series, o.value, i.unit_id as unit, o.numerator, o.denominator, o.status, coalesce(o.citation, s.citation) as citation,
        o.quality_flag, o.decimals, o.note,
        o.source_id, s.title as source_title, source_publisher(s.source_id, s.kind, s.publisher, b.opd) as source_publisher,
        source_reference(s.url, s.locator, b.file_name, b.loaded_at, b.batch_id, o.origin_batches) as source_reference,
        o.origin_file, o.origin_line
    from observations as o
    join regions as r using (region_code)
    join indicators as i on i.code = o.indicator_code
    join sources as s using (source_id)
    left join batches as b using (batch_id)
)
select * from export order by indicator_code, region_code, period, source_id, series, status
