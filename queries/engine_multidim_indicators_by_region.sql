-- Alkire-Foster by indicator and region: uncensored and censored headcounts (percent of persons),
-- and each indicator's percentage contribution to M0 (a region's contributions add up to 100).
-- Parameters: as engine_multidim_by_region.sql ($poverty_line, $k, $pattern_scores), plus every
-- indicator's weight: $w_expenditure_below_line, $w_schooling, $w_school_attendance, $w_jkn,
-- $w_immunisation, $w_water, $w_sanitation, $w_electricity, $w_housing.
with flags as (
    select
        kelurahan_index,
        persons,
        exp_pc < $poverty_line as d_expenditure_below_line,
        $pattern_scores[deprivation_pattern::integer + 1]
        + (exp_pc < $poverty_line)::int * $w_expenditure_below_line >= $k - 1e-9 as md_poor,
        d_schooling,
        d_school_attendance,
        d_jkn,
        d_immunisation,
        d_water,
        d_sanitation,
        d_electricity,
        d_housing
    from households
    -- A household deprived in nothing adds only to the population, which household_regions holds.
    where deprivation_pattern > 0 or exp_pc < $poverty_line
),

-- Per kelurahan and indicator: persons deprived, and deprived and multidimensionally poor (censored).
by_kelurahan as (
    select
        kelurahan_index,
        sum(persons * d_expenditure_below_line::int) as deprived_expenditure_below_line,
        sum(persons * (d_expenditure_below_line and md_poor)::int) as censored_expenditure_below_line,
        sum(persons * d_schooling::int) as deprived_schooling,
        sum(persons * (d_schooling and md_poor)::int) as censored_schooling,
        sum(persons * d_school_attendance::int) as deprived_school_attendance,
        sum(persons * (d_school_attendance and md_poor)::int) as censored_school_attendance,
        sum(persons * d_jkn::int) as deprived_jkn,
        sum(persons * (d_jkn and md_poor)::int) as censored_jkn,
        sum(persons * d_immunisation::int) as deprived_immunisation,
        sum(persons * (d_immunisation and md_poor)::int) as censored_immunisation,
        sum(persons * d_water::int) as deprived_water,
        sum(persons * (d_water and md_poor)::int) as censored_water,
        sum(persons * d_sanitation::int) as deprived_sanitation,
        sum(persons * (d_sanitation and md_poor)::int) as censored_sanitation,
        sum(persons * d_electricity::int) as deprived_electricity,
        sum(persons * (d_electricity and md_poor)::int) as censored_electricity,
        sum(persons * d_housing::int) as deprived_housing,
        sum(persons * (d_housing and md_poor)::int) as censored_housing
    from flags
    group by kelurahan_index
),

-- Every kelurahan, with zeros where nobody is deprived; kecamatan and city as sums of kelurahan
-- (queries/engine_households_create.sql).
by_region as (
    select * from roll_up_to_regions('by_kelurahan')
),

-- One row per region and indicator.
by_indicator as (
    unpivot by_region
    on
        (deprived_expenditure_below_line, censored_expenditure_below_line) as expenditure_below_line,
        (deprived_schooling, censored_schooling) as schooling,
        (deprived_school_attendance, censored_school_attendance) as school_attendance,
        (deprived_jkn, censored_jkn) as jkn,
        (deprived_immunisation, censored_immunisation) as immunisation,
        (deprived_water, censored_water) as water,
        (deprived_sanitation, censored_sanitation) as sanitation,
        (deprived_electricity, censored_electricity) as electricity,
        (deprived_housing, censored_housing) as housing
    into name indicator value deprived_persons, censored_persons
),

weights as (
    select * from (values
        ('expenditure_below_line', $w_expenditure_below_line),
        ('schooling', $w_schooling),
        ('school_attendance', $w_school_attendance),
        ('jkn', $w_jkn),
        ('immunisation', $w_immunisation),
        ('water', $w_water),
        ('sanitation', $w_sanitation),
        ('electricity', $w_electricity),
        ('housing', $w_housing)
    ) as w (indicator, weight)
),

contributions as (
    select
        r.region_code,
        r.level,
        r.indicator,
        w.weight::double as weight,
        r.population_persons,
        100 * r.deprived_persons / nullif(r.population_persons, 0) as uncensored_headcount_pct,
        100 * r.censored_persons / nullif(r.population_persons, 0) as censored_headcount_pct,
        100 * w.weight * r.censored_persons
        / nullif(sum(w.weight * r.censored_persons) over (partition by r.region_code, r.level), 0) as contribution_pct
    from by_indicator as r
    join weights as w using (indicator)
)

select * from contributions
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code, indicator
