-- Alkire-Foster multidimensional poverty by region: H, A and M0.
-- Parameters: $poverty_line (Rp per capita per month); $k (poverty cutoff, a share 0-1 of the
-- weighted deprivations); $w_expenditure_below_line (weight of the expenditure indicator);
-- $pattern_scores (list of 256: the weighted score of each deprivation_pattern, built by
-- metro_poverty.engine.indicators.pattern_scores; weights sum to 1 over all nine indicators).
-- The same score is computed in engine_multidim_indicators_by_region.sql and
-- engine_scenario_by_region.sql; tests check that the three agree.
with scores as (
    select
        kelurahan_index,
        persons,
        $pattern_scores[deprivation_pattern::integer + 1]
        + (exp_pc < $poverty_line)::int * $w_expenditure_below_line as score
    from households
),

-- Poor when deprived in at least k; the tolerance keeps a score equal to k, up to rounding, poor.
-- Only the poor add to the sums; the population of every kelurahan comes from household_regions.
identified as (
    select *
    from scores
    where score >= $k - 1e-9
),

by_kelurahan as (
    select
        kelurahan_index,
        sum(persons) as md_poor_persons,
        sum(persons * score) as md_score_persons
    from identified
    group by kelurahan_index
),

indices as (
    select
        region_code,
        level,
        population_persons,
        md_poor_persons,
        100 * md_poor_persons / nullif(population_persons, 0) as h_pct,
        100 * md_score_persons / nullif(md_poor_persons, 0) as a_pct,
        md_score_persons / nullif(population_persons, 0) as m0,
        $k::double as k
    -- Every kelurahan's population, and kecamatan and city as sums of kelurahan sums
    -- (roll_up_to_regions: queries/engine_households_create.sql).
    from roll_up_to_regions('by_kelurahan')
)

select * from indices
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code
