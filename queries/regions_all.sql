-- All regions with their parent's name. No parameters.
with named as (
    select r.*, p.name as parent_name
    from regions as r
    left join regions as p on p.region_code = r.parent_code
)
select * from named order by sort_order
