-- FGT poverty indices by region: every kelurahan, kecamatan and city (kab/kota) in `households`.
-- Parameters: $poverty_line (GK, Rp per capita per month).
-- Persons count with weight x hh_size; poor means exp_pc < $poverty_line, strictly (DOMAIN.md).
-- P0 in percent; P1 and P2 on the same x100 scale, as BPS publishes them.
-- A region whose weights sum to zero gets null indices rather than a division error.
with poor as (
    select
        kelurahan_index,
        persons,
        1 - exp_pc / $poverty_line as gap
    from households
    where exp_pc < $poverty_line
),

by_kelurahan as (
    select
        kelurahan_index,
        sum(persons) as poor_persons,
        sum(persons * gap) as gap_persons,
        sum(persons * gap * gap) as gap_squared_persons
    from poor
    group by kelurahan_index
),

indices as (
    select
        region_code,
        level,
        population_persons,
        poor_persons,
        100 * poor_persons / nullif(population_persons, 0) as p0_pct,
        100 * gap_persons / nullif(population_persons, 0) as p1,
        100 * gap_squared_persons / nullif(population_persons, 0) as p2,
        $poverty_line::double as poverty_line_rp_per_capita_month,
        $poverty_line * gap_persons / nullif(poor_persons, 0) as poverty_gap_rp_per_poor_person_month,
        -- Perfect targeting: P1/100 x GK x population = the sum of every poor person's shortfall.
        $poverty_line * gap_persons as min_budget_rp_per_month,
        12 * $poverty_line * gap_persons as min_budget_rp_per_year
    -- Every kelurahan's population, and kecamatan and city as sums of kelurahan sums
    -- (roll_up_to_regions: queries/engine_households_create.sql).
    from roll_up_to_regions('by_kelurahan')
)

select * from indices
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code
