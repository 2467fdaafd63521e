-- Alkire-Foster multidimensional poverty by region: H, A and M0.
-- Parameters: $poverty_line (Rp per capita per month); $k (poverty cutoff, a share 0-1 of the
-- weighted deprivations); $w_expenditure_below_line (weight of the expenditure indicator);
-- $pattern_scores (list of 256: the weighted score of each deprivation_pattern, built by
-- metro_poverty.engine.indicators.pattern_scores; weights sum to 1 over all nine indicators).
-- The same score is computed in engine_multidim_indicators_by_region.sql and
-- engine_scenario_by_region.sql; tests check that the three agree.
with scores as (
    select
        kelurahan_code,
        persons,
        $pattern_scores[deprivation_pattern::integer + 1]
        + (exp_pc < $poverty_line)::int * $w_expenditure_below_line as score
    from households
),

-- Poor when deprived in at least k; the tolerance keeps a score equal to k, up to rounding, poor.
identified as (
    select *, score >= $k - 1e-9 as md_poor
    from scores
),

by_kelurahan as (
    select
        kelurahan_code,
        sum(persons) as population_persons,
        coalesce(sum(persons) filter (where md_poor), 0) as md_poor_persons,
        coalesce(sum(persons * score) filter (where md_poor), 0) as md_score_persons
    from identified
    group by kelurahan_code
),

by_region as (
    select
        coalesce(r.kelurahan_code::varchar, r.kecamatan_code::varchar, r.city_code::varchar) as region_code,
        case
            when grouping(r.kelurahan_code) = 0 then 'kelurahan'
            when grouping(r.kecamatan_code) = 0 then 'kecamatan'
            else 'city'
        end as level,
        sum(k.population_persons) as population_persons,
        sum(k.md_poor_persons) as md_poor_persons,
        sum(k.md_score_persons) as md_score_persons
    from by_kelurahan as k
    join household_regions as r using (kelurahan_code)
    group by grouping sets ((r.city_code), (r.kecamatan_code), (r.kelurahan_code))
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
    from by_region
)

select * from indices
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code
