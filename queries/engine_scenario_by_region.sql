-- A scenario's poverty before and after, and what its transfer costs and achieves, by region.
-- Parameters:
--   $baseline_line, $scenario_line  poverty line before / after (Rp per capita per month)
--   $transfer_rp, $per_capita        monthly transfer, per household (false) or per member (true)
--   $deciles                         DTSEN deciles eligible (list of integers)
--   $all_regions, $regions           program area: everywhere, or these kelurahan/kecamatan/city codes
--   $exclusion, $inclusion           targeting errors as shares 0-1, applied with the stored u_target
--   $growth_low, $growth_high        REAL expenditure growth (share) of deciles 1-4 and 5-10
--   $inflation                       price change since the baseline (share): expenditure grows
--                                    nominally by (1 + real growth) x (1 + inflation), the line moves
--                                    with inflation in Python ($scenario_line), so inflation alone
--                                    leaves poverty where it was
--   $k, $w_expenditure_below_line, $pattern_scores   Alkire-Foster cutoff and weights
--                                    (see engine_multidim_by_region.sql)
-- "Before" is the data at the baseline line. "Without transfer" applies growth and the scenario line
-- only; comparing it with "after" measures the transfer alone (persons lifted, share to the poor,
-- perfect-targeting budget). Deciles are read from the table, never recomputed here: ranking
-- millions of households again on every change would cost seconds.
with targeting as (
    select
        kelurahan_code,
        weight,
        hh_size,
        persons,
        exp_pc,
        decile,
        u_target,
        deprivation_pattern,
        $all_regions
        or list_contains($regions, kelurahan_code)
        or list_contains($regions, kecamatan_code)
        or list_contains($regions, city_code) as in_area
    from households
),

eligibility as (
    select *, in_area and list_contains($deciles, decile) as eligible
    from targeting
),

-- Exclusion error: an eligible household whose draw falls below the exclusion share is missed.
-- Inclusion error: an ineligible household in the area whose draw falls below the inclusion share gets it.
recipients as (
    select
        *,
        (eligible and u_target::double >= $exclusion)
        or (in_area and not eligible and u_target::double < $inclusion) as receives
    from eligibility
),

expenditure as (
    select
        *,
        exp_pc * (1 + case when decile <= 4 then $growth_low else $growth_high end) * (1 + $inflation)
            as exp_pc_without_transfer,
        case
            when not receives then 0
            when $per_capita then $transfer_rp
            else $transfer_rp / hh_size
        end as transfer_rp_per_capita
    from recipients
),

states as (
    select
        kelurahan_code,
        weight,
        persons,
        receives,
        exp_pc,
        exp_pc_without_transfer,
        exp_pc_without_transfer + transfer_rp_per_capita as exp_pc_after,
        exp_pc < $baseline_line as poor_before,
        exp_pc_without_transfer < $scenario_line as poor_without_transfer,
        exp_pc_without_transfer + transfer_rp_per_capita < $scenario_line as poor_after,
        $pattern_scores[deprivation_pattern::integer + 1] as score_without_expenditure
    from expenditure
),

scores as (
    select
        *,
        score_without_expenditure + poor_before::int * $w_expenditure_below_line as score_before,
        score_without_expenditure + poor_after::int * $w_expenditure_below_line as score_after
    from states
),

identified as (
    select
        *,
        score_before >= $k - 1e-9 as md_poor_before,
        score_after >= $k - 1e-9 as md_poor_after
    from scores
),

-- A household that is poor in no state, multidimensionally poor in none and receives nothing adds
-- zero to every sum below except the population, so only the others are summed. The transfer never
-- lowers expenditure, so poor after implies poor without the transfer.
relevant as (
    select *
    from identified
    where poor_before or poor_without_transfer or receives or md_poor_before or md_poor_after
),

gaps as (
    select
        *,
        greatest(1 - exp_pc / $baseline_line, 0) as gap_before,
        greatest(1 - exp_pc_without_transfer / $scenario_line, 0) as gap_without_transfer,
        greatest(1 - exp_pc_after / $scenario_line, 0) as gap_after
    from relevant
),

-- Plain sums of products: about a quarter faster than sum(...) filter (where ...) here.
by_kelurahan as (
    select
        kelurahan_code,
        sum(persons * poor_before::int) as poor_before,
        sum(persons * gap_before) as gap_before,
        sum(persons * gap_before * gap_before) as gap_squared_before,
        sum(persons * poor_without_transfer::int) as poor_without_transfer,
        sum(persons * gap_without_transfer) as gap_without_transfer,
        sum(persons * poor_after::int) as poor_after,
        sum(persons * gap_after) as gap_after,
        sum(persons * gap_after * gap_after) as gap_squared_after,
        sum(persons * (poor_without_transfer and not poor_after)::int) as lifted,
        sum(persons * md_poor_before::int) as md_poor_before,
        sum(persons * score_before * md_poor_before::int) as md_score_before,
        sum(persons * md_poor_after::int) as md_poor_after,
        sum(persons * score_after * md_poor_after::int) as md_score_after,
        sum(weight * receives::int) as recipient_households,
        sum(persons * receives::int) as recipient_persons,
        -- The budget is the amount times recipient households (or persons); this is the part paid
        -- to households that were poor without the transfer.
        sum(case when $per_capita then persons else weight end * (receives and poor_without_transfer)::int)
            as poor_recipient_units
    from gaps
    group by kelurahan_code
),

-- Every kelurahan's population, and kecamatan and city as sums (queries/engine_households_create.sql).
by_region as (
    select * from roll_up_to_regions('by_kelurahan')
),

budgets as (
    select
        *,
        $transfer_rp * case when $per_capita then recipient_persons else recipient_households end as budget_per_month,
        $transfer_rp * poor_recipient_units as budget_to_poor_per_month
    from by_region
),

results as (
    select
        region_code,
        level,
        population_persons,
        $baseline_line::double as poverty_line_before_rp,
        $scenario_line::double as poverty_line_after_rp,
        100 * poor_before / nullif(population_persons, 0) as p0_before_pct,
        100 * poor_after / nullif(population_persons, 0) as p0_after_pct,
        100 * gap_before / nullif(population_persons, 0) as p1_before,
        100 * gap_after / nullif(population_persons, 0) as p1_after,
        100 * gap_squared_before / nullif(population_persons, 0) as p2_before,
        100 * gap_squared_after / nullif(population_persons, 0) as p2_after,
        poor_before as poor_persons_before,
        poor_without_transfer as poor_persons_without_transfer,
        poor_after as poor_persons_after,
        lifted as persons_lifted,
        100 * md_poor_before / nullif(population_persons, 0) as h_before_pct,
        100 * md_poor_after / nullif(population_persons, 0) as h_after_pct,
        md_score_before / nullif(population_persons, 0) as m0_before,
        md_score_after / nullif(population_persons, 0) as m0_after,
        recipient_households,
        recipient_persons,
        12 * budget_per_month as budget_rp_per_year,
        100 * budget_to_poor_per_month / nullif(budget_per_month, 0) as budget_share_to_poor_pct,
        12 * budget_per_month / nullif(lifted, 0) as cost_rp_per_person_lifted_per_year,
        12 * $scenario_line * gap_without_transfer as min_budget_rp_per_year,
        budget_per_month / nullif($scenario_line * gap_without_transfer, 0) as budget_to_min_budget_ratio
    from budgets
)

select * from results
order by case level when 'city' then 1 when 'kecamatan' then 2 else 3 end, region_code
