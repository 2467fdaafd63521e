-- Every published (non-illustrative) value of some indicators for some regions, all periods.
-- $indicators: list of indicator codes; $regions: list of region codes.
with published as (
    select
        indicator_code, region_code, region_name, region_level, period, series, value,
        status, quality_flag, citation, decimals, note, source_id, source_title, source_publisher, source_reference
    from observation_labeled
    where status != 'illustrative'
      and list_contains($indicators, indicator_code)
      and list_contains($regions, region_code)
)
select * from published order by indicator_code, region_code, period
