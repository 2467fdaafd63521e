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
    select count(*) as n from observations where status not in ('official', 'provisional', 'illustrative', 'simulated')
),
-- how a figure is known: its source's citation, or a row's own (a named official of the producer quoted)
bad_citation as (
    select count(*) as n from observations where citation is not null and citation not in ('primary', 'quoted', 'secondary', 'compiled')
),
-- A source is the document actually read: its title and its URL or the table/page within it.
source_without_document as (
    select count(*) as n from sources
    where coalesce(trim(title), '') = '' or (coalesce(trim(url), '') = '' and coalesce(trim(locator), '') = '')
),
-- An official figure is one its producer released: the document must give the indicator's producer's figures.
official_without_producer as (
    select count(*) as n
    from observations as o
    join sources as s using (source_id)
    join indicators as i on i.code = o.indicator_code
    where o.status = 'official' and coalesce(s.producer, '') != i.producer
),
-- A figure we computed from published ones is provisional, never official.
derived_not_provisional as (
    select count(*) as n from observations where quality_flag = 'derived' and status != 'provisional'
),
-- ... and carries the precision its inputs allow: no more decimals than stated, none beyond the catalogue's.
derived_without_precision as (
    select count(*) as n
    from observations as o
    join indicators as i on i.code = o.indicator_code
    where o.quality_flag = 'derived'
      and (o.decimals is null or o.decimals > i.decimals
           or abs(o.value - round(o.value, o.decimals)) > 1e-9 * greatest(1, abs(o.value)))
),
-- Values below the lowest level at which a concept is officially published need an OPD source of the same
-- concept named in the catalogue; a survey estimate has none (so never a kelurahan "poverty rate").
level_rank as (
    select * from (values ('country', 0), ('province', 1), ('provinsi', 1), ('kabkota', 2), ('city', 2), ('kab/kota', 2),
                          ('kecamatan', 3), ('kelurahan', 4)) as t(level, rank)
),
value_below_lowest_level as (
    select count(*) as n
    from observations as o
    join indicators as i on i.code = o.indicator_code
    join regions as r using (region_code)
    join level_rank as at_region on at_region.level = r.level
    join level_rank as lowest on lowest.level = i.lowest_level
    where at_region.rank > lowest.rank and coalesce(i.sub_level_source_id, '') = ''
),
illustrative_from_published_source as (
    select count(*) as n
    from observations as o join sources as s using (source_id)
    where (o.status = 'illustrative') != (s.kind = 'illustrative')
),
-- A target is measured on one concept and source: never applied to another indicator's records.
target_for_another_concept as (
    select count(*) as n
    from targets as t
    join indicators as i on i.code = t.indicator
    where t.set_for_source != i.source or t.set_for_kind != i.measure_kind
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
    union all select 'bad_citation', n from bad_citation
    union all select 'source_without_document', n from source_without_document
    union all select 'official_without_producer', n from official_without_producer
    union all select 'derived_not_provisional', n from derived_not_provisional
    union all select 'derived_without_precision', n from derived_without_precision
    union all select 'value_below_lowest_level', n from value_below_lowest_level
    union all select 'illustrative_from_published_source', n from illustrative_from_published_source
    union all select 'target_for_another_concept', n from target_for_another_concept
    union all select 'region_without_polygon', n from region_without_polygon
    union all select 'duplicate_best', n from duplicate_best
)
select * from checks order by check_name
