-- Every source with how many values it gives, by status. No parameters.
with counts as (
    select source_id, status, count(*) as n_values, min(period) as first_period, max(period) as last_period
    from observations
    group by source_id, status
),
joined as (
    select s.source_id, s.title, s.publisher, s.url, s.locator, s.published_date, s.kind, s.citation, s.producer, s.note,
           c.status, coalesce(c.n_values, 0) as n_values, c.first_period, c.last_period
    from sources as s
    left join counts as c using (source_id)
)
select * from joined order by kind, publisher, title, status
