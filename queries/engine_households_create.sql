-- The engine's `households` table, one row per household, from a validated household file
-- registered (or viewed) as `households_input` with the columns of metro_poverty/microdata/schema.py.
-- No parameters. Several statements: the region codes become ENUM types first, because grouping
-- 25 million rows by 13-character text codes is several times slower than by enum.
-- The non-expenditure deprivations of the multidimensional index are defined here, once; the
-- expenditure one depends on the scenario's line and is computed by each query.
-- Also `household_regions`: each kelurahan with its kecamatan, city (kab/kota) and population, so
-- queries sum only the households that can contribute (the poor, recipients) by kelurahan and roll
-- up through this small table; the population is the one sum no scenario changes.
-- And `household_deciles`: households and persons per kelurahan and decile, so the bases of the
-- targeting errors (eligible households, ineligible ones in the area) are sums of a few hundred rows.
-- And the table macro `roll_up_to_regions`, the one place where per-kelurahan sums become rows for
-- every kelurahan, kecamatan and city (every engine query ends with it).
drop table if exists households;

drop table if exists household_regions;

drop table if exists household_deciles;

create or replace type households_kelurahan_code as enum (
    select distinct kelurahan_code::varchar from households_input order by 1
);

create or replace type households_kecamatan_code as enum (
    select distinct kecamatan_code::varchar from households_input order by 1
);

create or replace type households_city_code as enum (
    select distinct left(kecamatan_code::varchar, 5) from households_input order by 1
);

create table households as
with input as (
    select * from households_input
),

typed as (
    select
        hh_id::bigint as hh_id,
        kelurahan_code::varchar::households_kelurahan_code as kelurahan_code,
        kecamatan_code::varchar::households_kecamatan_code as kecamatan_code,
        left(kecamatan_code::varchar, 5)::households_city_code as city_code,
        weight::double as weight,
        hh_size::utinyint as hh_size,
        weight::double * hh_size as persons,
        exp_pc::double as exp_pc,
        decile::utinyint as decile,
        u_target::float as u_target,
        -- No member aged 15+ has completed six years of schooling (primary school).
        max_schooling_years < 6 as d_schooling,
        n_children_out_of_school > 0 as d_school_attendance,
        not jkn_all_members as d_jkn,
        -- Only households with a child under two can be deprived here (global MPI convention).
        n_children_under2 > 0 and not immunisation_complete as d_immunisation,
        not water_safe as d_water,
        not sanitation_proper as d_sanitation,
        not electricity as d_electricity,
        -- Unfit housing (RTLH): earth floor, unfit wall or roof, or under 7.2 m2 of floor per person
        -- (the per-capita floor area used by BPS for adequate housing, SDG 11.1.1).
        floor_earth or wall_unfit or roof_unfit or floor_area_pc < 7.2 as d_housing
    from input
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

-- Stored in kelurahan order: a query's running sums for one kelurahan then stay in cache while its
-- households stream past (measured: about a third faster at 25 million households than random order).
select * from patterned
order by kelurahan_code, hh_id;

create table household_regions as
select kelurahan_code, kecamatan_code, city_code, sum(persons) as population_persons
from households
group by kelurahan_code, kecamatan_code, city_code
order by kelurahan_code;

create table household_deciles as
select kelurahan_code, kecamatan_code, city_code, decile, sum(weight) as households, sum(persons) as persons
from households
group by kelurahan_code, kecamatan_code, city_code, decile
order by kelurahan_code, decile;

-- roll_up_to_regions('<relation>'): the relation (a CTE of the calling query, by name) holds
-- kelurahan_code and sums that add up; out come one row per city, kecamatan and kelurahan with
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
        coalesce(columns(k.* exclude (kelurahan_code)), 0)
    from household_regions as r
    left join query_table(kelurahan_sums) as k using (kelurahan_code)
),

by_region as (
    select
        coalesce(kelurahan_code::varchar, kecamatan_code::varchar, city_code::varchar) as region_code,
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
