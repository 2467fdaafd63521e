-- Values not yet confirmed: provisional, or flagged as derived, unverified or conflicting. No parameters.
with waiting as (
    select
        o.indicator_code, o.region_code, r.name as region_name, o.period, o.value, o.decimals, o.status, o.quality_flag, o.note,
        source_publisher(s.source_id, s.kind, s.publisher, b.opd) as source_publisher, s.title as source_title
    from observations as o
    join regions as r using (region_code)
    join sources as s using (source_id)
    left join batches as b using (batch_id)
    where o.status = 'provisional' or o.quality_flag in ('derived', 'unverified', 'conflict')
)
select * from waiting order by indicator_code, region_code, period
