-- The engine's `households` table, one row per household, from a validated household file
-- registered (or viewed) as `households_input` with the columns of metro_poverty/microdata/schema.py,
-- and the small tables and the macro the engine's queries read beside it.
-- No parameters. Several statements. Each kelurahan gets a small integer key, kelurahan_index (its
-- position in code order, from 0), and the engine's queries group and join by it: grouping 25 million
-- rows by 13-character text codes is several times slower, and an ENUM of 26,000 codes (tried before)
-- made DuckDB's planner itself slow, about 10 ms per query at that size.
-- The non-expenditure deprivations of the multidimensional index are defined here, once; the
-- expenditure one depends on the scenario's line and is computed by each query.
-- What is made here is what no lever changes, so that a scenario reads only the households whose
-- state it can change (queries/engine_scenario_by_region.sql):
-- - `households`, sorted by expenditure: the households that can be poor under a scenario are a
--   prefix of the table, and DuckDB skips the row groups above a bound on exp_pc unread;
-- - `household_regions`: each kelurahan's key with its codes, its kecamatan and city (kab/kota) and its
--   population (the one sum no scenario changes), so queries sum only the households that contribute
--   and roll up here;
-- - `household_deciles`: households and persons per kelurahan and decile, so the bases of the
--   targeting errors (eligible households, ineligible ones in the area) are sums of a few hundred rows;
-- - `household_draws`: who can receive a transfer, sorted by decile and then by the targeting draw,
--   so the recipients of a scenario (chosen deciles above the exclusion share, the other deciles
--   below the inclusion share) are a few contiguous ranges;
-- - `household_patterns`: persons per kelurahan and deprivation pattern, so the multidimensional index
--   of the households no scenario makes poor is a sum over a few dozen patterns per kelurahan;
-- - the table macro `roll_up_to_regions`, the one place where per-kelurahan sums become rows for
--   every kelurahan, kecamatan and city (every engine query ends with it), and `programme_area`, the
--   one definition of the kelurahan a programme covers.
drop table if exists households;

drop table if exists household_regions;

drop table if exists household_deciles;

drop table if exists household_draws;

drop table if exists household_patterns;

create table households as
with input as (
    select * from households_input
),

kelurahan_keys as (
    select
        kelurahan_code,
        (row_number() over (order by kelurahan_code) - 1)::uinteger as kelurahan_index
    from (select distinct kelurahan_code::varchar as kelurahan_code from input)
),

typed as (
    select
        i.hh_id::bigint as hh_id,
        k.kelurahan_index,
        k.kelurahan_code,
        i.kecamatan_code::varchar as kecamatan_code,
        left(i.kecamatan_code::varchar, 5) as city_code,
        i.weight::double as weight,
        i.hh_size::utinyint as hh_size,
        i.weight::double * i.hh_size as persons,
        i.exp_pc::double as exp_pc,
        i.decile::utinyint as decile,
        i.u_target::float as u_target,
        -- No member aged 15+ has completed six years of schooling (primary school).
        i.max_schooling_years < 6 as d_schooling,
        i.n_children_out_of_school > 0 as d_school_attendance,
        not i.jkn_all_members as d_jkn,
        -- Only households with a child under two can be deprived here (global MPI convention).
        i.n_children_under2 > 0 and not i.immunisation_complete as d_immunisation,
        not i.water_safe as d_water,
        not i.sanitation_proper as d_sanitation,
        not i.electricity as d_electricity,
        -- Unfit housing (RTLH): earth floor, unfit wall or roof, or under 7.2 m2 of floor per person
        -- (the per-capita floor area used by BPS for adequate housing, SDG 11.1.1).
        i.floor_earth or i.wall_unfit or i.roof_unfit or i.floor_area_pc < 7.2 as d_housing
    from input as i
    join kelurahan_keys as k on k.kelurahan_code = i.kelurahan_code::varchar
),

-- The eight flags as one small number (bit 0 = d_schooling ... bit 7 = d_housing, the order of
-- metro_poverty/engine/indicators.py), so a query scores a household with one lookup in a list of
-- 256 weighted scores instead of eight multiplications.
patterned as (
    select
        *,
        (d_schooling::int
        + 2 * d_school_attendance::int
        + 4 * d_jkn::int
        + 8 * d_immunisation::int
        + 16 * d_water::int
        + 32 * d_sanitation::int
        + 64 * d_electricity::int
        + 128 * d_housing::int)::utinyint as deprivation_pattern
    from typed
)

-- Stored in expenditure order (hh_id breaks ties, so the order is reproducible): a filter
-- exp_pc < bound then reads only the first row groups; min and max of each row group's exp_pc
-- tell DuckDB which ones to skip.
select * from patterned
order by exp_pc, hh_id;

create table household_regions as
select kelurahan_index, kelurahan_code, kecamatan_code, city_code, sum(persons) as population_persons
from households
group by kelurahan_index, kelurahan_code, kecamatan_code, city_code
order by kelurahan_index;

create table household_deciles as
select kelurahan_index, decile, sum(weight) as households, sum(persons) as persons
from households
group by kelurahan_index, decile
order by kelurahan_index, decile;

-- The draw is kept as a double, the type it is compared in, so that a filter on it needs no cast
-- and skips row groups (a float widens to a double exactly).
create table household_draws as
select kelurahan_index, decile, u_target::double as u_target, weight, persons
from households
order by decile, u_target, kelurahan_index;

create table household_patterns as
select kelurahan_index, deprivation_pattern, sum(persons) as persons
from households
group by kelurahan_index, deprivation_pattern
order by kelurahan_index, deprivation_pattern;

-- roll_up_to_regions('<relation>'): the relation (a CTE of the calling query, by name) holds
-- kelurahan_index and sums that add up; out come one row per city, kecamatan and kelurahan with
-- region_code, level, population_persons and those sums. Every kelurahan of household_regions is there,
-- with zeros where the relation has no row, so a query may sum only the households that contribute.
-- Sums add up, so kecamatan and city are sums of kelurahan sums.
create or replace macro roll_up_to_regions(kelurahan_sums) as table
with with_population as (
    select
        r.kelurahan_code,
        r.kecamatan_code,
        r.city_code,
        r.population_persons,
        coalesce(columns(k.* exclude (kelurahan_index)), 0)
    from household_regions as r
    left join query_table(kelurahan_sums) as k using (kelurahan_index)
),

by_region as (
    select
        coalesce(kelurahan_code, kecamatan_code, city_code) as region_code,
        case
            when grouping(kelurahan_code) = 0 then 'kelurahan'
            when grouping(kecamatan_code) = 0 then 'kecamatan'
            else 'city'
        end as level,
        sum(columns(* exclude (kelurahan_code, kecamatan_code, city_code)))
    from with_population
    group by grouping sets ((city_code), (kecamatan_code), (kelurahan_code))
)

select * from by_region;

-- programme_area(all_regions, regions): every kelurahan with in_area, true when the programme covers it:
-- everywhere, or the kelurahan, its kecamatan or its city is one of `regions` (a list of codes).
create or replace macro programme_area(all_regions, regions) as table
select
    kelurahan_index,
    all_regions
    or list_contains(regions, kelurahan_code)
    or list_contains(regions, kecamatan_code)
    or list_contains(regions, city_code) as in_area
from household_regions;
