-- Alkire-Foster by indicator and region: uncensored and censored headcounts (percent of persons),
-- and each indicator's percentage contribution to M0 (a region's contributions add up to 100).
-- Parameters: as engine_multidim_by_region.sql ($poverty_line, $k, $pattern_scores), plus every
-- indicator's weight: $w_expenditure_below_line, $w_schooling, $w_school_attendance, $w_jkn,
-- $w_immunisation, $w_water, $w_sanitation, $w_electricity, $w_housing.
with flags as (
    select
        kelurahan_code,
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

-- One row per household and indicator: deprived or not.
long as (
    unpivot flags
    on d_expenditure_below_line as expenditure_below_line,
        d_schooling as schooling,
        d_school_attendance as school_attendance,
        d_jkn as jkn,
        d_immunisation as immunisation,
        d_water as water,
        d_sanitation as sanitation,
        d_electricity as electricity,
        d_housing as housing
    into name indicator value deprived
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

by_kelurahan as (
    select
        kelurahan_code,
        indicator,
        coalesce(sum(persons) filter (where deprived), 0) as deprived_persons,
        -- Censored: deprived in this indicator and multidimensionally poor.
        coalesce(sum(persons) filter (where deprived and md_poor), 0) as censored_persons
    from long
    group by kelurahan_code, indicator
),

-- Every kelurahan gets every indicator, with zeros where nobody is deprived.
with_population as (
    select
        r.kelurahan_code,
        r.kecamatan_code,
        r.city_code,
        i.indicator,
        r.population_persons,
        coalesce(k.deprived_persons, 0) as deprived_persons,
        coalesce(k.censored_persons, 0) as censored_persons
    from household_regions as r
    cross join weights as i
    left join by_kelurahan as k using (kelurahan_code, indicator)
),

by_region as (
    select
        coalesce(kelurahan_code::varchar, kecamatan_code::varchar, city_code::varchar) as region_code,
        case
            when grouping(kelurahan_code) = 0 then 'kelurahan'
            when grouping(kecamatan_code) = 0 then 'kecamatan'
            else 'city'
        end as level,
        indicator,
        sum(population_persons) as population_persons,
        sum(deprived_persons) as deprived_persons,
        sum(censored_persons) as censored_persons
    from with_population
    group by grouping sets ((city_code, indicator), (kecamatan_code, indicator), (kelurahan_code, indicator))
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
    from by_region as r
    join weights as w using (indicator)
)

select * from contributions
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code, indicator
