-- For each pair of easily confused indicators, their values side by side by region and year: what each
-- concept says, with the note that tells them apart. Not a comparison to pass or fail: the two measure
-- different things. Each side uses the published value of its indicator in that region and year where
-- one exists, and its illustrative value (marked so) where none is published that year: e-PPGBM's 2021
-- and 2023 were missing beside SSGI while the trend drew them. A year with a value on one side only is
-- kept (the other side empty). Each side's series says which register or method a value is of (P3KE before
-- DTSEN). No parameters.
with pairs as (
    select indicator_a, indicator_b, note_id, note_en from indicator_pairs
),
ranked as (
    select
        l.*,
        bool_or(l.status != 'illustrative') over (partition by l.indicator_code, l.region_code, l.period) as has_published
    from observation_labeled as l
),
shown as (
    select indicator_code, region_code, region_name, region_level, period, value, status, citation, quality_flag,
           source_publisher, measure_kind, series
    from ranked
    where (status != 'illustrative') = has_published
),
side_a as (
    select p.*, s.* from pairs as p join shown as s on s.indicator_code = p.indicator_a
),
side_b as (
    select p.*, s.* from pairs as p join shown as s on s.indicator_code = p.indicator_b
),
regions_of_both as (
    select distinct a.indicator_a, a.indicator_b, a.region_code
    from side_a as a join side_b as b using (indicator_a, indicator_b, region_code)
),
joined as (
    select
        p.indicator_a, p.indicator_b, p.note_id, p.note_en,
        coalesce(a.region_code, b.region_code) as region_code,
        coalesce(a.region_name, b.region_name) as region_name,
        coalesce(a.region_level, b.region_level) as region_level,
        coalesce(a.period, b.period) as period,
        a.value as value_a, a.status as status_a, a.citation as citation_a, a.source_publisher as publisher_a,
        a.measure_kind as kind_a, a.series as series_a,
        b.value as value_b, b.status as status_b, b.citation as citation_b, b.source_publisher as publisher_b,
        b.measure_kind as kind_b, b.series as series_b
    from side_a as a
    full outer join side_b as b
        on b.indicator_a = a.indicator_a and b.indicator_b = a.indicator_b and b.region_code = a.region_code and b.period = a.period
    join pairs as p
        on p.indicator_a = coalesce(a.indicator_a, b.indicator_a) and p.indicator_b = coalesce(a.indicator_b, b.indicator_b)
    join regions_of_both as r
        on r.indicator_a = p.indicator_a and r.indicator_b = p.indicator_b and r.region_code = coalesce(a.region_code, b.region_code)
)
select * from joined order by indicator_a, indicator_b, region_code, period
