-- The indicator catalogue with where and when each indicator has data. No parameters.
with coverage as (
    select
        indicator_code,
        list(distinct region_level order by region_level) as levels,
        min(period) as first_period,
        max(period) as last_period,
        bool_or(status = 'illustrative') as has_illustrative
    from observation_labeled
    group by indicator_code
),
catalogue as (
    select i.*, c.levels, c.first_period, c.last_period, coalesce(c.has_illustrative, false) as has_illustrative
    from indicators as i
    left join coverage as c on c.indicator_code = i.code
)
select * from catalogue order by position
