-- Invariants of a finished store; each row is a check with the number of rows that break it.
-- A build is swapped in only when every count is zero. No parameters.
with
unknown_region as (
    select count(*) as n from observations where region_code not in (select region_code from regions)
),
unknown_indicator as (
    select count(*) as n from observations where indicator_code not in (select code from indicators)
),
unknown_source as (
    select count(*) as n from observations where source_id not in (select source_id from sources)
),
bad_status as (
    select count(*) as n from observations where status not in ('official', 'provisional', 'illustrative')
),
-- BPS survey estimates stop at the kab/kota; a kelurahan value of one would pass a register for a survey.
survey_estimate_below_city as (
    select count(*) as n
    from observations as o
    join indicators as i on i.code = o.indicator_code
    join regions as r using (region_code)
    where i.measure_kind = 'survey_estimate' and r.level in ('kecamatan', 'kelurahan')
),
illustrative_from_published_source as (
    select count(*) as n
    from observations as o join sources as s using (source_id)
    where (o.status = 'illustrative') != (s.kind = 'illustrative')
),
region_without_polygon as (
    select count(*) as n
    from regions as r
    where r.level in ('kecamatan', 'kelurahan')
      and not exists (select 1 from boundaries as b where b.region_code = r.region_code and b.level = r.level)
),
duplicate_best as (
    select count(*) as n from (
        select indicator_code, region_code, period, series, status = 'illustrative' from observation_best group by all having count(*) > 1
    )
),
checks as (
    select 'unknown_region' as check_name, n from unknown_region
    union all select 'unknown_indicator', n from unknown_indicator
    union all select 'unknown_source', n from unknown_source
    union all select 'bad_status', n from bad_status
    union all select 'survey_estimate_below_city', n from survey_estimate_below_city
    union all select 'illustrative_from_published_source', n from illustrative_from_published_source
    union all select 'region_without_polygon', n from region_without_polygon
    union all select 'duplicate_best', n from duplicate_best
)
select * from checks order by check_name
