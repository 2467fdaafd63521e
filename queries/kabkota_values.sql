-- Every published value of some indicators for the kab/kota of one province (the city among them), all
-- periods: the value the pages show for each cell with how it is known, and how many documents give the
-- cell and whether any of them disagrees (a cell marked conflict by any source is shown as such).
-- $indicators: list of indicator codes; $province: the province's region code.
with peers as (
    select region_code, bps_code, name as region_name
    from regions
    where parent_code = $province and level in ('kabkota', 'city')
),
shown as (
    select
        l.indicator_code, l.region_code, l.period, l.value, l.status, l.citation, l.quality_flag, l.decimals, l.note,
        l.source_id, l.source_title, l.source_publisher, l.source_reference
    from observation_labeled as l
    where l.status != 'illustrative' and list_contains($indicators, l.indicator_code)
),
documents as (
    select
        indicator_code, region_code, period,
        count(distinct source_id) as n_sources,
        bool_or(quality_flag = 'conflict') as any_conflict
    from observations
    where status != 'illustrative' and list_contains($indicators, indicator_code)
    group by all
),
joined as (
    select p.bps_code, p.region_name, s.*, d.n_sources, coalesce(d.any_conflict, false) as any_conflict
    from shown as s
    join peers as p using (region_code)
    join documents as d using (indicator_code, region_code, period)
)
select * from joined order by indicator_code, period, region_code
