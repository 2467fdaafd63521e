-- Gini ratio and the bottom 40%'s share of expenditure, by region (kelurahan, kecamatan, city).
-- No parameters. Person-weighted (weight x hh_size) on per-capita expenditure exp_pc; the Lorenz
-- curve is integrated by trapezoids, which gives the same result whatever the order of tied values.
-- Households with zero weight are left out; a region without weighted persons does not appear.
with persons as (
    select kelurahan_code, kecamatan_code, city_code, persons, exp_pc
    from households
    where persons > 0
),

by_level as (
    select 'kelurahan' as level, kelurahan_code::varchar as region_code, persons, exp_pc from persons
    union all
    select 'kecamatan' as level, kecamatan_code::varchar as region_code, persons, exp_pc from persons
    union all
    select 'city' as level, city_code::varchar as region_code, persons, exp_pc from persons
),

cumulative as (
    select
        level,
        region_code,
        persons,
        exp_pc,
        sum(persons * exp_pc) over ordered as expenditure_through,
        sum(persons) over ordered as persons_through,
        sum(persons * exp_pc) over region as total_expenditure,
        sum(persons) over region as population_persons
    from by_level
    window
        ordered as (partition by level, region_code order by exp_pc rows between unbounded preceding and current row),
        region as (partition by level, region_code)
),

lorenz as (
    select
        *,
        (expenditure_through - persons * exp_pc) / nullif(total_expenditure, 0) as lorenz_start,
        expenditure_through / nullif(total_expenditure, 0) as lorenz_end,
        -- The part of this household's persons inside the poorest 40% (the one straddling the cut counts in part).
        least(greatest((0.4 * population_persons - (persons_through - persons)) / persons, 0), 1) as bottom40_part
    from cumulative
),

indices as (
    select
        region_code,
        level,
        any_value(population_persons) as population_persons,
        1 - sum(persons / population_persons * (lorenz_start + lorenz_end)) as gini,
        100 * sum(bottom40_part * persons * exp_pc) / nullif(any_value(total_expenditure), 0) as bottom40_share_pct
    from lorenz
    group by region_code, level
)

select * from indices
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code
