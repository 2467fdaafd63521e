-- Every stored value of one indicator for one region, all periods, sources and loaded batches, with who
-- loaded it and whether it is the value the pages show (observation_best): the history of who changed
-- which figure, and the disagreements between sources. Rolled-back batches are in `batches`, not here.
-- $indicator: indicator code; $region: region code.
with versions as (
    select
        indicator_code, region_code, period, series, value, numerator, denominator,
        source_id, status, quality_flag, origin_file, origin_line, batch_id, citation
    from observations
    where indicator_code = $indicator and region_code = $region
),
shown as (
    select period, series, source_id, batch_id
    from observation_best
    where indicator_code = $indicator and region_code = $region
),
labeled as (
    select
        v.* exclude (citation),
        coalesce(v.citation, s.citation) as citation,  -- how the value is known: its own, else its source's
        s.title as source_title,
        source_publisher(s.source_id, s.kind, s.publisher, b.opd) as source_publisher,
        b.uploader,
        b.opd,
        b.loaded_at,
        b.file_name as batch_file_name,
        exists (
            select 1 from shown as w
            where w.period = v.period and w.series = v.series and w.source_id = v.source_id
              and w.batch_id is not distinct from v.batch_id
        ) as is_shown
    from versions as v
    join sources as s using (source_id)
    left join batches as b using (batch_id)
)
select * from labeled order by period, series, source_id, batch_id nulls first
