-- The indicator catalogue with where and when each indicator has data, and the target the pages compare
-- with: the city's own, else the national one, each with the document that sets it.
-- $city, $country: region codes.
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
chosen_target as (
    select
        indicator, value as target, year as target_year, document as target_document, region_code as target_region,
        note_id as target_note_id, note_en as target_note_en
    from targets
    where region_code in ($city, $country)
    qualify row_number() over (partition by indicator order by region_code = $city desc) = 1
),
catalogue as (
    select i.*, c.levels, c.first_period, c.last_period, coalesce(c.has_illustrative, false) as has_illustrative,
           t.* exclude (indicator)
    from indicators as i
    left join coverage as c on c.indicator_code = i.code
    left join chosen_target as t on t.indicator = i.code
)
select * from catalogue order by position
