-- Benchmark input: the table `households_input` (the household file's columns) made by resampling
-- the city's households, registered as `households_city`, into many new regions, so the engine can
-- be timed at province and national scale without a real file.
-- Parameters: $n_households, $n_kelurahan, $kelurahan_per_kecamatan, $kecamatan_per_city.
-- New kelurahan j copies households of city kelurahan (j mod 22), so regions keep the city's
-- differences; household i draws its source row from hash(i): deterministic, no random state.
-- Codes look like Kemendagri codes: province 11.., kab/kota 01-15 within it, kecamatan, kelurahan 1001...
create or replace table households_input as
with source_kelurahan as (
    select
        kelurahan_code,
        (row_number() over (order by kelurahan_code) - 1)::integer as source_index,
        count(*) over () as n_sources
    from (select distinct kelurahan_code from households_city)
),

source_rows as (
    select
        k.source_index,
        (row_number() over (partition by h.kelurahan_code order by h.hh_id) - 1)::bigint as rank_in_kelurahan,
        count(*) over (partition by h.kelurahan_code) as n_in_kelurahan,
        h.* exclude (hh_id, kelurahan_code, kecamatan_code)
    from households_city as h
    join source_kelurahan as k using (kelurahan_code)
),

source_sizes as (
    select distinct source_index, n_in_kelurahan from source_rows
),

regions as (
    select
        j::integer as kelurahan_index,
        j // $kelurahan_per_kecamatan as kecamatan_index,
        (j // $kelurahan_per_kecamatan) // $kecamatan_per_city as city_index,
        (j % (select any_value(n_sources) from source_kelurahan))::integer as source_index
    from range($n_kelurahan) as r (j)
),

region_codes as (
    select
        kelurahan_index,
        source_index,
        printf('%02d.%02d.%02d', 11 + city_index // 15, city_index % 15 + 1, kecamatan_index % $kecamatan_per_city + 1)
            as kecamatan_code,
        printf('%02d.%02d.%02d.%04d', 11 + city_index // 15, city_index % 15 + 1,
            kecamatan_index % $kecamatan_per_city + 1, 1001 + kelurahan_index % $kelurahan_per_kecamatan) as kelurahan_code
    from regions
),

draws as (
    select
        i + 1 as hh_id,
        c.kelurahan_code,
        c.kecamatan_code,
        c.source_index,
        hash(i) % z.n_in_kelurahan as rank_in_kelurahan
    from range($n_households) as r (i)
    join region_codes as c on c.kelurahan_index = i % $n_kelurahan
    join source_sizes as z on z.source_index = c.source_index
),

resampled as (
    select d.hh_id, d.kelurahan_code, d.kecamatan_code, h.* exclude (source_index, rank_in_kelurahan, n_in_kelurahan)
    from draws as d
    join source_rows as h using (source_index, rank_in_kelurahan)
)

select * from resampled
