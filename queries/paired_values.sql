-- For each pair of easily confused indicators, their values for the same region and period side by side
-- (the value each page shows). No parameters.
with pairs as (
    select indicator_a, indicator_b, note_id, note_en from indicator_pairs
),
joined as (
    select
        p.indicator_a, p.indicator_b, p.note_id, p.note_en,
        a.region_code, a.region_name, a.region_level, a.period,
        a.value as value_a, a.status as status_a, a.source_publisher as publisher_a, a.measure_kind as kind_a,
        b.value as value_b, b.status as status_b, b.source_publisher as publisher_b, b.measure_kind as kind_b
    from pairs as p
    join observation_labeled as a on a.indicator_code = p.indicator_a
    join observation_labeled as b
        on b.indicator_code = p.indicator_b and b.region_code = a.region_code and b.period = a.period
)
select * from joined order by indicator_a, indicator_b, region_code, period, status_a, status_b
