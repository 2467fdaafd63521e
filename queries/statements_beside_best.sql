-- Values of one indicator at one level that the pages do not show because another figure of the same year
-- was preferred (observation_best), where they come from a different producer and say something else: a
-- local official's 8,7% stunting for 2022 beside Dinas Kesehatan's e-PPGBM 6,67%. A trend draws them as that
-- producer's own series, so a disagreement the FGD must settle is on the chart, not only in the
-- reconciliation view. Illustrative values are never among them. Columns as indicator_history_by_level.
-- $indicator: indicator code; $level: kecamatan | kelurahan | city.
with shown as (
    select b.indicator_code, b.region_code, b.period, b.series, b.value, s.producer
    from observation_best as b
    join sources as s using (source_id)
    where b.indicator_code = $indicator and b.status <> 'illustrative'
),
beside as (
    select o.*, s.producer as source_producer, s.title as source_title,
        source_publisher(s.source_id, s.kind, s.publisher, l.opd) as source_publisher,
        source_reference(s.url, s.locator, l.file_name, l.loaded_at, l.batch_id, o.origin_batches) as source_reference,
        coalesce(o.citation, s.citation) as cited
    from observations as o
    join shown as w using (indicator_code, region_code, period, series)
    join sources as s on s.source_id = o.source_id
    left join batches as l on l.batch_id = o.batch_id
    where o.status <> 'illustrative'
      and s.producer is distinct from w.producer
      and round(o.value, 6) <> round(w.value, 6)
)
select
    b.region_code, r.name as region_name, r.parent_code, b.period, b.series, b.value, b.numerator, b.denominator,
    b.status, b.quality_flag, b.cited as citation, b.decimals, b.note, b.source_id, b.source_title, b.source_publisher,
    b.source_reference, b.source_producer
from beside as b
join regions as r using (region_code)
where r.level = $level
order by b.region_code, b.period
