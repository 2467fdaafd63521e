-- How fresh each producer's data are: the latest period it has values for and, for data loaded through
-- the intake, the latest load. No parameters.
with per_producer as (
    select i.producer, count(distinct o.indicator_code) as n_indicators, max(o.period) as latest_period,
           max(b.loaded_at) as latest_load
    from observations as o
    join indicators as i on i.code = o.indicator_code
    left join batches as b using (batch_id)
    group by i.producer
)
select * from per_producer order by latest_period, producer
