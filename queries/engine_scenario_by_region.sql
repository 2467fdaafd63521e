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
--
-- Pruning: a household adds to a sum other than the population only if it is poor in some state, is
-- multidimensionally poor, or receives the transfer. So the query reads three small parts, each from
-- a table made for it by engine_households_create.sql, and never the other households:
-- 1. the households below an expenditure bound, the only ones that can be poor in any state (a prefix
--    of `households`, which is sorted by exp_pc): every figure of theirs is computed in full;
-- 2. the recipients, counted from `household_draws` (sorted by decile, then draw): the chosen deciles
--    at or above the exclusion share and the other deciles below the inclusion share;
-- 3. the multidimensional index as if nobody were poor in expenditure, from `household_patterns`
--    (persons per kelurahan and deprivation pattern); part 1 adds, for its households, the difference
--    being poor makes to their score (zero when expenditure has no weight).
-- The programme area as one flag per kelurahan, in key order, so that a household's flag is a lookup
-- by its kelurahan_index (programme_area: queries/engine_households_create.sql).
with area as (
    select list(in_area order by kelurahan_index) as in_area_by_kelurahan
    from programme_area($all_regions, $regions)
),

-- Part 1. Expenditure without the transfer is exp_pc x (1 + growth) x (1 + inflation), and the
-- transfer only adds to it, so a household at or above the bound is poor in no state: above the
-- baseline line, and above the scenario line even with the lower of the two growth rates. The margin
-- (1e-9, relative) is far above rounding error and only lets a few more households be checked.
candidates as (
    select
        h.kelurahan_index,
        h.weight,
        h.hh_size,
        h.persons,
        h.exp_pc,
        h.decile,
        h.u_target::double as u_target,
        $pattern_scores[h.deprivation_pattern::integer + 1] as score_without_expenditure,
        (select in_area_by_kelurahan from area)[h.kelurahan_index + 1] as in_area
    from households as h
    where h.exp_pc < greatest(
        $baseline_line,
        $scenario_line / ((1 + least($growth_low, $growth_high)) * (1 + $inflation))
    ) * (1 + 1e-9)
),

-- Exclusion error: an eligible household whose draw falls below the exclusion share is missed.
-- Inclusion error: an ineligible household in the area whose draw falls below the inclusion share gets it.
recipients as (
    select
        *,
        (in_area and list_contains($deciles, decile) and u_target >= $exclusion)
        or (in_area and not list_contains($deciles, decile) and u_target < $inclusion) as receives
    from candidates
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
        *,
        exp_pc_without_transfer + transfer_rp_per_capita as exp_pc_after,
        exp_pc < $baseline_line as poor_before,
        exp_pc_without_transfer < $scenario_line as poor_without_transfer,
        exp_pc_without_transfer + transfer_rp_per_capita < $scenario_line as poor_after
    from expenditure
),

scores as (
    select
        *,
        score_without_expenditure >= $k - 1e-9 as md_poor_without_expenditure,
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

gaps as (
    select
        *,
        greatest(1 - exp_pc / $baseline_line, 0) as gap_before,
        greatest(1 - exp_pc_without_transfer / $scenario_line, 0) as gap_without_transfer,
        greatest(1 - exp_pc_after / $scenario_line, 0) as gap_after
    from identified
),

-- Plain sums of products: about a quarter faster than sum(...) filter (where ...) here.
-- The md_* sums are what being poor adds to part 3 (a household that is not poor adds zero).
poor_sums as (
    select
        kelurahan_index,
        sum(persons * poor_before::int) as poor_before,
        sum(persons * gap_before) as gap_before,
        sum(persons * gap_before * gap_before) as gap_squared_before,
        sum(persons * poor_without_transfer::int) as poor_without_transfer,
        sum(persons * gap_without_transfer) as gap_without_transfer,
        sum(persons * poor_after::int) as poor_after,
        sum(persons * gap_after) as gap_after,
        sum(persons * gap_after * gap_after) as gap_squared_after,
        sum(persons * (poor_without_transfer and not poor_after)::int) as lifted,
        sum(persons * (md_poor_before::int - md_poor_without_expenditure::int)) as md_poor_before,
        sum(persons * (score_before * md_poor_before::int
            - score_without_expenditure * md_poor_without_expenditure::int)) as md_score_before,
        sum(persons * (md_poor_after::int - md_poor_without_expenditure::int)) as md_poor_after,
        sum(persons * (score_after * md_poor_after::int
            - score_without_expenditure * md_poor_without_expenditure::int)) as md_score_after,
        -- The budget is the amount times recipient households (or persons); this is the part paid
        -- to households that were poor without the transfer.
        sum(case when $per_capita then persons else weight end * (receives and poor_without_transfer)::int)
            as poor_recipient_units
    from gaps
    group by kelurahan_index
),

-- Part 2. The two kinds of recipient, each read as ranges of household_draws: the chosen deciles
-- (between the lowest and the highest chosen) at or above the exclusion share, and every decile
-- below the inclusion share; the exact conditions then keep the recipients.
eligible_draws as (
    select kelurahan_index, weight, persons
    from household_draws
    where decile between list_min($deciles) and list_max($deciles)
        and u_target >= $exclusion
        and list_contains($deciles, decile)
),

included_draws as (
    select kelurahan_index, weight, persons
    from household_draws
    where u_target < $inclusion
        and not list_contains($deciles, decile)
),

recipient_sums as (
    select
        kelurahan_index,
        sum(weight) as recipient_households,
        sum(persons) as recipient_persons
    from (select * from eligible_draws union all select * from included_draws)
    where (select in_area_by_kelurahan from area)[kelurahan_index + 1]
    group by kelurahan_index
),

-- Part 3. Multidimensionally poor on the other deprivations alone, by kelurahan: the same for before
-- and after; part 1 adds what expenditure below the line adds.
pattern_sums as (
    select
        kelurahan_index,
        persons,
        $pattern_scores[deprivation_pattern::integer + 1] as score_without_expenditure
    from household_patterns
),

md_sums as (
    select
        kelurahan_index,
        sum(persons) as md_poor_before,
        sum(persons * score_without_expenditure) as md_score_before,
        sum(persons) as md_poor_after,
        sum(persons * score_without_expenditure) as md_score_after
    from pattern_sums
    where score_without_expenditure >= $k - 1e-9
    group by kelurahan_index
),

by_kelurahan as (
    select kelurahan_index, sum(columns(* exclude (kelurahan_index)))
    from (
        select * from poor_sums
        union all by name
        select * from recipient_sums
        union all by name
        select * from md_sums
    )
    group by kelurahan_index
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
