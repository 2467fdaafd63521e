-- Map shapes of one level with region names. $level: kecamatan | kelurahan.
with shapes as (
    select b.region_code, r.name as region_name, r.parent_code, b.geometry_json, b.label_lon, b.label_lat, b.kind
    from boundaries as b
    join regions as r using (region_code)
    where b.level = $level
)
select * from shapes order by region_code
