-- The bases of a transfer's targeting errors, by region: how many households are eligible (in the
-- chosen deciles and in the programme area) and how many are not but live in the area.
-- Parameters: $deciles, $all_regions, $regions, $exclusion, $inclusion (as in
-- engine_scenario_by_region.sql). The exclusion error is a share of the eligible households, the
-- inclusion error a share of the ineligible households IN THE AREA (never of the whole city); the
-- expected counts are those shares of the bases. The scenario applies them household by household
-- with the stored draw u_target, so its recipients come close to, not exactly at, these counts.
-- Reads household_deciles (a few hundred rows), never the households themselves.
with cells as (
    select d.kelurahan_index, d.decile, d.households, a.in_area
    from household_deciles as d
    join programme_area($all_regions, $regions) as a using (kelurahan_index)
),

classified as (
    select *, in_area and list_contains($deciles, decile) as eligible
    from cells
),

by_kelurahan as (
    select
        kelurahan_index,
        sum(households) as households,
        sum(households * in_area::int) as area_households,
        sum(households * eligible::int) as eligible_households,
        sum(households * (in_area and not eligible)::int) as ineligible_area_households
    from classified
    group by kelurahan_index
),

-- Kecamatan and city as sums of kelurahan (queries/engine_households_create.sql).
by_region as (
    select * exclude (population_persons) from roll_up_to_regions('by_kelurahan')
),

bases as (
    select
        *,
        100 * eligible_households / nullif(households, 0) as eligible_share_pct,
        $exclusion * eligible_households as expected_missed_households,
        $inclusion * ineligible_area_households as expected_included_households
    from by_region
)

select * from bases
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code
