-- How complete the data are: for each indicator with values at a level, in how many of its periods each
-- region of that level has a value. $level: kecamatan | kelurahan.
with at_level as (
    select region_code, name as region_name, sort_order from regions where level = $level
),
indicator_periods as (
    select indicator_code, count(distinct period) as n_periods, min(period) as first_period, max(period) as last_period
    from observation_labeled
    where region_level = $level
    group by indicator_code
),
present as (
    select indicator_code, region_code, count(distinct period) as n_present
    from observation_labeled
    where region_level = $level
    group by indicator_code, region_code
),
grid as (
    select p.indicator_code, r.region_code, r.region_name, r.sort_order, p.n_periods, p.first_period, p.last_period,
           coalesce(x.n_present, 0) as n_present
    from indicator_periods as p
    cross join at_level as r
    left join present as x using (indicator_code, region_code)
)
select * from grid order by indicator_code, sort_order
