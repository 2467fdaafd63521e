-- Every source with how many values it gives, by status. No parameters.
-- A file handed in on Unggah Data (the sources opd_upload*) gives one row per batch, named as the pages that
-- draw its values name it: the OPD that handed it in as publisher, and its file, day and batch in the reference
-- (the source_publisher and source_reference macros of observation_labeled), so a source line read on a page
-- is found here as written; the OPD is also the producer of the figures it handed in. A source's rows from a
-- batch (a publication loaded on Unggah Data) likewise.
with counts as (
    select source_id, batch_id, status, count(*) as n_values, min(period) as first_period, max(period) as last_period
    from observations
    group by source_id, batch_id, status
),
joined as (
    select s.source_id, s.title, source_publisher(s.source_id, s.kind, s.publisher, b.opd) as publisher, s.url, s.locator,
           source_reference(s.url, s.locator, b.file_name, b.loaded_at, b.batch_id, null) as reference,
           s.published_date, s.kind, s.citation, coalesce(s.producer, b.opd) as producer, s.note, c.batch_id,
           c.status, coalesce(c.n_values, 0) as n_values, c.first_period, c.last_period
    from sources as s
    left join counts as c using (source_id)
    left join batches as b using (batch_id)
)
select * from joined order by kind, publisher, title, status, batch_id
